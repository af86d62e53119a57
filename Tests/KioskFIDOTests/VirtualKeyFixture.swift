import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey

/// A virtual key with its own data directory and device path, plus a provider that sees only it.
///
/// Every test builds its own fixture, so tests running in parallel never share a key.
final class VirtualKeyFixture {
    let directory: String
    let key: VirtualAuthenticator
    let provider: Fido2KeyProvider
    let logs = MemoryLogHandler()

    static let rpID = "stadt.example"
    static let demoModelName = "Virtual YubiKey (demo)"
    static let origin = "https://stadt.example"

    /// - Parameter approvingOwnCA: gives the provider an attestation policy that trusts only
    ///   this key's test CA and the demo AAGUID, and a catalog naming the demo model.
    init(
        pin: String? = nil, touch: TouchBehaviour = .immediate, touchTimeout: Duration = .seconds(10),
        residentKeyCapacity: Int = 25, directory: String? = nil, approvingOwnCA: Bool = false
    ) throws {
        let unique = UUID().uuidString
        self.directory = directory ?? NSTemporaryDirectory() + "kiosk-fido-tests/" + unique
        let configuration = VirtualKeyConfiguration(path: "virtual:test-" + unique, residentKeyCapacity: residentKeyCapacity)
        key = try VirtualAuthenticator(configuration: configuration, dataDirectory: self.directory)
        key.presetPIN(pin)
        key.setTouch(touch)
        let logger = Logger(label: "fido-test", level: .debug, handler: logs)
        let catalog = KeyModelCatalog(models: [KeyModel(aaguid: VirtualKeyConfiguration.demoAAGUID, name: Self.demoModelName)])
        let policy = AttestationPolicy(
            trustedRoots: [key.attestation.caCertificate], allowedAAGUIDs: [VirtualKeyConfiguration.demoAAGUID], catalog: catalog)
        provider = Fido2KeyProvider(
            virtualKeys: [key], includeUSB: false, touchTimeout: touchTimeout, logger: logger,
            attestationPolicy: approvingOwnCA ? policy : nil, catalog: approvingOwnCA ? catalog : nil)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The device entry of this fixture's key.
    var device: SecurityKeyDevice {
        SecurityKeyDevice(path: key.configuration.path, manufacturer: key.configuration.manufacturer, product: key.configuration.product)
    }

    /// Opens the key through libfido2.
    func open() throws -> any SecurityKeySession { try provider.open(device) }

    /// A registration request with a random user handle and a fresh challenge.
    static func credentialRequest(
        challenge: [UInt8] = (try? SecureRandom.bytes(32)) ?? [], userName: String = "m.mustermann",
        displayName: String = "Max Mustermann", excluding: [[UInt8]] = []
    ) -> CredentialRequest {
        CredentialRequest(
            rpID: rpID, rpName: "Stadtverwaltung", userHandle: (try? SecureRandom.bytes(32)) ?? [],
            userName: userName, displayName: displayName,
            clientDataJSON: clientDataJSON(type: "webauthn.create", challenge: challenge),
            excludeCredentialIDs: excluding)
    }

    /// A test sign-in request for `credential`.
    static func assertionRequest(for credential: RegisteredCredential) -> AssertionRequest {
        AssertionRequest(
            rpID: rpID, clientDataJSON: clientDataJSON(type: "webauthn.get", challenge: (try? SecureRandom.bytes(32)) ?? []),
            credentialID: credential.credentialID, publicKeyCOSE: credential.publicKeyCOSE)
    }

    /// clientDataJSON as a browser writes it for `origin`.
    static func clientDataJSON(type: String, challenge: [UInt8]) -> [UInt8] {
        let text = #"{"type":"\#(type)","challenge":"\#(Base64URL.encode(challenge))","origin":"\#(origin)","crossOrigin":false}"#
        return Array(text.utf8)
    }
}

/// Keeps log lines in memory so tests can check what was (and was not) logged.
final class MemoryLogHandler: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var storedLines: [String] = []

    func log(level: LogLevel, label: String, message: String, metadata: [String: String]) {
        let line = formatLogLine(timestamp: "-", level: level, label: label, message: message, metadata: metadata)
        lock.withLock { storedLines.append(line) }
    }

    var lines: [String] { lock.withLock { storedLines } }
}

extension SecretBytes {
    /// A PIN buffer for tests.
    static func pin(_ text: String) -> SecretBytes { SecretBytes(utf8: text) }
}
