import Foundation
import KioskCore
import KioskCrypto

#if canImport(Glibc)
import Glibc
#endif

/// Sync states, quarantine and retention: what happens to a record after it was saved.
extension Outbox {
    /// Folder of the per-record sync states.
    public var stateDirectory: String { directory + "/state" }
    /// Folder that damaged records are moved to, each with a `<name>.reason` file.
    public var quarantineDirectory: String { directory + "/quarantine" }

    /// Opens the sync state store (creating `state/` on first use).
    public func stateStore() throws(OutboxError) -> RecordStateStore {
        try RecordStateStore(directory: stateDirectory)
    }

    /// Builds the entry of a stub file, checking its signature and file name.
    func redactedEntry(_ fileName: String, _ stub: RedactedRecord) -> OutboxEntry {
        guard stub.isSigned else {
            return OutboxEntry(fileName: fileName, record: nil, problem: .tamperedPayload, redacted: stub)
        }
        let expected = "\(stub.completedAt)-\(stub.enrollmentID).json"
        guard expected == fileName else {
            return OutboxEntry(fileName: fileName, record: nil, problem: .fileNameMismatch(expected: expected), redacted: stub)
        }
        return OutboxEntry(fileName: fileName, record: nil, problem: nil, redacted: stub)
    }

    // MARK: - Quarantine

    /// Moves a damaged record file to `quarantine/` beside a `<name>.reason` file, and audits it.
    ///
    /// The move is a `rename` within one file system, so the file is never lost or copied. The
    /// rest of the outbox is not touched; the caller goes on with the other records.
    /// - Throws: `OutboxError` when the quarantine folder or the move fails (the file then stays).
    public func quarantine(_ entry: OutboxEntry, reason: String, now: String) throws(OutboxError) {
        do throws(FileSystemFailure) {
            try DurableFile.ensureDirectory(quarantineDirectory)
            try DurableFile.replace(Array("\(reason)\n".utf8), named: entry.fileName + ".reason", in: quarantineDirectory)
            guard rename(directory + "/" + entry.fileName, quarantineDirectory + "/" + entry.fileName) == 0 else {
                throw FileSystemFailure(errno: errno, call: "rename", path: entry.fileName)
            }
            let directoryFD = try DurableFile.openDirectory(directory)
            fsync(directoryFD)
            close(directoryFD)
        } catch {
            throw OutboxError(error)
        }
        logger.warning("Outbox record quarantined", ["file": entry.fileName, "reason": reason])
        let enrollmentID = entry.record?.enrollmentID ?? Self.enrollmentID(inFileName: entry.fileName)
        do {
            _ = try audit.append([
                AuditEntry(event: .recordQuarantined, time: now, kioskID: entry.record?.kioskID ?? "-",
                           enrollmentID: enrollmentID, reason: reason),
            ])
        } catch {
            // The record is already moved aside; a lost audit line must not undo that.
            logger.warning("audit append for quarantine failed", ["file": entry.fileName, "error": error.description])
        }
    }

    /// The enrollment id at the end of a `<completedAt>-<uuid>.json` name, or nil.
    static func enrollmentID(inFileName name: String) -> String? {
        guard name.hasSuffix(".json"), name.count > 41 else { return nil }
        return String(name.dropLast(5).suffix(36))
    }

    // MARK: - Retention

    /// Replaces every confirmed record older than `days` days with a `RedactedRecord` stub.
    ///
    /// Age counts from `completedAt`. The audit entry of the enrollment stays, and a
    /// `record-redacted` entry is added. Records in any other state keep their data.
    /// - Parameters:
    ///   - now: the current time, passed in so that tests do not depend on the clock.
    /// - Returns: the number of records redacted.
    public func applyRetention(days: Int, now: Date, states: [String: RecordState]) throws(OutboxError) -> Int {
        guard days > 0 else { return 0 }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let formatter = ISO8601DateFormatter()
        let nowText = formatter.string(from: now)
        let names: [String]
        do {
            names = try DurableFile.entryNames(in: directory)
        } catch {
            throw OutboxError(error)
        }
        var redactedCount = 0
        // The file name carries the completion time and the enrollment id, so only the files
        // that qualify are read and verified.
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            guard let id = Self.enrollmentID(inFileName: name), let state = states[id], state.state == .confirmed,
                  let completed = Self.parseTime(String(name.dropLast(42))), completed < cutoff
            else { continue }
            let entry = readEntry(name)
            guard entry.isVerified, let record = entry.record else { continue }
            try redact(entry, record: record, centralID: state.centralID, now: nowText)
            redactedCount += 1
        }
        return redactedCount
    }

    private func redact(_ entry: OutboxEntry, record: OutboxRecord, centralID: String?, now: String) throws(OutboxError) {
        let path = directory + "/" + entry.fileName
        let envelope: OutboxEnvelope
        do {
            let bytes = try DurableFile.readAll(path, maximumSize: Self.maximumFileSize)
            guard let decoded = try? JSONDecoder().decode(OutboxEnvelope.self, from: Data(bytes)) else {
                throw OutboxError.invalidRecord(field: "envelope", reason: "not readable for redaction")
            }
            envelope = decoded
        } catch let error as OutboxError {
            throw error
        } catch {
            throw .ioError(errno: EIO, call: "read")
        }
        let stub = try RedactedRecord.seal(
            record: record, envelope: envelope, centralID: centralID, redactedAt: now, key: signingKeyForLifecycle)
        do {
            try DurableFile.replace(try stub.encoded(), named: entry.fileName, in: directory)
        } catch let error as FileSystemFailure {
            throw OutboxError(error)
        } catch {
            throw .encodingFailed(detail: "redacted record")
        }
        try audit.append([
            AuditEntry(event: .recordRedacted, time: now, kioskID: record.kioskID, enrollmentID: record.enrollmentID,
                       centralID: centralID, payloadSHA256: stub.payloadSHA256),
        ])
    }

    /// Parses an ISO 8601 UTC time with or without fractional seconds.
    static func parseTime(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
