import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

/// Chains and leaf certificates the real fixtures do not cover: intermediates (as YubiKeys with
/// firmware 5.7.4 and later send them) and leaves that break the packed-attestation rules.
@Suite("AttestationPolicy chain and leaf requirements")
struct AttestationChainTests {
    static let aaguid: [UInt8] = Array(0x10...0x1F)
    static let rpID = "stadt.example"
    static let clientDataHash = SHA256.hash(Array(#"{"type":"webauthn.create","challenge":"Y2hhbGxlbmdl"}"#.utf8))
    static let leafSubject = [
        NameAttribute("C", "DE"), NameAttribute("O", "Test Vendor"), NameAttribute("OU", "Authenticator Attestation"),
        NameAttribute("CN", "Test Attestation"),
    ]

    struct Chain {
        let root: X509Certificate
        let intermediate: X509Certificate
        let intermediateKey: P256Key
    }

    static func makeChain() throws -> Chain {
        let rootKey = try P256Key.generate()
        let root = try CertificateBuilder.selfSignedCA(subject: [NameAttribute("CN", "Test Root")], key: rootKey, validityDays: 30)
        let intermediateKey = try P256Key.generate()
        let intermediate = try CertificateBuilder.intermediateCA(
            subject: [NameAttribute("CN", "Test Intermediate")], publicKey: intermediateKey, issuer: root, issuerKey: rootKey,
            validityDays: 30)
        return Chain(root: root, intermediate: intermediate, intermediateKey: intermediateKey)
    }

    static func leaf(
        _ chain: Chain, subject: [NameAttribute] = leafSubject, extensions: [CustomExtension]? = nil
    ) throws -> (X509Certificate, P256Key) {
        let key = try P256Key.generate()
        let aaguidExtension = CustomExtension(
            oid: AttestationAuthority.aaguidExtensionOID, critical: false, valueDER: CertificateBuilder.octetStringDER(aaguid))
        let certificate = try CertificateBuilder.leaf(
            subject: subject, publicKey: key, issuer: chain.intermediate, issuerKey: chain.intermediateKey, validityDays: 30,
            extensions: extensions ?? [aaguidExtension])
        return (certificate, key)
    }

    /// Builds a packed attestation object for a fresh ES256 credential, signed by `leafKey`.
    static func attestationObject(x5c: [X509Certificate], leafKey: P256Key) throws -> [UInt8] {
        let credentialKey = try P256Key.generate()
        let cose = try CBOR.map([
            CBORPair(.int(1), .int(2)), CBORPair(.int(3), .int(-7)), CBORPair(.int(-1), .int(1)),
            CBORPair(.int(-2), .bytes(credentialKey.x)), CBORPair(.int(-3), .bytes(credentialKey.y)),
        ]).encoded()
        let credentialID = try SecureRandom.bytes(16)
        let authData = SHA256.hash(Array(rpID.utf8)) + [0x45, 0, 0, 0, 1] + aaguid + [0, 16] + credentialID + cose
        let signature = try leafKey.signSHA256(authData + clientDataHash)
        let statement = CBOR.map([
            CBORPair(.text("alg"), .int(-7)), CBORPair(.text("sig"), .bytes(signature)),
            CBORPair(.text("x5c"), .array(x5c.map { .bytes($0.der()) })),
        ])
        return try CBOR.map([
            CBORPair(.text("fmt"), .text("packed")), CBORPair(.text("attStmt"), statement), CBORPair(.text("authData"), .bytes(authData)),
        ]).encoded()
    }

    private func expectRejection(_ policy: AttestationPolicy, _ object: [UInt8], containing text: String) {
        RealYubiKeyAttestationTests.expectRejection(containing: text) { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: object, clientDataHash: Self.clientDataHash, rpID: Self.rpID)
        }
    }

    @Test func leafThroughIntermediateIsAccepted() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain)
        let policy = AttestationPolicy(trustedRoots: [chain.root], allowedAAGUIDs: [Self.aaguid])

