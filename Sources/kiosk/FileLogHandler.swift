import Foundation
import KioskCore
import Synchronization

/// Appends log lines to a file, because nothing may write to the terminal while curses owns it.
///
/// Lines are "timestamp level label: message key=value ..." in UTC. The file is opened once
/// in append mode with mode 0600; a write failure is dropped rather than crashing the kiosk.
final class FileLogHandler: LogHandler {
    private let descriptor: Int32
    private let lock = Mutex<Void>(())

    /// Opens or creates `path`.
    /// - Throws: `KioskFailure.logNotWritable` naming the path when it cannot be opened.
    init(path: String) throws(KioskFailure) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .logNotWritable(path: path, errno: errno) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    func log(level: LogLevel, label: String, message: String, metadata: [String: String]) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        let line = formatLogLine(timestamp: stamp, level: level, label: label, message: message, metadata: metadata) + "\n"
        lock.withLock { _ in
            var bytes = Array(line.utf8)
            _ = write(descriptor, &bytes, bytes.count)
        }
    }
}

/// Failures that stop the kiosk before or outside the enrollment screens, each with a fix.
enum KioskFailure: Error {
    case logNotWritable(path: String, errno: Int32)
    case usage(String)
    case configuration(String)
    case startup(String)

    /// English message for the operator's terminal.
    var message: String {
        switch self {
        case .logNotWritable(let path, let code):
            "cannot open the log file \(path): \(String(cString: strerror(code))). "
                + "Check that the data directory exists and is writable by the kiosk user."
        case .usage(let text), .configuration(let text), .startup(let text):
            text
        }
    }
}
