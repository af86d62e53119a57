import Foundation
import KioskCore
import KioskCrypto
import KioskOutbox
import KioskSync
import KioskTestSupport
import Testing

/// One kiosk for the sync tests: a data directory with a key, an outbox, a token file and a
/// kiosk.conf pointing at a SCIM server on 127.0.0.1.
final class SyncKiosk: Sendable {
    let folder: TemporaryDirectory
    let kioskID: String
    let outbox: Outbox
    let key: Ed25519Key
    var dataDirectory: String { folder.filePath("data") }
    var accountsPath: String { dataDirectory + "/iam-accounts.tsv" }
    var tokenPath: String { folder.filePath("token") }

    init(kioskID: String = "sp-test-01") throws {
        folder = try TemporaryDirectory(prefix: "kiosk-sync")
        self.kioskID = kioskID
        try FileManager.default.createDirectory(atPath: folder.filePath("data"), withIntermediateDirectories: true)
        key = try KioskKeyFile.loadOrCreate(at: folder.filePath("data/" + KioskKeyFile.defaultFileName), logger: .disabled)
        outbox = try Outbox(directory: folder.filePath("data/outbox"), signingKey: key, logger: .disabled)
        let tokenPath = folder.filePath("token")
        _ = FileManager.default.createFile(
            atPath: tokenPath, contents: Data((SCIMServer.token + "\n").utf8), attributes: [.posixPermissions: 0o600])
    }

    /// Appends `records` to the outbox.
    func add(_ records: [OutboxRecord]) throws {
        for record in records { try outbox.append(record) }
    }

    /// Settings for `url`; retries are fast so fault tests stay short.
    func settings(url: String, bulk: Bool = true, attempts: Int = 4, timeout: Int = 5) -> SyncSettings {
        var settings = SyncSettings()
        settings.serverURL = url
        settings.tokenFile = tokenPath
        settings.useBulk = bulk
        settings.maxAttempts = attempts
        settings.retryDelayMilliseconds = 50
        settings.requestTimeoutSeconds = timeout
        settings.retentionDays = 0
        return settings
    }

    /// Runs one sync against `url` in this process.
    func sync(url: String, bulk: Bool = true, attempts: Int = 4, timeout: Int = 5) throws -> SyncReport {
        try sync(settings(url: url, bulk: bulk, attempts: attempts, timeout: timeout))
    }

    /// Runs one sync with `settings` (for example with TLS files added) in this process.
    func sync(_ settings: SyncSettings) throws -> SyncReport {
        let endpoint = try SyncEndpoint.make(settings)
        let client = SCIMClient(
            endpoint: endpoint, transport: try CurlTransport(endpoint: endpoint, logger: .disabled), logger: .disabled,
            sleep: { usleep(useconds_t($0 * 1000)) })
        return SyncEngine(outbox: outbox, client: client, accountsPath: accountsPath, retentionDays: 0, logger: .disabled).run()
    }

    /// The stored sync states by enrollment id.
    func states() throws -> [String: RecordState] {
        try outbox.stateStore().loadAll().states
    }

    /// Writes a kiosk.conf for the `kiosk` binary and returns its path.
    /// `syncLines` are added to the [sync] section, for example `ca_file = ...`.
    func writeConfig(url: String, bulk: Bool = true, syncLines: [String] = []) throws -> String {
        try folder.write("""
            kiosk_id = \(kioskID)
            data_directory = \(dataDirectory)
            [sync]
            url = \(url)
            token_file = \(tokenPath)
            max_attempts = 4
            retry_delay_ms = 50
            timeout_seconds = 5
            bulk = \(bulk ? "auto" : "off")
            \(syncLines.joined(separator: "\n"))
            """, to: "kiosk.conf")
    }
}

/// Outbox records for the sync tests: distinct people with umlaut names and realistic sizes.
enum SyncRecords {
    /// A record for person `person` (personnel number 0070xxxx), unique per `index`.
    static func record(
        index: Int, person: Int? = nil, username: String? = nil, kiosk: String = "sp-test-01",
        kind: EnrollmentKind = .newAccount, replaces: [String] = []
    ) -> OutboxRecord {
        let person = person ?? index
        let suffix = String(index, radix: 16)
        let kioskHash = String(SHA256.hex(Array(kiosk.utf8)).prefix(4))
        let enrollmentID = "5a1e0000-\(kioskHash)-4d1a-9c55-" + String(repeating: "0", count: 12 - suffix.count) + suffix
        let name = username ?? "jörg.müller\(person)".replacingOccurrences(of: "ö", with: "oe").replacingOccurrences(of: "ü", with: "ue")
        let account = AccountRecord(
            username: name, email: name + "@stadt.example", displayName: "Jörg Müller-Weiß \(person)",
            givenName: "Jörg", surname: "Müller-Weiß", isNew: kind == .newAccount,
            department: "Referat für Bildung und Sport", orgUnit: "KITA/Ost/\(person % 7)")
        let credential = CredentialRecord(
            credentialID: Base64URL.encode(Array("cred-\(kiosk)-\(index)".utf8) + [UInt8](repeating: 7, count: 16)),
            publicKeyCOSE: Base64URL.encode([UInt8](repeating: 0xA5, count: 77)),
            aaguid: "ee882879-721c-4913-9775-3dfcce97072a", signCount: 0, attestationFormat: "packed",
            attestationObject: Base64URL.encode((0..<600).map { UInt8(truncatingIfNeeded: $0 * 31 + index) }),
            clientDataJSON: Base64URL.encode(Array(#"{"type":"webauthn.create","challenge":"abc","origin":"https://stadt.example"}"#.utf8)),
            rpID: "stadt.example", origin: "https://stadt.example",
            userHandle: Base64URL.encode([UInt8](repeating: UInt8(truncatingIfNeeded: person), count: 16)),
            testSignInVerified: true)
        let second = String(format: "%02d", index % 60)
        let minute = String(format: "%02d", index / 60 % 60)
        let hour = String(format: "%02d", 8 + index / 3600 % 10)
        return OutboxRecord(
            enrollmentID: enrollmentID, kioskID: kiosk, clerkID: "clerk-0042",
            startedAt: "2026-12-04T\(hour):\(minute):\(second)Z", completedAt: "2026-12-04T\(hour):\(minute):\(second)Z",
            personnelNumber: String(format: "0070%04d", person), kind: kind, replacesCredentialIDs: replaces,
            account: account, credential: credential)
    }
}

/// Checks the server's users: one per personnel number, and returns them keyed by it.
func usersByPerson(_ server: SCIMServer) throws -> [String: [[String: Any]]] {
    var result: [String: [[String: Any]]] = [:]
    for user in try server.allUsers() {
        let enterprise = user["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] as? [String: Any]
        let number = enterprise?["employeeNumber"] as? String ?? "-"
        result[number, default: []].append(user)
    }
    return result
}

/// Credential ids the server holds for a user.
func credentialIDs(of user: [String: Any]) -> [String] {
    let fido = user["urn:ietf:params:scim:schemas:extension:kiosk:2.0:Fido2Credential"] as? [String: Any]
    return (fido?["credentials"] as? [[String: Any]] ?? []).compactMap { $0["credentialId"] as? String }
}
