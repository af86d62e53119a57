import CFido2
import KioskCore

/// Context of a failed libfido2 call beyond its return code.
struct FidoFailureContext {
    /// The C function that failed, for `.deviceError` and the log.
    var call: String
    /// PIN attempts left, read after `FIDO_ERR_PIN_INVALID`, or `nil` when the key did not report them.
    var retriesLeft: Int?
    /// Whether the operation's touch timeout had passed when the call failed. libfido2 reports
    /// its own timeout as `FIDO_ERR_RX`, the same code as an unplugged key.
    var deadlinePassed = false
    /// Whether the key had disappeared from the bus when the call failed.
    var deviceGone = false
}

/// Maps a libfido2 return code to the kiosk's error. The only place that interprets FIDO_ERR_* codes.
func securityKeyError(code: Int32, context: FidoFailureContext) -> SecurityKeyError {
    // A key pulled mid-exchange surfaces as whatever step failed (often FIDO_ERR_INTERNAL);
    // once it is gone from the bus, that is the cause worth reporting.
    if context.deviceGone && code != FIDO_ERR_KEEPALIVE_CANCEL { return .keyRemoved }
    switch code {
    case FIDO_ERR_PIN_INVALID:
        return .pinInvalid(retriesLeft: context.retriesLeft)
    case FIDO_ERR_PIN_AUTH_BLOCKED:
        return .pinAuthBlocked
    case FIDO_ERR_PIN_BLOCKED:
        return .pinBlocked
    case FIDO_ERR_PIN_POLICY_VIOLATION:
        return .pinPolicyViolation
    case FIDO_ERR_PIN_REQUIRED, FIDO_ERR_PIN_NOT_SET:
        // PIN_NOT_SET: the key has no PIN yet, so the kiosk must set one before registering.
        return .pinRequired
    case FIDO_ERR_ACTION_TIMEOUT, FIDO_ERR_USER_ACTION_TIMEOUT, FIDO_ERR_TIMEOUT:
        return .touchTimeout
    case FIDO_ERR_TX, FIDO_ERR_RX:
        return context.deadlinePassed ? .touchTimeout : .keyRemoved
    case FIDO_ERR_KEEPALIVE_CANCEL:
        return .cancelled
    case FIDO_ERR_KEY_STORE_FULL:
        return .keyStoreFull
    case FIDO_ERR_CREDENTIAL_EXCLUDED:
        return .credentialExcluded
    case FIDO_ERR_OPERATION_DENIED, FIDO_ERR_NOT_ALLOWED, FIDO_ERR_UP_REQUIRED, FIDO_ERR_USER_PRESENCE_REQUIRED:
        return .operationDenied
    case FIDO_ERR_UNSUPPORTED_ALGORITHM:
        return .unsupportedKey(reason: "the key does not support ES256 (P-256) credentials")
    case FIDO_ERR_UNSUPPORTED_OPTION, FIDO_ERR_INVALID_OPTION:
        return .unsupportedKey(reason: "the key rejected a CTAP option (\(context.call))")
    case FIDO_ERR_INVALID_SIG:
        return .assertionInvalid
    default:
        return .deviceError(call: context.call, code: Int(code))
    }
}

/// Returns the symbolic name of a libfido2 code (`FIDO_ERR_PIN_INVALID`) for log lines.
func fidoErrorName(_ code: Int32) -> String {
    guard let name = fido_strerr(code) else { return "code \(code)" }
    return String(cString: name)
}
