import KioskCrypto
import Testing

@Suite struct Ed25519KeyTests {
    @Test func signReproducesRFC8032Test2() throws {
        let key = try Ed25519Key(
            rawPrivateKey: bytes(hex: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"))
        let signature = try key.sign([0x72])
        #expect(key.publicKey == bytes(hex: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"))
        #expect(signature == bytes(hex: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))
    }

    @Test func signReproducesRFC8032Test1EmptyMessage() throws {
        let key = try Ed25519Key(
            rawPrivateKey: bytes(hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        let signature = try key.sign([UInt8]())
        #expect(signature == bytes(hex: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))
    }

    @Test func generatedKeySignaturesVerify() throws {
        let key = try Ed25519Key.generate()
        let message = Array("Jürgen Größ enrolled at sp-rathaus-03".utf8)
        let signature = try key.sign(message)
        #expect(signature.count == Ed25519Key.signatureLength)
        #expect(key.publicKey.count == Ed25519Key.publicKeyLength)
        #expect(Ed25519.verify(signature: signature, message: message, publicKey: key.publicKey))
    }

    @Test func twoGeneratedKeysDiffer() throws {
        let first = try Ed25519Key.generate()
        let second = try Ed25519Key.generate()
        #expect(first.publicKey != second.publicKey)
    }

    @Test func signatureFromOtherKeyFailsVerification() throws {
        let signer = try Ed25519Key.generate()
        let other = try Ed25519Key.generate()
        let signature = try signer.sign([1, 2, 3])
        #expect(!Ed25519.verify(signature: signature, message: [1, 2, 3], publicKey: other.publicKey))
    }

    @Test func privateKeyPEMRoundTripKeepsKey() throws {
        let key = try Ed25519Key.generate()
        let pem = try key.privateKeyPEM()
        let text = String(decoding: pem, as: UTF8.self)
        let reloaded = try Ed25519Key(privateKeyPEM: pem)
        #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(reloaded.publicKey == key.publicKey)
        let signature = try reloaded.sign([42])
        #expect(Ed25519.verify(signature: signature, message: [42], publicKey: key.publicKey))
    }

    @Test func privateKeyPEMRejectsGarbage() {
        #expect(throws: CryptoError.self) {
            try Ed25519Key(privateKeyPEM: Array("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8))
        }
        #expect(throws: CryptoError.self) { try Ed25519Key(privateKeyPEM: []) }
    }

    @Test func privateKeyPEMRejectsP256Key() throws {
        // A P-256 key in PKCS #8 PEM, generated with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`.
        let pem = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgdUavsZ52h+0/vxtY
            5WIimjmiNvJGVTZ/yb92ugRH1QehRANCAAQ+i18yzuMnp/7lll+pHwtdPST0VFYN
            jILuoSMakCK5teiDMhZB9vsDRoF7RHOMD/GmrqQ5rTHqWTiXTqGczHSm
            -----END PRIVATE KEY-----

            """
        #expect(throws: CryptoError.invalidKey("PEM private key is not an Ed25519 key")) {
            try Ed25519Key(privateKeyPEM: Array(pem.utf8))
        }
    }

    @Test func rawPrivateKeyRejectsWrongLength() {
        #expect(throws: CryptoError.invalidKey("Ed25519 private key must be 32 bytes, got 31")) {
            try Ed25519Key(rawPrivateKey: [UInt8](repeating: 1, count: 31))
        }
    }
}
