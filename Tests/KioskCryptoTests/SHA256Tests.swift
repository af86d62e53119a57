import KioskCrypto
import Testing

@Suite struct SHA256Tests {
    @Test func abcMatchesFIPS180Vector() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func emptyInputMatchesKnownDigest() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hashReturnsThirtyTwoBytes() {
        #expect(SHA256.hash(Array("Müller-Lüdenscheidt".utf8)).count == 32)
    }
}