        let verdict = try policy.evaluate(
            attestationObject: Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key),
            clientDataHash: Self.clientDataHash, rpID: Self.rpID)

        #expect(verdict.attested)
        #expect(verdict.rootFingerprint == chain.root.sha256Fingerprint)
    }

    @Test func missingIntermediateIsRejected() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain)
        let policy = AttestationPolicy(trustedRoots: [chain.root])

        expectRejection(policy, try Self.attestationObject(x5c: [leaf], leafKey: key), containing: "unable to get local issuer certificate")
    }

    @Test func intermediateFromThePoolCompletesTheChain() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain)
        var policy = AttestationPolicy(trustedRoots: [chain.root])
        policy.intermediatePool = [chain.intermediate]

        let verdict = try policy.evaluate(
            attestationObject: Self.attestationObject(x5c: [leaf], leafKey: key), clientDataHash: Self.clientDataHash, rpID: Self.rpID)

        #expect(verdict.rootFingerprint == chain.root.sha256Fingerprint)
    }

    @Test func poolIntermediateIsNoTrustAnchor() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain)
        var policy = AttestationPolicy(trustedRoots: [])
        policy.intermediatePool = [chain.intermediate, chain.root]

        expectRejection(policy, try Self.attestationObject(x5c: [leaf], leafKey: key), containing: "trusted root")
    }

    @Test func intermediateAloneIsNoTrustAnchor() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain)
        let policy = AttestationPolicy(trustedRoots: [chain.intermediate])

        expectRejection(policy, try Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key), containing: "trusted root")
    }

    @Test func expiredChainIsRejected() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain)
        var policy = AttestationPolicy(trustedRoots: [chain.root])
        policy.verificationTime = 4_102_444_800

        expectRejection(policy, try Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key), containing: "expired")
    }

    @Test func leafWithoutAuthenticatorAttestationOUIsRejected() throws {
        let chain = try Self.makeChain()
        let subject = Self.leafSubject.filter { $0.type != "OU" } + [NameAttribute("OU", "Something Else")]
        let (leaf, key) = try Self.leaf(chain, subject: subject)
        let policy = AttestationPolicy(trustedRoots: [chain.root])

        expectRejection(policy, try Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key), containing: "OU=Authenticator Attestation")
    }

    @Test func leafWithoutCountryIsRejected() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain, subject: Self.leafSubject.filter { $0.type != "C" })
        let policy = AttestationPolicy(trustedRoots: [chain.root])

        expectRejection(policy, try Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key), containing: "country")
    }

    @Test func leafWithoutAAGUIDExtensionIsRejected() throws {
        let chain = try Self.makeChain()
        let (leaf, key) = try Self.leaf(chain, extensions: [])
        let policy = AttestationPolicy(trustedRoots: [chain.root])

        expectRejection(policy, try Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key), containing: "no FIDO AAGUID extension")
    }

    @Test func criticalAAGUIDExtensionIsRejected() throws {
        let chain = try Self.makeChain()
        let critical = CustomExtension(
            oid: AttestationAuthority.aaguidExtensionOID, critical: true, valueDER: CertificateBuilder.octetStringDER(Self.aaguid))
        let (leaf, key) = try Self.leaf(chain, extensions: [critical])
        let policy = AttestationPolicy(trustedRoots: [chain.root])

        expectRejection(policy, try Self.attestationObject(x5c: [leaf, chain.intermediate], leafKey: key), containing: "marked critical")
    }

    @Test func caCertificateAsLeafIsRejected() throws {
        let chain = try Self.makeChain()
        let key = try P256Key.generate()
        let caLeaf = try CertificateBuilder.intermediateCA(
            subject: Self.leafSubject, publicKey: key, issuer: chain.intermediate, issuerKey: chain.intermediateKey, validityDays: 30)
        let policy = AttestationPolicy(trustedRoots: [chain.root])

        let object = try Self.attestationObject(x5c: [caLeaf, chain.intermediate], leafKey: key)

        expectRejection(policy, object, containing: "is a CA certificate")
    }
}
