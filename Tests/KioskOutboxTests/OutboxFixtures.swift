import Foundation
import KioskCore
import KioskCrypto
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Records, keys and directories shared by the outbox tests.
enum OutboxFixture {
    /// A fixed key, so a child process and its parent test sign and check with the same key.
    static let keySeed: [UInt8] = (0..<32).map { UInt8($0 * 7 + 3) }

    static func fixedKey() throws -> Ed25519Key {
        try Ed25519Key(rawPrivateKey: keySeed)
    }

    /// Builds a realistic record; `index` makes the enrollment id, time and credential unique.
    /// The names carry umlauts, ß and a surname longer than 64 bytes in UTF-8.
    static func record(
        index: Int, username: String = "juergen.groess", kind: EnrollmentKind = .newAccount
    ) -> OutboxRecord {
        let suffix = String(index, radix: 16)
        let enrollmentID = "0f3c2a10-7b4e-4d1a-9c55-" + String(repeating: "0", count: 12 - suffix.count) + suffix
        let minute = String(format: "%02d", index / 60 % 60)
        let second = String(format: "%02d", index % 60)
        let account = AccountRecord(
            username: username, email: username + "@stadt.example",
            displayName: "Jürgen Größ-Müller-Lüdenscheidt", givenName: "Jürgen",
            surname: "Größ-Müller-Lüdenscheidt-Oberammergauer-Weißwurstfrühstücksvereinsvorsitzender",
            isNew: kind == .newAccount, department: "Referat für Bildung und Sport", orgUnit: "KITA/Ost/3")
        let credential = CredentialRecord(
            credentialID: Base64URL.encode((0..<64).map { UInt8(truncatingIfNeeded: $0 &+ index) }),
            publicKeyCOSE: Base64URL.encode([UInt8](repeating: 0xA5, count: 77)),
            aaguid: "ee882879-721c-4913-9775-3dfcce97072a", signCount: 0, attestationFormat: "packed",
            attestationObject: Base64URL.encode((0..<1400).map { UInt8(truncatingIfNeeded: $0 * 31 + index) }),
            clientDataJSON: Base64URL.encode(Array(#"{"type":"webauthn.create","challenge":"abc","origin":"https://stadt.example"}"#.utf8)),
            rpID: "stadt.example", origin: "https://stadt.example",
            userHandle: Base64URL.encode([UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 16)),
            testSignInVerified: true)
        return OutboxRecord(
            enrollmentID: enrollmentID, kioskID: "sp-rathaus-03", clerkID: "clerk-0042",
            startedAt: "2026-12-04T08:\(minute):\(second)Z", completedAt: "2026-12-04T09:\(minute):\(second)Z",
            personnelNumber: "00123456", kind: kind, account: account, credential: credential)
    }

    /// Personal data in `record(index:)` that must never appear in a log line.
    static let personalData = ["juergen.groess", "Jürgen", "Größ", "00123456", "Lüdenscheidt"]
}

/// Runs `body` with a fresh directory under /tmp and removes it afterwards.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    var template = Array("/tmp/kiosk-outbox-test-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Names in `directory` that end in ".tmp".
func temporaryFiles(in directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
}

/// Returns the permission bits of `path`, for example 0o600, or 0 when `stat` fails.
func permissions(of path: String) -> mode_t {
    var status = stat()
    guard stat(path, &status) == 0 else { return 0 }
    return status.st_mode & 0o7777
}

/// Collects log lines in memory so tests can check what was (and was not) logged.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var storedLines = [String]()

    /// Every line so far, formatted as the file logger would write it.
    var lines: [String] { lock.withLock { storedLines } }

    func log(level: LogLevel, label: String, message: String, metadata: [String: String]) {
        let line = formatLogLine(timestamp: "-", level: level, label: label, message: message, metadata: metadata)
        lock.withLock { storedLines.append(line) }
    }

    /// A logger at trace level that writes into this handler.
    func logger() -> Logger {
        Logger(label: "outbox-test", level: .trace, handler: self)
    }
}
