import KioskCore
import KioskCrypto

#if canImport(Glibc)
import Glibc
#endif

/// The kiosk's durable, tamper-evident store of finished enrollments: one signed file per record.
///
/// Each record is stored as `<completedAt>-<enrollmentID>.json`, an `OutboxEnvelope` signed with the
/// kiosk's Ed25519 key. `append` returns only after the file and the directory entry are on disk
/// (`fsync` on both), so a record reported as saved survives a crash or power loss. A crash
/// during `append` leaves either the whole record or no record file.
///
/// Thread safety: the type holds no mutable state; concurrent `append` calls write distinct files.
public final class Outbox: Sendable {
    /// Largest file that `records()` reads; larger files are reported as unreadable.
    /// A record with a packed attestation and its certificate chain is a few kilobytes.
    public static let maximumFileSize = 4 << 20
    /// Name prefix of the temporary files `append` writes before linking the final name.
    static let temporaryPrefix = ".outbox-"

    /// The outbox directory, as given to `init`.
    public let directory: String
    private let signingKey: Ed25519Key
    private let trustedPublicKey: [UInt8]
    let logger: Logger
    /// The kiosk's audit log, kept in the outbox directory (`audit.log`, `audit.head`).
    public let audit: AuditLog

    /// Opens the outbox in `directory`, creating the directory (mode 0700) when it is missing.
    ///
    /// Removes temporary files that a crashed `append` left behind, logging a warning with the
    /// count and file names (random names, no personal data). A temporary file that another live
    /// process is still writing is locked and stays. A read-only outbox opens fine, because listing
    /// and verifying need no writes. Leftovers that cannot be removed stay, with one warning each.
    /// - Parameters:
    ///   - signingKey: signs new records; its public key is the only key `records()` accepts.
    /// - Throws: `OutboxError` when the directory cannot be created or listed.
    public init(directory: String, signingKey: Ed25519Key, logger: Logger) throws(OutboxError) {
        self.directory = directory
        self.signingKey = signingKey
        self.trustedPublicKey = signingKey.publicKey
        self.logger = logger
        self.audit = AuditLog(directory: directory, signingKey: signingKey)
        do {
            try DurableFile.ensureDirectory(directory)
        } catch {
            throw OutboxError(error)
        }
        try removeLeftoverTemporaryFiles()
        if audit.removeAbandonedHeadReplacement() {
            logger.warning("Removed the audit head's temporary file left by an interrupted append")
        }
    }

    // MARK: - Writing

    /// Signs `record` and stores it durably.
    ///
    /// When this returns, the record is on disk. When it throws, no record file was added, no
    /// temporary file is left behind and existing records are untouched.
    /// - Returns: the file name of the stored record inside `directory`.
    /// - Throws: `OutboxError.diskFull`, `.notWritable`, `.ioError`, `.alreadyExists` (the same
    ///   enrollment was stored before), `.invalidRecord` (an id or time unfit for a file name),
    ///   `.encodingFailed` or `.signingFailed`.
    @discardableResult
    public func append(_ record: OutboxRecord) throws(OutboxError) -> String {
        let fileName = try Self.fileName(for: record)
        let bytes = try OutboxEnvelope.seal(record, with: signingKey).encoded()
        do {
            try DurableFile.create(bytes, named: fileName, in: directory, temporaryPrefix: Self.temporaryPrefix)
        } catch {
            let outboxError = OutboxError(error)
            logger.error(
                "Outbox record not saved",
                ["file": fileName, "call": error.call, "errno": String(error.errno), "error": outboxError.description])
            throw outboxError
        }
        logger.info(
            "Outbox record saved",
            ["file": fileName, "keyID": OutboxEnvelope.keyID(of: trustedPublicKey),
             "credential": Self.shortHash(ofCredentialID: record.credential.credentialID)])
        recordInAudit(record, payloadHash: (try? OutboxEnvelope.canonicalJSON(record)).map(SHA256.hex))
        return fileName
    }

