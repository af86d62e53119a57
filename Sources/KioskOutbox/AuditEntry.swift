import Foundation
import KioskCrypto

/// The event an audit entry records.
public enum AuditEvent: String, Sendable, Codable, CaseIterable {
    /// An enrollment finished and its record was saved (carries the payload hash).
    case enrollmentRecorded = "enrollment-recorded"
    /// An enrollment stopped at a step (`step` and `reason` give where and why).
    case enrollmentFailed = "enrollment-failed"
    /// The sync is about to send the record to the IAM.
    case syncSent = "sync-sent"
    /// The IAM has the user and the credential (`centralID`).
    case syncConfirmed = "sync-confirmed"
    /// The IAM rejected the record (`reason` contains its status).
    case syncConflict = "sync-conflict"
    /// A damaged record file was moved to quarantine (`reason`).
    case recordQuarantined = "record-quarantined"
    /// The retention period removed the personal data of a confirmed record.
    case recordRedacted = "record-redacted"
}

/// One line of the audit log: who enrolled whom, where, when, and what happened.
///
/// Only ids are stored (kiosk, clerk, enrollment, personnel number, IAM id), never names and never
/// PINs. `previousHash` is the SHA-256 (hex) of the previous line's bytes, or 64 zeros for the
/// first line, so a deleted, reordered or edited line breaks the chain. `signature` is the kiosk
/// key's Ed25519 signature over the line's canonical JSON with `signature` set to "".
public struct AuditEntry: Sendable, Codable, Equatable {
    /// 1 for the first line, then one more per line.
    public var sequence: Int
    /// ISO 8601 UTC time.
    public var time: String
    public var event: AuditEvent
    public var kioskID: String
    public var clerkID: String?
    public var enrollmentID: String?
    /// The HR personnel number of the enrolled person (an id, not a name).
    public var personnelNumber: String?
    /// The enrollment step that failed, for `enrollmentFailed`.
    public var step: String?
    /// A short machine-readable reason (error code, HTTP status); never personal data.
    public var reason: String?
    /// The user's id at the IAM, for `syncConfirmed`.
    public var centralID: String?
    /// SHA-256 (hex) of the record's signed payload bytes, for `enrollmentRecorded` and `recordRedacted`.
    public var payloadSHA256: String?
    public var previousHash: String
    public var signature: String

    /// Creates an unchained, unsigned entry; `AuditLog.append` fills sequence, hash and signature.
    public init(
        event: AuditEvent, time: String, kioskID: String, clerkID: String? = nil, enrollmentID: String? = nil,
        personnelNumber: String? = nil, step: String? = nil, reason: String? = nil, centralID: String? = nil,
        payloadSHA256: String? = nil
    ) {
        self.sequence = 0
        self.time = time
        self.event = event
        self.kioskID = kioskID
        self.clerkID = clerkID
        self.enrollmentID = enrollmentID
        self.personnelNumber = personnelNumber
        self.step = step
        self.reason = reason
        self.centralID = centralID
        self.payloadSHA256 = payloadSHA256
        self.previousHash = AuditEntry.genesisHash
        self.signature = ""
    }

    /// The `previousHash` of the first line.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Returns the bytes the signature covers: canonical JSON with an empty signature.
    func signedBytes() throws(OutboxError) -> [UInt8] {
        var unsigned = self
        unsigned.signature = ""
        return try Self.canonical(unsigned)
    }

    /// Canonical JSON (sorted keys, unescaped slashes) of `entry`.
    static func canonical(_ entry: AuditEntry) throws(OutboxError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(entry))
        } catch {
            throw .encodingFailed(detail: "audit entry")
        }
    }
}

/// The reason `AuditLog.verify` rejects the log, naming the first broken line.
public enum AuditProblem: Sendable, Equatable {
    /// Line `line` is not a readable entry.
    case unreadableEntry(line: Int)
    /// Line `line` has sequence `found` where `expected` was due (a line was deleted or moved).
    case sequenceGap(line: Int, expected: Int, found: Int)
    /// Line `line` does not carry the hash of the line before it (a line before it was edited or removed).
    case brokenChain(line: Int)
    /// Line `line` is not signed by this kiosk's key (it was edited or forged).
    case badSignature(line: Int)
    /// The signed head names `headSequence` entries but the log ends at `lastSequence` (lines were cut off).
    case truncated(headSequence: Int, lastSequence: Int)
    /// The signed head file is missing, unreadable or not signed by this kiosk although the log has lines.
    case badHead(detail: String)
    /// The log file could not be read (errno).
    case unreadableFile(errno: Int32)

    /// A stable machine-readable code, for example "broken-chain".
    public var code: String {
        switch self {
        case .unreadableEntry: "unreadable-entry"
        case .sequenceGap: "sequence-gap"
        case .brokenChain: "broken-chain"
        case .badSignature: "bad-signature"
        case .truncated: "truncated"
        case .badHead: "bad-head"
        case .unreadableFile: "unreadable-file"
        }
    }
}
