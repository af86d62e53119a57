import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

/// The attestation policy against registrations made by real YubiKeys (see RealAttestations.swift).
@Suite("AttestationPolicy with real YubiKey registrations")
struct RealYubiKeyAttestationTests {
    /// 2026-01-01T00:00:00Z: every fixture leaf is valid then, and the test does not read the clock.
    static let checkTime: Int64 = 1_767_225_600
    static let yubico2014RootFingerprint = "0fa1386f80eb8713263ae5c1d84deb455bdf08aea50ab05503cefee82b092d42"

    struct Case: Sendable, CustomTestStringConvertible {
        let fixture: RealAttestation
        let model: String
        let userVerified: Bool
        let algorithm: Int
        var testDescription: String { fixture.source }
    }

    static let cases = [
        Case(fixture: RealAttestations.yubiKey5Nano, model: "YubiKey 5 Series", userVerified: true, algorithm: -7),
        Case(fixture: RealAttestations.yubiKeyBio554, model: "YubiKey Bio Series - FIDO Edition", userVerified: true, algorithm: -7),
        Case(fixture: RealAttestations.securityKeyNFCFirefox, model: "Security Key by Yubico with NFC", userVerified: true, algorithm: -7),
        Case(fixture: RealAttestations.yubiKey5NFCFIPS, model: "YubiKey 5 FIPS Series with NFC", userVerified: true, algorithm: -8),
        Case(fixture: RealAttestations.yubiKeyBio556, model: "YubiKey Bio Series - FIDO Edition", userVerified: true, algorithm: -8),
        Case(fixture: RealAttestations.yubiKey5NFC51, model: "YubiKey 5 Series with NFC", userVerified: false, algorithm: -7),
        Case(fixture: RealAttestations.yubiKey5CiFIPS, model: "YubiKey 5 FIPS Series with Lightning", userVerified: false, algorithm: -7),
        Case(fixture: RealAttestations.securityKey2, model: "Security Key by Yubico", userVerified: false, algorithm: -7),
        Case(fixture: RealAttestations.yubiKey5CiEdDSA, model: "YubiKey 5 Series with Lightning", userVerified: false, algorithm: -8),
    ]

    // MARK: - Accepted

    @Test(arguments: cases)
    func realRegistrationIsAccepted(_ testCase: Case) throws {
        var policy = try Self.shippedPolicy()
        policy.allowedAlgorithms = [-7, -8]
        if !testCase.userVerified { policy.requiredFlags = AttestationPolicy.Flag.userPresent | AttestationPolicy.Flag.attestedCredentialData }

        let verdict = try Self.evaluate(testCase.fixture, policy)

        #expect(verdict.attested)
        #expect(verdict.modelName == testCase.model)
        #expect(verdict.rootFingerprint == Self.yubico2014RootFingerprint)
    }

    @Test(arguments: cases.filter { !$0.userVerified })
    func registrationWithoutUVIsRejectedByDefault(_ testCase: Case) throws {
        var policy = try Self.shippedPolicy()
        policy.allowedAlgorithms = [-7, -8]

        Self.expectRejection(containing: "lack UV") { () throws(SecurityKeyError) in _ = try Self.evaluate(testCase.fixture, policy) }
    }

    @Test func eddsaCredentialIsRejectedWhenOnlyES256IsAllowed() throws {
        let policy = try Self.shippedPolicy()

        Self.expectRejection(containing: "credential algorithm -8 is not allowed") { () throws(SecurityKeyError) in
            _ = try Self.evaluate(RealAttestations.yubiKey5NFCFIPS, policy)
        }
    }

    // MARK: - Tampered copies

