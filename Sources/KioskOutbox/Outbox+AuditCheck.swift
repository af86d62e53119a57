import Foundation
import KioskCore
import KioskCrypto

/// The audit log checked on its own (chain, signatures, head) and against the record files.
public struct AuditVerificationReport: Sendable, Equatable {
    /// Entries that passed, up to the first broken one.
    public let entryCount: Int
    /// The first broken line; nil when the chain is intact.
    public let problem: AuditProblem?
    /// Enrollment ids audited as recorded whose file is gone without a quarantine entry: deleted records.
    public let missingRecords: [String]
    /// Record files whose payload hash differs from the hash audited when they were saved.
    public let mismatchedRecords: [String]
    /// Record files with no `enrollment-recorded` entry (written before the audit log existed, or
    /// the audit write failed, or the file was planted).
    public let unauditedRecords: [String]

    /// `true` when nothing is wrong.
    public var isClean: Bool {
        problem == nil && missingRecords.isEmpty && mismatchedRecords.isEmpty && unauditedRecords.isEmpty
    }
}

extension Outbox {
    /// Verifies the audit log and compares it with the record files.
    /// - Throws: `OutboxError` only when the outbox directory cannot be listed.
    public func verifyAudit() throws(OutboxError) -> AuditVerificationReport {
        let (entries, problem) = audit.verify()
        var recordedHashes: [String: String] = [:]
        var quarantined = Set<String>()
        for entry in entries {
            guard let id = entry.enrollmentID else { continue }
            switch entry.event {
            case .enrollmentRecorded: recordedHashes[id] = entry.payloadSHA256 ?? ""
            case .recordQuarantined: quarantined.insert(id)
            default: break
            }
        }
        var seen = Set<String>()
        var mismatched = [String]()
        var unaudited = [String]()
        for entry in try records() {
            let id = entry.record?.enrollmentID ?? entry.redacted?.enrollmentID ?? Self.enrollmentID(inFileName: entry.fileName)
            guard let id, let expected = recordedHashes[id] else {
                unaudited.append(entry.fileName)
                continue
            }
            seen.insert(id)
            let actual = entry.redacted?.payloadSHA256 ?? payloadHash(of: entry.fileName)
            if actual != expected { mismatched.append(entry.fileName) }
        }
        let missing = recordedHashes.keys.filter { !seen.contains($0) && !quarantined.contains($0) }.sorted()
        if problem != nil || !missing.isEmpty || !mismatched.isEmpty {
            logger.warning(
                "Audit log failed verification",
                ["problem": problem?.code ?? "-", "missing": String(missing.count), "mismatched": String(mismatched.count)])
        }
        return AuditVerificationReport(
            entryCount: entries.count, problem: problem, missingRecords: missing, mismatchedRecords: mismatched,
            unauditedRecords: unaudited)
    }

    /// SHA-256 (hex) of the signed payload bytes in a record file; nil when unreadable.
    func payloadHash(of fileName: String) -> String? {
        guard let bytes = try? DurableFile.readAll(directory + "/" + fileName, maximumSize: Self.maximumFileSize),
              let envelope = try? JSONDecoder().decode(OutboxEnvelope.self, from: Data(bytes)),
              let payload = Data(base64Encoded: envelope.payload)
        else { return nil }
        return SHA256.hex(Array(payload))
    }
}
