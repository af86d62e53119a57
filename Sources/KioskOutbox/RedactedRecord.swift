import Foundation
import KioskCore
import KioskCrypto

/// What remains of a confirmed record once its retention period is over: ids, times, the IAM id
/// and the hash of the signed payload, but no name, e-mail or credential.
///
/// Signature verifiability: Ed25519 signs the message itself, not a hash, so the original
/// signature cannot be checked once the payload is gone. The stub therefore keeps the payload's
/// SHA-256 and the original signature, and is itself signed by the kiosk key. The audit log's
/// `enrollment-recorded` entry, signed and chained when the record was saved, carries the same
/// payload hash; `kiosk outbox verify` compares the two. So a stub proves that the record it
/// replaces was the one audited at enrollment time, and the IAM still holds the full data.
public struct RedactedRecord: Codable, Sendable, Equatable {
    /// The only `format` value of a stub.
    public static let currentFormat = "kiosk-outbox-redacted-v1"

    public var format: String
    public var enrollmentID: String
    public var completedAt: String
    public var kioskID: String
    public var kind: EnrollmentKind
    /// SHA-256 (hex) of the removed signed payload bytes.
    public var payloadSHA256: String
    /// The original envelope's signature over the removed payload (base64url).
    public var originalSignature: String
    /// The user's id at the IAM; nil when the state file did not hold it.
    public var centralID: String?
    /// ISO 8601 UTC time of the redaction.
    public var redactedAt: String
    /// base64url Ed25519 signature of the kiosk key over the stub's canonical JSON with this field "".
    public var signature: String

    /// Builds and signs the stub for `envelope`'s record.
    static func seal(
        record: OutboxRecord, envelope: OutboxEnvelope, centralID: String?, redactedAt: String, key: Ed25519Key
    ) throws(OutboxError) -> RedactedRecord {
        guard let payload = Data(base64Encoded: envelope.payload) else {
            throw .encodingFailed(detail: "envelope payload is not base64")
        }
        var stub = RedactedRecord(
            format: currentFormat, enrollmentID: record.enrollmentID, completedAt: record.completedAt,
            kioskID: record.kioskID, kind: record.kind, payloadSHA256: SHA256.hex(Array(payload)),
            originalSignature: envelope.signature, centralID: centralID, redactedAt: redactedAt, signature: "")
        do {
            stub.signature = Base64URL.encode(try key.sign(try stub.canonical()))
        } catch let error as OutboxError {
            throw error
        } catch {
            throw .signingFailed(detail: String(describing: error))
        }
        return stub
    }

    /// Canonical JSON with an empty signature: the signed bytes.
    func canonical() throws(OutboxError) -> [UInt8] {
        var unsigned = self
        unsigned.signature = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let bytes = try? encoder.encode(unsigned) else { throw .encodingFailed(detail: "redacted record") }
        return Array(bytes)
    }

    /// The stub as stored: pretty JSON with sorted keys and a final newline.
    func encoded() throws(OutboxError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let bytes = try? encoder.encode(self) else { throw .encodingFailed(detail: "redacted record") }
        return Array(bytes) + [0x0A]
    }

    /// Decodes a stub; nil when `bytes` is not a stub at all (then it is read as a full record).
    /// A stub whose signature fails is returned with `signature` emptied, which `isSigned` reports.
    static func open(_ bytes: [UInt8], trustedPublicKey: [UInt8]) -> RedactedRecord? {
        // A cheap test first, because every full record passes through here too.
        let marker = Array(currentFormat.utf8)
        guard bytes.count < 8192, bytes.indices.dropLast(marker.count - 1).contains(where: {
            bytes[$0..<($0 + marker.count)].elementsEqual(marker)
        }) else { return nil }
        guard let stub = try? JSONDecoder().decode(RedactedRecord.self, from: Data(bytes)),
              stub.format == currentFormat
        else { return nil }
        var checked = stub
        let valid = (try? stub.canonical()).map { message in
            Base64URL.decode(stub.signature).map {
                Ed25519.verify(signature: $0, message: message, publicKey: trustedPublicKey)
            } ?? false
        } ?? false
        if !valid { checked.signature = "" }
        return checked
    }

    /// `false` when the stub's signature did not verify against the kiosk key.
    public var isSigned: Bool { !signature.isEmpty }
}
