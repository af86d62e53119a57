/// Why a sync run stopped early. Every case carries what an operator needs to act; none carries
/// personal data, so an error may be logged and printed as a whole.
public enum SyncError: Error, Sendable, Equatable {
    /// kiosk.conf, the token file or the TLS files are not usable; `detail` says what to change.
    case configuration(String)
    /// The server refused the credentials (401) or the access (403).
    case notAuthorized(status: Int, detail: String)
    /// The server rejected a request as invalid (400); `detail` is its SCIM error text.
    case rejected(detail: String)
    /// The server stayed unreachable, overloaded or slow through every attempt; retry later.
    case unavailable(detail: String)
    /// The server answered with something that is not the SCIM the client expects.
    case protocolViolation(detail: String)
    /// The outbox or its state files could not be read or written.
    case storage(String)
}

extension SyncError: CustomStringConvertible {
    /// One plain English sentence for the operator and the log.
    public var description: String {
        switch self {
        case .configuration(let detail):
            "Configuration error: \(detail)"
        case .notAuthorized(let status, let detail):
            "The IAM refused access (HTTP \(status)): \(detail). Check sync.token_file and the kiosk's rights at the IAM."
        case .rejected(let detail):
            "The IAM rejected a request as invalid (HTTP 400): \(detail). Check that the IAM has the kiosk's FIDO2 "
                + "extension schema (Assets/scim/fido2-credential-schema.json) registered."
        case .unavailable(let detail):
            "The IAM could not be reached reliably: \(detail). The remaining records stay queued for the next run."
        case .protocolViolation(let detail):
            "The IAM answered in an unexpected form: \(detail)."
        case .storage(let detail):
            "Outbox storage failed: \(detail)."
        }
    }
}
