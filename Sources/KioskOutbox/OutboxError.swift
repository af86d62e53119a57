#if canImport(Glibc)
import Glibc
#endif

/// Failures of outbox operations. Every case carries what the log needs (errno, failing call, file).
///
/// None of the cases carries personal data, so an error may be logged as a whole.
public enum OutboxError: Error, Sendable, Equatable {
    /// The file system is full or the quota is used up (`ENOSPC`, `EDQUOT`); `call` names the system call.
    case diskFull(call: String)
    /// The outbox directory or a file in it may not be written (`EACCES`, `EROFS`, `EPERM`).
    case notWritable(path: String, errno: Int32, call: String)
    /// Any other failed system call, with its errno.
    case ioError(errno: Int32, call: String)
    /// A record with this file name (the same completion time and enrollment id) is already stored.
    case alreadyExists(fileName: String)
    /// A record field that becomes part of the file name has an unexpected form; `field` names it.
    case invalidRecord(field: String, reason: String)
    /// The record could not be encoded as JSON.
    case encodingFailed(detail: String)
    /// The kiosk key could not sign the record.
    case signingFailed(detail: String)

    /// Maps a failed system call to the case a caller can act on.
    init(_ failure: FileSystemFailure) {
        switch failure.errno {
        case ENOSPC, EDQUOT:
            self = .diskFull(call: failure.call)
        case EACCES, EROFS, EPERM:
            self = .notWritable(path: failure.path, errno: failure.errno, call: failure.call)
        case EEXIST where failure.call == "linkat":
            self = .alreadyExists(fileName: failure.path)
        default:
            self = .ioError(errno: failure.errno, call: failure.call)
        }
    }
}

extension OutboxError: CustomStringConvertible {
    /// One English sentence for logs and the operator's terminal.
    public var description: String {
        switch self {
        case .diskFull(let call):
            "The outbox disk is full (\(call) failed with ENOSPC or EDQUOT); free space before the next enrollment."
        case .notWritable(let path, let errno, let call):
            "The outbox at \(path) is not writable (\(call) failed: \(errorText(errno)))."
        case .ioError(let errno, let call):
            "An outbox file operation failed (\(call): \(errorText(errno)))."
        case .alreadyExists(let fileName):
            "The outbox already contains \(fileName); the record was not written twice."
        case .invalidRecord(let field, let reason):
            "The record field \(field) is invalid: \(reason)."
        case .encodingFailed(let detail):
            "The record could not be encoded as JSON: \(detail)."
        case .signingFailed(let detail):
            "The record could not be signed with the kiosk key: \(detail)."
        }
    }
}

/// Returns the C library's text for `code` with the number, for example "No space left on device (errno 28)".
func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return "\(String(cString: text)) (errno \(code))"
}
