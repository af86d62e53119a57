import Foundation
import KioskCore
import KioskCrypto

/// The signed JSON document stored in one outbox file.
///
/// Layout (keys sorted):
/// `{"format": "kiosk-outbox-v1", "keyID": …, "payload": …, "publicKey": …, "signature": …}`.
/// `payload` is standard base64 of the record's canonical JSON bytes (sorted keys, slashes not
/// escaped). `signature` is base64url Ed25519 over exactly those bytes. `publicKey` is the base64url
/// raw signing key and `keyID` its short fingerprint. Carrying the payload as base64 keeps the signed
/// bytes intact, whatever a JSON tool does to whitespace or key order in the envelope.
public struct OutboxEnvelope: Codable, Sendable, Equatable {
    /// The only `format` value this version reads and writes.
    public static let currentFormat = "kiosk-outbox-v1"

    public var format: String
    public var payload: String
    public var signature: String
    public var publicKey: String
    public var keyID: String

    /// Signs `record` with `key` and wraps it.
    /// - Throws: `OutboxError.encodingFailed` or `.signingFailed`.
    public static func seal(_ record: OutboxRecord, with key: Ed25519Key) throws(OutboxError) -> OutboxEnvelope {
        let payloadBytes = try canonicalJSON(record)
        let signature: [UInt8]
        do {
            signature = try key.sign(payloadBytes)
        } catch {
            throw .signingFailed(detail: String(describing: error))
        }
        let publicKey = key.publicKey
        return OutboxEnvelope(
            format: currentFormat, payload: Data(payloadBytes).base64EncodedString(),
            signature: Base64URL.encode(signature), publicKey: Base64URL.encode(publicKey),
            keyID: keyID(of: publicKey))
    }

    /// Encodes the record's canonical JSON: `JSONEncoder` with sorted keys and unescaped slashes.
    public static func canonicalJSON(_ record: OutboxRecord) throws(OutboxError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(record))
        } catch {
            throw .encodingFailed(detail: String(describing: error))
        }
    }

    /// Short fingerprint of a raw public key: the first 16 hex digits (8 bytes) of its SHA-256.
    public static func keyID(of publicKey: [UInt8]) -> String {
        String(SHA256.hex(publicKey).prefix(16))
    }

    /// Encodes the envelope as stored on disk: pretty-printed JSON with sorted keys and a final newline.
    public func encoded() throws(OutboxError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
        } catch {
            throw .encodingFailed(detail: String(describing: error))
        }
    }

    /// Parses and checks a stored file against the kiosk's public key.
    ///
    /// The checks run in this order, and the first that fails decides the problem: JSON layout,
    /// format, key (embedded key and keyID must be `trustedPublicKey`), signature form, signature
    /// over the payload bytes, payload as an `OutboxRecord`.
    /// - Returns: the record, or the problem together with the record when the payload could still
    ///   be decoded (so a listing can show what a failing file claims).
    public static func open(
        _ fileBytes: [UInt8], trustedPublicKey: [UInt8]
    ) -> (record: OutboxRecord?, problem: OutboxProblem?) {
        let envelope: OutboxEnvelope
        do {
            envelope = try JSONDecoder().decode(OutboxEnvelope.self, from: Data(fileBytes))
        } catch {
            return (nil, .unreadableJSON(detail: jsonErrorSummary(error)))
        }
        guard envelope.format == currentFormat else {
            return (nil, .unsupportedFormat(envelope.format))
        }
        guard let payload = Data(base64Encoded: envelope.payload).map(Array.init) else {
            return (nil, .unreadableJSON(detail: "payload is not valid base64"))
        }
        let record = try? JSONDecoder().decode(OutboxRecord.self, from: Data(payload))
        if let problem = envelope.problem(payload: payload, trustedPublicKey: trustedPublicKey) {
            return (record, problem)
        }
        guard let record else {
            return (nil, .invalidPayload(detail: "signed payload is not an outbox record"))
        }
        return (record, nil)
    }

    /// Returns the first key or signature problem, or nil when this kiosk's key signed `payload`.
    private func problem(payload: [UInt8], trustedPublicKey: [UInt8]) -> OutboxProblem? {
        guard let embeddedKey = Base64URL.decode(publicKey), embeddedKey.count == Ed25519Key.publicKeyLength else {
            return .unreadableJSON(detail: "publicKey is not a base64url Ed25519 key")
        }
        guard embeddedKey == trustedPublicKey else {
            return .wrongKey(keyID: Self.keyID(of: embeddedKey))
        }
        guard keyID == Self.keyID(of: embeddedKey) else {
            return .wrongKey(keyID: keyID)
        }
        guard let signatureBytes = Base64URL.decode(signature), signatureBytes.count == Ed25519Key.signatureLength else {
            return .badSignature(detail: "signature is not a base64url 64-byte Ed25519 signature")
        }
        guard Ed25519.verify(signature: signatureBytes, message: payload, publicKey: trustedPublicKey) else {
            return .tamperedPayload
        }
        return nil
    }

    /// Summarizes a decoding failure by naming the field, never echoing its value.
    private static func jsonErrorSummary(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            "not valid JSON"
        }
    }
}

/// The reason a stored outbox file failed verification.
public enum OutboxProblem: Sendable, Equatable {
    /// The file could not be read (errno from `open` or `read`; `EFBIG` for an oversized file).
    case unreadableFile(errno: Int32)
    /// The file is not an envelope: not JSON, a field missing or of the wrong type, bad base64.
    case unreadableJSON(detail: String)
    /// The envelope names a format other than `kiosk-outbox-v1`.
    case unsupportedFormat(String)
    /// Signed by another key than this kiosk's, or `keyID` does not match `publicKey`; `keyID` is the
    /// fingerprint the file carries.
    case wrongKey(keyID: String)
    /// The signature field is not a well-formed Ed25519 signature.
    case badSignature(detail: String)
    /// A well-formed signature that claims this kiosk's key does not match the payload bytes: the
    /// payload, or the signature itself, was changed after signing.
    case tamperedPayload
    /// The signature is valid but the payload is not a readable outbox record.
    case invalidPayload(detail: String)
    /// The record is valid but stored under another name than `<completedAt>-<enrollmentID>.json`,
    /// for example a copy of another record.
    case fileNameMismatch(expected: String)

    /// A stable machine-readable code for logs and scripts, for example "tampered-payload".
    public var code: String {
        switch self {
        case .unreadableFile: "unreadable-file"
        case .unreadableJSON: "unreadable-json"
        case .unsupportedFormat: "unsupported-format"
        case .wrongKey: "wrong-key"
        case .badSignature: "bad-signature"
        case .tamperedPayload: "tampered-payload"
        case .invalidPayload: "invalid-payload"
        case .fileNameMismatch: "file-name-mismatch"
        }
    }
}
