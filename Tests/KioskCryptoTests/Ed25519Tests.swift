import KioskCrypto
import Testing

/// RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
private struct RFC8032Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let secretKey: String
    let publicKey: String
    let message: String
    let signature: String

    var testDescription: String { name }
}

private let rfc8032Vectors = [
    RFC8032Vector(
        name: "TEST 1",
        secretKey: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        message: "",
        signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    RFC8032Vector(
        name: "TEST 2",
        secretKey: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        message: "72",
        signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
]

@Suite struct Ed25519Tests {
    @Test(arguments: rfc8032Vectors)
    fileprivate func verifyAcceptsRFC8032Signature(vector: RFC8032Vector) {
        let accepted = Ed25519.verify(
            signature: bytes(hex: vector.signature), message: bytes(hex: vector.message),
            publicKey: bytes(hex: vector.publicKey))
        #expect(accepted)
    }

    @Test(arguments: rfc8032Vectors)
    fileprivate func verifyRejectsFlippedSignatureBit(vector: RFC8032Vector) {
        var signature = bytes(hex: vector.signature)
        signature[10] ^= 0x01
        let accepted = Ed25519.verify(
            signature: signature, message: bytes(hex: vector.message), publicKey: bytes(hex: vector.publicKey))
        #expect(!accepted)
    }

    @Test func verifyRejectsOtherMessage() {
        let vector = rfc8032Vectors[1]
        let accepted = Ed25519.verify(
            signature: bytes(hex: vector.signature), message: [0x73], publicKey: bytes(hex: vector.publicKey))
        #expect(!accepted)
    }

    @Test func verifyRejectsWrongLengths() {
        let vector = rfc8032Vectors[1]
        let signature = bytes(hex: vector.signature)
        let publicKey = bytes(hex: vector.publicKey)
        #expect(!Ed25519.verify(signature: signature.dropLast(), message: [0x72], publicKey: publicKey))
        #expect(!Ed25519.verify(signature: signature + [0], message: [0x72], publicKey: publicKey))
        #expect(!Ed25519.verify(signature: signature, message: [0x72], publicKey: publicKey.dropLast()))
        #expect(!Ed25519.verify(signature: [UInt8](), message: [0x72], publicKey: [UInt8]()))
    }
}