    /// Returns the file name a record is stored under: `<completedAt>-<enrollmentID>.json`.
    ///
    /// Both parts are checked first so that no record can name a path outside the outbox.
    /// - Throws: `OutboxError.invalidRecord` when `enrollmentID` is not a lower-case UUID or
    ///   `completedAt` is not an ISO 8601 UTC time such as `2026-12-04T19:56:08Z`.
    public static func fileName(for record: OutboxRecord) throws(OutboxError) -> String {
        guard isLowercaseUUID(record.enrollmentID) else {
            throw .invalidRecord(field: "enrollmentID", reason: "expected a lower-case UUID")
        }
        guard isUTCTimestamp(record.completedAt) else {
            throw .invalidRecord(field: "completedAt", reason: "expected an ISO 8601 UTC time ending in Z")
        }
        return "\(record.completedAt)-\(record.enrollmentID).json"
    }

    // MARK: - Reading

    /// Reads and verifies every record file in file name order, which is oldest first because
    /// names start with the UTC time. Within one second, a name with fractional seconds sorts
    /// before one without.
    ///
    /// Files that fail verification are returned too, with their problem, so nothing is hidden.
    /// Temporary files and names starting with "." are skipped. Logs nothing; `verify()` does.
    /// - Throws: `OutboxError` only when the directory itself cannot be listed.
    public func records() throws(OutboxError) -> [OutboxEntry] {
        let names: [String]
        do {
            names = try DurableFile.entryNames(in: directory)
        } catch {
            throw OutboxError(error)
        }
        let recordNames = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        return recordNames.map(readEntry)
    }

    /// Verifies every record file and logs one warning per failing file (file name and reason code).
    /// - Throws: `OutboxError` only when the directory itself cannot be listed.
    public func verify() throws(OutboxError) -> OutboxVerificationReport {
        let entries = try records()
        let failures = entries.compactMap { entry in
            entry.problem.map { OutboxVerificationFailure(fileName: entry.fileName, problem: $0) }
        }
        for failure in failures {
            logger.warning("Outbox file failed verification", ["file": failure.fileName, "reason": failure.problem.code])
        }
        logger.info("Outbox verified", ["files": String(entries.count), "failed": String(failures.count)])
        return OutboxVerificationReport(checkedFileCount: entries.count, failures: failures)
    }

    /// Lower-cased usernames of every stored record, for the username collision check.
    ///
    /// Records that fail verification count too, as long as their payload decodes: treating a
    /// doubtful name as taken is the safe side for proposing a new one.
    public func existingUsernames() throws(OutboxError) -> Set<String> {
        Set(try records().compactMap { $0.record?.account.username.lowercased() })
    }

    /// Credential ids (base64url, as stored) of every stored record whose payload decodes,
    /// including records that fail verification, for the same reason as `existingUsernames()`.
    public func existingCredentialIDs() throws(OutboxError) -> Set<String> {
        Set(try records().compactMap { $0.record?.credential.credentialID })
    }

    /// The signing key, for the lifecycle extension (redaction stubs).
    var signingKeyForLifecycle: Ed25519Key { signingKey }

    // MARK: - Private helpers

    /// Appends the `enrollment-recorded` audit entry. The record is saved already, so a failing
    /// audit write is logged, not thrown: the screen must not report a saved record as lost, and
    /// `kiosk outbox verify` names the record that has no audit entry.
    private func recordInAudit(_ record: OutboxRecord, payloadHash: String?) {
        let entry = AuditEntry(
            event: .enrollmentRecorded, time: record.completedAt, kioskID: record.kioskID, clerkID: record.clerkID,
            enrollmentID: record.enrollmentID, personnelNumber: record.personnelNumber, reason: record.kind.rawValue,
            payloadSHA256: payloadHash)
        do {
            try audit.append([entry])
        } catch {
            logger.error("Audit entry not saved", ["enrollment": record.enrollmentID, "error": error.description])
        }
    }