    @Test func flippedSignatureByteIsRejected() throws {
        let fixture = RealAttestations.yubiKey5Nano
        let tampered = try Self.rewriteStatement(fixture) { statement in
            var signature = try #require(statement[text: "sig"]?.bytesValue)
            signature[signature.count - 5] ^= 0x01
            return Self.replacing("sig", with: .bytes(signature), in: statement)
        }

        let policy = try Self.shippedPolicy()

        Self.expectRejection(containing: "signature") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: tampered, clientDataHash: Self.clientDataHash(fixture), rpID: fixture.rpID)
        }
    }

    @Test func changedClientDataIsRejected() throws {
        let fixture = RealAttestations.yubiKey5Nano
        let otherHash = SHA256.hash(Array("{\"type\":\"webauthn.create\",\"challenge\":\"b3RoZXI\"}".utf8))

        let policy = try Self.shippedPolicy()
        let object = try Self.bytes(fixture.attestationObject)

        Self.expectRejection(containing: "signature") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: object, clientDataHash: otherHash, rpID: fixture.rpID)
        }
    }

    @Test func swappedAAGUIDIsRejected() throws {
        let fixture = RealAttestations.yubiKey5Nano
        let object = try CBOR.decode(Self.bytes(fixture.attestationObject))
        var authData = try #require(object[text: "authData"]?.bytesValue)
        let yubiKey5NFC = try #require(KeyModelCatalog.parseAAGUID("2fc0579f-8113-47ea-b116-bb5a8db9202a"))
        authData.replaceSubrange(37..<53, with: yubiKey5NFC)
        let tampered = try Self.replacing("authData", with: .bytes(authData), in: object).encoded()

        let policy = try Self.shippedPolicy()

        Self.expectRejection(containing: "differs from 2fc0579f-8113-47ea-b116-bb5a8db9202a") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: tampered, clientDataHash: Self.clientDataHash(fixture), rpID: fixture.rpID)
        }
    }

    @Test func leafFromAnotherVendorIsRejected() throws {
        let fixture = RealAttestations.yubiKey5Nano
        let appleLeaf = try Self.bytes(RealAttestations.appleLeafDER)
        let tampered = try Self.rewriteStatement(fixture) { statement in
            Self.replacing("x5c", with: .array([.bytes(appleLeaf)]), in: statement)
        }

        let policy = try Self.shippedPolicy()

        Self.expectRejection(containing: "attestation certificate") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: tampered, clientDataHash: Self.clientDataHash(fixture), rpID: fixture.rpID)
        }
    }

    @Test func statementWithoutX5cIsSelfAttestation() throws {
        let fixture = RealAttestations.yubiKey5Nano
        let tampered = try Self.rewriteStatement(fixture) { statement in
            .map(statement.mapValue?.filter { $0.key != .text("x5c") } ?? [])
        }

        let policy = try Self.shippedPolicy()

        Self.expectRejection(containing: "self-attestation") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: tampered, clientDataHash: Self.clientDataHash(fixture), rpID: fixture.rpID)
        }
    }

    @Test func realNoneAttestationWithZeroAAGUIDIsRejected() throws {
        let policy = try Self.shippedPolicy()

        Self.expectRejection(containing: "all zeros") { () throws(SecurityKeyError) in
            _ = try Self.evaluate(RealAttestations.noneFormat, policy)
        }
    }

    @Test func wrongRelyingPartyIsRejected() throws {
        let fixture = RealAttestations.yubiKey5Nano

        let policy = try Self.shippedPolicy()
        let object = try Self.bytes(fixture.attestationObject)

        Self.expectRejection(containing: "rpIdHash") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: object, clientDataHash: Self.clientDataHash(fixture), rpID: "stadt.example")
        }
    }

    /// The preview key's leaf chains to "Yubico 2026 FIDO Preview CA", which yubico-roots.pem
    /// does not contain; only its structure and signature could be checked.
    @Test func previewCALeafIsRejectedAsUntrusted() throws {
        var policy = try Self.shippedPolicy()
        policy.allowedAlgorithms = [-48]
        policy.requiredFlags = AttestationPolicy.Flag.userPresent | AttestationPolicy.Flag.attestedCredentialData

        Self.expectRejection(containing: "does not lead to a trusted root") { () throws(SecurityKeyError) in
            _ = try Self.evaluate(RealAttestations.previewCA, policy)
        }
    }

    @Test func aaguidOffTheAllowListIsRejected() throws {
        var policy = try Self.shippedPolicy()
        policy.allowedAAGUIDs = [try #require(KeyModelCatalog.parseAAGUID("2fc0579f-8113-47ea-b116-bb5a8db9202a"))]

        Self.expectRejection(containing: "cb69481e-8ff7-4039-93ec-0a2729a154a8 is not on the allow-list") { () throws(SecurityKeyError) in
            _ = try Self.evaluate(RealAttestations.yubiKey5Nano, policy)
        }
    }

    // MARK: - Root pinning

    @Test func rootWithWrongFingerprintIsRejected() throws {
        let roots = try X509Certificate.all(pem: Self.asset("attestation/yubico-roots.pem"))
        let corrupted = try Self.corruptedSerialCopy(of: roots[0])
        let pins = try PinnedRoots.parsePins(Self.asset("attestation/yubico-roots.sha256"), path: "pins")

        let selection = PinnedRoots.select([corrupted], pins: pins)

        #expect(selection.trusted.isEmpty)
        #expect(selection.rejected.count == 1)
        #expect(selection.rejected.first?.reason.contains("fingerprint matches no pinned value") == true)
        #expect(selection.rejected.first?.subject == "/CN=Yubico U2F Root CA Serial 457200631")
    }

    /// Why roots are pinned: OpenSSL does not check a trust anchor's own signature, so the
    /// corrupted copy still anchors real chains when trusted by name.
    @Test func corruptedRootWouldAnchorRealChainsWithoutPinning() throws {
        let roots = try X509Certificate.all(pem: Self.asset("attestation/yubico-roots.pem"))
        let corrupted = try Self.corruptedSerialCopy(of: roots[0])
        var policy = try Self.shippedPolicy()

        #expect(!corrupted.hasValidSelfSignature)
        policy.trustedRoots = [corrupted]
        let verdict = try Self.evaluate(RealAttestations.yubiKey5Nano, policy)
        #expect(verdict.rootFingerprint != Self.yubico2014RootFingerprint)
    }

    @Test func shippedRootsAllMatchTheirPins() throws {
        let roots = try X509Certificate.all(pem: Self.asset("attestation/yubico-roots.pem"))
        let pins = try PinnedRoots.parsePins(Self.asset("attestation/yubico-roots.sha256"), path: "pins")

        let selection = PinnedRoots.select(roots, pins: pins)

        #expect(selection.trusted.count == 3)
        #expect(selection.rejected.isEmpty)
    }

    // MARK: - Helpers

    /// Folder of the shipped assets, found from this file's path so the test does not depend on the working folder.
    static let assetsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets").path

    static func asset(_ name: String) throws -> String {
        try String(contentsOfFile: assetsDirectory + "/" + name, encoding: .utf8)
    }

    /// Loads the policy the kiosk ships with: pinned Yubico roots and every AAGUID in the catalog.
    static func shippedPolicy() throws -> AttestationPolicy {
        var settings = AttestationSettings()
        settings.rootCertificateFiles = [assetsDirectory + "/attestation/yubico-roots.pem"]
        settings.rootFingerprintFile = assetsDirectory + "/attestation/yubico-roots.sha256"
        settings.modelCatalogFile = assetsDirectory + "/yubikey-aaguids.tsv"
        settings.intermediateCertificateFiles = [assetsDirectory + "/attestation/yubico-intermediates.pem"]
        var policy = try AttestationPolicy.load(settings: settings, logger: Logger(label: "test", level: .critical, handler: MemoryLogHandler())).policy
        policy.verificationTime = checkTime
        return policy
    }

    static func evaluate(_ fixture: RealAttestation, _ policy: AttestationPolicy) throws(SecurityKeyError) -> AttestationVerdict {
        let object = Base64URL.decode(fixture.attestationObject) ?? []
        return try policy.evaluate(attestationObject: object, clientDataHash: clientDataHash(fixture), rpID: fixture.rpID)
    }

    static func clientDataHash(_ fixture: RealAttestation) -> [UInt8] {
        SHA256.hash(Base64URL.decode(fixture.clientDataJSON) ?? [])
    }

    static func bytes(_ base64URL: String) throws -> [UInt8] {
        try #require(Base64URL.decode(base64URL))
    }

    static func replacing(_ key: String, with value: CBOR, in map: CBOR) -> CBOR {
        .map((map.mapValue ?? []).map { $0.key == .text(key) ? CBORPair($0.key, value) : $0 })
    }

    /// Re-encodes the fixture's attestation object with a changed attStmt.
    static func rewriteStatement(_ fixture: RealAttestation, _ change: (CBOR) throws -> CBOR) throws -> [UInt8] {
        let object = try CBOR.decode(bytes(fixture.attestationObject))
        let statement = try #require(object[text: "attStmt"])
        return try replacing("attStmt", with: try change(statement), in: object).encoded()
    }

    /// Copies the 2014 root with the last byte of its serial number changed, like the circulating copy.
    static func corruptedSerialCopy(of root: X509Certificate) throws -> X509Certificate {
        var der = root.der()
        // Serial 457200631 is 0x1B4053F7, encoded as INTEGER 02 04 1B 40 53 F7 near the start.
        let serial: [UInt8] = [0x02, 0x04, 0x1B, 0x40, 0x53, 0xF7]
        let start = try #require(der.indices.first { der[$0...].starts(with: serial) })
        der[start + 5] ^= 0x01
        return try X509Certificate(der: der)
    }

    static func expectRejection(
        containing text: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(SecurityKeyError) -> Void
    ) {
        do {
            try body()
            Issue.record("expected keyNotApproved containing \"\(text)\"", sourceLocation: sourceLocation)
        } catch {
            guard case .keyNotApproved(let reason) = error else {
                Issue.record("expected keyNotApproved, got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(reason.contains(text), "reason: \(reason)", sourceLocation: sourceLocation)
        }
    }
}
