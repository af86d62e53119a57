import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskTestSupport
import KioskVirtualKey
import Testing

/// Loading the attestation policy from kiosk.conf settings and the shipped files.
@Suite("AttestationPolicy.load and the [attestation] settings")
struct AttestationSetupTests {
    private func shippedSettings() -> AttestationSettings {
        let assets = RealYubiKeyAttestationTests.assetsDirectory
        var settings = AttestationSettings()
        settings.rootCertificateFiles = [assets + "/attestation/yubico-roots.pem"]
        settings.rootFingerprintFile = assets + "/attestation/yubico-roots.sha256"
        settings.modelCatalogFile = assets + "/yubikey-aaguids.tsv"
        settings.intermediateCertificateFiles = [assets + "/attestation/yubico-intermediates.pem"]
        return settings
    }

    @Test func shippedIntermediatesChainToThePinnedNewRoot() throws {
        let policy = try AttestationPolicy.load(
            settings: shippedSettings(), logger: Logger(label: "t", level: .critical, handler: MemoryLogHandler())).policy
        let attestationRoot1 = try #require(policy.trustedRoots.first { $0.subjectLine == "/CN=Yubico Attestation Root 1" })
        var checked = 0

        #expect(policy.intermediatePool.count == 5)
        for intermediate in policy.intermediatePool {
            let others = policy.intermediatePool.filter { $0 !== intermediate }
            #expect(throws: Never.self, "\(intermediate.subjectLine)") {
                try intermediate.verifyChain(roots: [attestationRoot1], intermediates: others, at: RealYubiKeyAttestationTests.checkTime)
            }
            checked += 1
        }
        #expect(checked == 5)
    }

    @Test func shippedFilesGiveThreeRootsAndTheCatalogAllowList() throws {
        let logs = MemoryLogHandler()
        let (policy, catalog) = try AttestationPolicy.load(settings: shippedSettings(), logger: Logger(label: "t", level: .info, handler: logs))

        #expect(policy.trustedRoots.count == 3)
        #expect(policy.allowedAAGUIDs == catalog.aaguids)
        #expect(policy.requireAttestation)
        #expect(policy.allowedAlgorithms == [-7])
        #expect(!logs.lines.contains { $0.contains("rejected") })
    }

    @Test func corruptedRootInFileIsRejectedAndLogged() throws {
        let directory = try TemporaryDirectory()
        let roots = try X509Certificate.all(pem: RealYubiKeyAttestationTests.asset("attestation/yubico-roots.pem"))
        let corrupted = try RealYubiKeyAttestationTests.corruptedSerialCopy(of: roots[0])
        var settings = shippedSettings()
        settings.rootCertificateFiles = [try directory.write(try corrupted.pem() + roots[1].pem(), to: "roots.pem")]
        let logs = MemoryLogHandler()

        let policy = try AttestationPolicy.load(settings: settings, logger: Logger(label: "t", level: .info, handler: logs)).policy

        #expect(policy.trustedRoots.map(\.sha256Fingerprint) == [roots[1].sha256Fingerprint])
        #expect(logs.lines.contains { $0.contains("attestation root rejected") && $0.contains(corrupted.sha256Fingerprint) })
        #expect(logs.lines.contains { $0.contains("pinned attestation root not found") && $0.contains(roots[0].sha256Fingerprint) })
        RealYubiKeyAttestationTests.expectRejection(containing: "trusted root") { () throws(SecurityKeyError) in
            _ = try RealYubiKeyAttestationTests.evaluate(RealAttestations.yubiKey5Nano, policy)
        }
    }

    @Test func noTrustedRootStopsTheStartWhenAttestationIsRequired() throws {
        let directory = try TemporaryDirectory()
        var settings = shippedSettings()
        settings.rootFingerprintFile = try directory.write("# no pins\n", to: "pins")

        #expect(throws: AttestationSetupError.noTrustedRoot) {
            _ = try AttestationPolicy.load(settings: settings, logger: Logger(label: "t", level: .critical, handler: MemoryLogHandler()))
        }
    }

    @Test func missingAndMalformedFilesAreNamed() throws {
        let directory = try TemporaryDirectory()
        var missing = shippedSettings()
        missing.modelCatalogFile = directory.filePath("absent.tsv")
        var malformed = shippedSettings()
        malformed.rootFingerprintFile = try directory.write("0fa1386f not a fingerprint\n", to: "pins")
        let logger = Logger(label: "t", level: .critical, handler: MemoryLogHandler())

        #expect(throws: AttestationSetupError.unreadable(path: directory.filePath("absent.tsv"), reason: "file missing or not readable")) {
            _ = try AttestationPolicy.load(settings: missing, logger: logger)
        }
        #expect(throws: AttestationSetupError.self) { _ = try AttestationPolicy.load(settings: malformed, logger: logger) }
    }

    @Test func pinsAcceptColonsAndUpperCase() throws {
        let pins = try PinnedRoots.parsePins(
            "# c\n  0F:A1:38:6F:80:EB:87:13:26:3A:E5:C1:D8:4D:EB:45:5B:DF:08:AE:A5:0A:B0:55:03:CE:FE:E8:2B:09:2D:42 note\n", path: "p")

        #expect(pins == [RealYubiKeyAttestationTests.yubico2014RootFingerprint])
    }

    @Test func demoTrustAddsTheVirtualCAAndModelOnlyWhenGiven() throws {
        let fixture = try VirtualKeyFixture()
        let demo = AttestationPolicy.DemoTrust(
            caCertificate: fixture.key.attestation.caCertificate,
            model: KeyModel(aaguid: VirtualKeyConfiguration.demoAAGUID, name: "Virtual YubiKey (demo)"))
        let logger = Logger(label: "t", level: .critical, handler: MemoryLogHandler())

        let (demoPolicy, demoCatalog) = try AttestationPolicy.load(settings: shippedSettings(), demo: demo, logger: logger)
        let (policy, catalog) = try AttestationPolicy.load(settings: shippedSettings(), logger: logger)

        #expect(demoPolicy.trustedRoots.count == 4)
        #expect(demoPolicy.allowedAAGUIDs.contains(VirtualKeyConfiguration.demoAAGUID))
        #expect(demoCatalog.modelName(for: VirtualKeyConfiguration.demoAAGUID) == "Virtual YubiKey (demo)")
        #expect(policy.trustedRoots.count == 3)
        #expect(!policy.allowedAAGUIDs.contains(VirtualKeyConfiguration.demoAAGUID))
        #expect(catalog.modelName(for: VirtualKeyConfiguration.demoAAGUID) == nil)
    }

    @Test func configKeysSetTheAttestationSettings() throws {
        let config = try KioskConfig.parse(text: """
            [attestation]
            required = no
            root_certificates = a.pem, b.pem
            root_fingerprints = pins.sha256
            intermediate_certificates = none
            model_catalog = models.tsv
            allowed_aaguids = 2fc0579f-8113-47ea-b116-bb5a8db9202a, ee882879-721c-4913-9775-3dfcce97072a
            algorithms = es256, eddsa
            """)

        #expect(config.attestation.required == false)
        #expect(config.attestation.rootCertificateFiles == ["a.pem", "b.pem"])
        #expect(config.attestation.rootFingerprintFile == "pins.sha256")
        #expect(config.attestation.intermediateCertificateFiles.isEmpty)
        #expect(config.attestation.modelCatalogFile == "models.tsv")
        #expect(config.attestation.allowedAAGUIDs?.count == 2)
        #expect(config.attestation.algorithms == [-7, -8])
    }

    @Test func attestationDefaultsTrustTheCatalog() throws {
        let config = try KioskConfig.parse(text: "[attestation]\nallowed_aaguids = catalog\n")

        #expect(config.attestation == AttestationSettings())
        #expect(config.attestation.allowedAAGUIDs == nil)
    }

    @Test(arguments: [
        ("required", "maybe"), ("allowed_aaguids", "2fc0579f"), ("algorithms", "rs256"), ("root_certificates", " , "),
    ])
    func invalidAttestationValuesAreRejected(key: String, value: String) {
        #expect(throws: KioskConfigError.self) { try KioskConfig.parse(text: "[attestation]\n\(key) = \(value)\n") }
    }
}