    func readEntry(_ fileName: String) -> OutboxEntry {
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.readAll(directory + "/" + fileName, maximumSize: Self.maximumFileSize)
        } catch {
            return OutboxEntry(fileName: fileName, record: nil, problem: .unreadableFile(errno: error.errno))
        }
        if let redacted = RedactedRecord.open(bytes, trustedPublicKey: trustedPublicKey) {
            return redactedEntry(fileName, redacted)
        }
        let (record, problem) = OutboxEnvelope.open(bytes, trustedPublicKey: trustedPublicKey)
        if let problem { return OutboxEntry(fileName: fileName, record: record, problem: problem) }
        guard let record else {
            return OutboxEntry(fileName: fileName, record: nil, problem: .invalidPayload(detail: "no record"))
        }
        guard let expected = try? Self.fileName(for: record) else {
            return OutboxEntry(
                fileName: fileName, record: record,
                problem: .invalidPayload(detail: "enrollmentID or completedAt unfit for a file name"))
        }
        guard expected == fileName else {
            return OutboxEntry(fileName: fileName, record: record, problem: .fileNameMismatch(expected: expected))
        }
        return OutboxEntry(fileName: fileName, record: record, problem: nil)
    }

    private func removeLeftoverTemporaryFiles() throws(OutboxError) {
        let result: (removed: [String], failed: [(name: String, errno: Int32)])
        do {
            result = try DurableFile.removeAbandonedTemporaryFiles(in: directory, prefix: Self.temporaryPrefix)
        } catch {
            throw OutboxError(error)
        }
        if !result.removed.isEmpty {
            logger.warning(
                "Removed temporary outbox files left by an interrupted write",
                ["count": String(result.removed.count), "files": result.removed.joined(separator: ",")])
        }
        for failure in result.failed {
            logger.warning(
                "Could not remove temporary outbox file", ["file": failure.name, "errno": String(failure.errno)])
        }
    }

    /// First 16 hex digits of the SHA-256 of the credential id bytes, for logs.
    static func shortHash(ofCredentialID credentialID: String) -> String {
        let bytes = Base64URL.decode(credentialID) ?? Array(credentialID.utf8)
        return String(SHA256.hex(bytes).prefix(16))
    }

    private static func isLowercaseUUID(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard characters.count == 36 else { return false }
        for (index, character) in characters.enumerated() {
            let isHyphenPosition = [8, 13, 18, 23].contains(index)
            let isHexDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(character)
            guard isHyphenPosition ? character == UInt8(ascii: "-") : isHexDigit else { return false }
        }
        return true
    }

    /// Accepts `YYYY-MM-DDTHH:MM:SS` with optional fractional seconds and a final `Z`.
    private static func isUTCTimestamp(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard (20...30).contains(characters.count), characters.last == UInt8(ascii: "Z") else { return false }
        let pattern = Array("dddd-dd-ddTdd:dd:dd".utf8)
        for (index, expected) in pattern.enumerated() {
            let character = characters[index]
            let matches = expected == UInt8(ascii: "d")
                ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) : character == expected
            guard matches else { return false }
        }
        let fraction = characters[pattern.count..<(characters.count - 1)]
        guard !fraction.isEmpty else { return true }
        return fraction.first == UInt8(ascii: ".")
            && fraction.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            && fraction.count > 1
    }
}

/// One stored file as `Outbox.records()` found it.
public struct OutboxEntry: Sendable, Equatable {
    /// The file name inside the outbox directory.
    public let fileName: String
    /// The record the file carries; nil when its payload could not be decoded. A record is also
    /// present for some failing files (wrong key, tampered payload) and must then not be trusted.
    public let record: OutboxRecord?
    /// The verification failure; nil for a verified record.
    public let problem: OutboxProblem?

    /// The stub left after retention removed the personal data; nil for a full record.
    /// A verified stub has `record == nil` and `problem == nil`.
    public var redacted: RedactedRecord? = nil

    /// `true` when this kiosk's key signed the record (or its stub) and its name matches.
    public var isVerified: Bool { problem == nil }
}

/// One file that failed verification.
public struct OutboxVerificationFailure: Sendable, Equatable {
    public let fileName: String
    public let problem: OutboxProblem
}

/// The result of `Outbox.verify()`.
public struct OutboxVerificationReport: Sendable, Equatable {
    /// Number of record files checked, passing and failing.
    public let checkedFileCount: Int
    /// Every failing file with its reason, in file name order; empty when all passed.
    public let failures: [OutboxVerificationFailure]

    /// `true` when no file failed.
    public var isClean: Bool { failures.isEmpty }
}
