import Foundation
import KioskCore
import KioskFIDO
import Testing

/// Runs against a real key on USB, only with `KIOSK_HW_TESTS=1`.
///
/// Set `KIOSK_HW_PIN` to the key's PIN (a key without a PIN is skipped, because setting one is
/// not reversible without a reset). Each run leaves one discoverable credential for the relying
/// party "kiosk-hw-test.example" on the key, so it uses one slot.
@Suite("Real security key on USB", .serialized)
struct HardwareKeyTests {
    static let enabled = ProcessInfo.processInfo.environment["KIOSK_HW_TESTS"] == "1"

    @Test(.enabled(if: enabled, "set KIOSK_HW_TESTS=1 with one YubiKey plugged in"))
    func realKeyRegistersAndPassesTheShippedPolicy() throws {
        let logs = MemoryLogHandler()
        let logger = Logger(label: "hw", level: .info, handler: logs)
        var settings = AttestationSettings()
        settings.rootCertificateFiles = [RealYubiKeyAttestationTests.assetsDirectory + "/attestation/yubico-roots.pem"]
        settings.rootFingerprintFile = RealYubiKeyAttestationTests.assetsDirectory + "/attestation/yubico-roots.sha256"
        settings.modelCatalogFile = RealYubiKeyAttestationTests.assetsDirectory + "/yubikey-aaguids.tsv"
        settings.intermediateCertificateFiles = [RealYubiKeyAttestationTests.assetsDirectory + "/attestation/yubico-intermediates.pem"]
        let (policy, catalog) = try AttestationPolicy.load(settings: settings, logger: logger)
        let provider = Fido2KeyProvider(includeUSB: true, touchTimeout: .seconds(30), logger: logger, attestationPolicy: policy, catalog: catalog)
        let devices = try provider.devices()
        try #require(devices.count == 1, "plug in exactly one key")
        let session = try provider.open(devices[0])
        defer { session.close() }
        let pin = try #require(ProcessInfo.processInfo.environment["KIOSK_HW_PIN"], "set KIOSK_HW_PIN to the key's PIN")
        try #require(session.info.hasPIN == true, "the key has no PIN; set one with fido2-token -S first")

        print("key: \(session.info.modelName ?? "unknown model"), firmware \(session.info.firmwareVersion ?? "?"), "
            + "free slots \(session.info.remainingDiscoverableCredentials.map(String.init) ?? "?"), retries \(try session.pinRetries())")
        var request = VirtualKeyFixture.credentialRequest()
        request.rpID = "kiosk-hw-test.example"
        let credential = try session.makeCredential(request, pin: SecretBytes(utf8: pin))

        #expect(credential.attestationFormat == "packed")
        #expect(logs.lines.contains { $0.contains("attestation verified") })
    }
}
