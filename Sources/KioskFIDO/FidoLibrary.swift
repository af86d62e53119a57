import CFido2
import KioskCore
import Synchronization

/// Process-wide libfido2 setup: `fido_init` and the log handler, which are global in C.
///
/// libfido2 writes diagnostics only after `fido_init(FIDO_DEBUG)` (or with `FIDO_DEBUG` in the
/// environment), and then to stderr unless a handler is installed. The handler installed here
/// forwards each line to the most recently configured `Logger` at debug level and drops
/// libfido2's hex dumps, because they contain the user name and display name sent to the key.
enum FidoLibrary {
    private struct State {
        var initialized = false
        var debugEnabled = false
        var logger: Logger?
    }

    private static let state = Mutex(State())

    /// Initialises libfido2 once and routes its diagnostics to `logger`.
    ///
    /// Debug output is switched on only when `logger` records debug lines; once on, it stays on.
    static func configure(logger: Logger) {
        let wantsDebug = logger.level <= .debug
        state.withLock { current in
            current.logger = logger
            if !current.initialized {
                // fido_init(FIDO_DEBUG) resets the handler to stderr, so the handler comes second.
                fido_init(wantsDebug ? FIDO_DEBUG : 0)
                fido_set_log_handler(forwardFidoLogLine)
                current.initialized = true
                current.debugEnabled = wantsDebug
            } else if wantsDebug && !current.debugEnabled {
                fido_init(FIDO_DEBUG)
                fido_set_log_handler(forwardFidoLogLine)
                current.debugEnabled = true
            }
        }
    }

    fileprivate static func forward(_ line: String) {
        guard !isHexDump(line), let logger = state.withLock({ $0.logger }) else { return }
        logger.debug("libfido2", ["line": line])
    }

    /// libfido2's `fido_log_xxd` rows start with a four-digit offset and a colon ("0016: 8a 01 ...").
    static func isHexDump(_ line: String) -> Bool {
        let bytes = Array(line.utf8.prefix(5))
        guard bytes.count == 5, bytes[4] == UInt8(ascii: ":") else { return false }
        return bytes.prefix(4).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

private func forwardFidoLogLine(_ message: UnsafePointer<CChar>?) {
    guard let message else { return }
    var line = String(cString: message)
    while line.last == "\n" { line.removeLast() }
    FidoLibrary.forward(line)
}
