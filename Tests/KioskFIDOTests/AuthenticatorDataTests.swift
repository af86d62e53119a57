@testable import KioskFIDO
import KioskVirtualKey
import Testing

@Suite("AuthenticatorData parsing")
struct AuthenticatorDataTests {
    static let coseKey: [UInt8] = (try? CBOR.map([
        CBORPair(.int(1), .int(2)), CBORPair(.int(3), .int(-7)), CBORPair(.int(-1), .int(1)),
        CBORPair(.int(-2), .bytes(Array(repeating: 1, count: 32))), CBORPair(.int(-3), .bytes(Array(repeating: 2, count: 32))),
    ]).encoded()) ?? []

    static func sample(flags: UInt8 = 0x45, idLength: Int = 4) -> [UInt8] {
        Array(repeating: 0xAA, count: 32) + [flags, 0, 0, 1, 2] + Array(repeating: 0x11, count: 16)
            + [UInt8(idLength >> 8), UInt8(idLength & 0xFF)] + Array(repeating: 0x22, count: idLength) + coseKey
    }

    @Test func parsesAttestedCredentialData() throws {
        let parsed = try #require(AuthenticatorData(parsing: Self.sample()))
        #expect(parsed.signCount == 258)
        #expect(parsed.aaguid == Array(repeating: 0x11, count: 16))
        #expect(parsed.credentialID == [0x22, 0x22, 0x22, 0x22])
        #expect(parsed.publicKeyCOSE == Self.coseKey)
        #expect(parsed.userVerified)
        #expect(p256Coordinates(fromCOSE: parsed.publicKeyCOSE)?.x == Array(repeating: 1, count: 32))
    }

    @Test func keepsOnlyTheKeyWhenExtensionsFollow() throws {
        let withExtensions = Self.sample(flags: 0xC5) + [0xA0]
        let parsed = try #require(AuthenticatorData(parsing: withExtensions))
        #expect(parsed.publicKeyCOSE == Self.coseKey)
    }

    @Test func rejectsDataWithoutAttestedCredential() {
        #expect(AuthenticatorData(parsing: Self.sample(flags: 0x05)) == nil)
    }

    @Test func rejectsTruncatedData() {
        #expect(AuthenticatorData(parsing: Array(Self.sample().prefix(60))) == nil)
        #expect(AuthenticatorData(parsing: []) == nil)
        #expect(AuthenticatorData(parsing: Self.sample(idLength: 300).prefix(300).map { $0 }) == nil)
    }

    @Test func rejectsNonP256COSEKeys() throws {
        let okp = try CBOR.map([CBORPair(.int(1), .int(1)), CBORPair(.int(-1), .int(6))]).encoded()
        #expect(p256Coordinates(fromCOSE: okp) == nil)
        #expect(p256Coordinates(fromCOSE: [0xFF]) == nil)
    }
}
