/// Severity of a log line, lowest first.
///
/// trace: hex dumps; debug: device conversation steps; info: session milestones;
/// warning: recovered faults; error: a failed enrollment; critical: the kiosk cannot continue.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case trace, debug, info, warning, error, critical

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var name: String { String(describing: self) }
}

/// Receives log lines. Implementations decide where they go (file, memory for tests).
public protocol LogHandler: Sendable {
    func log(level: LogLevel, label: String, message: String, metadata: [String: String])
}

/// A logger value passed to each component; there is no global logger.
///
/// Messages are fixed phrases and variables go into metadata, so lines stay greppable.
/// Never put personal data (names, personnel numbers, birth dates) or PINs into either.
public struct Logger: Sendable {
    public let label: String
    public var level: LogLevel
    public var metadata: [String: String]
    private let handler: any LogHandler

    public init(label: String, level: LogLevel = .info, handler: any LogHandler, metadata: [String: String] = [:]) {
        self.label = label
        self.level = level
        self.handler = handler
        self.metadata = metadata
    }

    /// A logger that drops everything.
    public static var disabled: Logger { Logger(label: "disabled", level: .critical, handler: NullLogHandler()) }

    /// A copy with another label and the same handler, level and metadata.
    public func child(_ label: String) -> Logger {
        Logger(label: label, level: level, handler: handler, metadata: metadata)
    }

    public func log(_ level: LogLevel, _ message: String, _ metadata: [String: String] = [:]) {
        guard level >= self.level else { return }
        handler.log(level: level, label: label, message: message, metadata: self.metadata.merging(metadata) { $1 })
    }

    public func trace(_ message: String, _ metadata: [String: String] = [:]) { log(.trace, message, metadata) }
    public func debug(_ message: String, _ metadata: [String: String] = [:]) { log(.debug, message, metadata) }
    public func info(_ message: String, _ metadata: [String: String] = [:]) { log(.info, message, metadata) }
    public func warning(_ message: String, _ metadata: [String: String] = [:]) { log(.warning, message, metadata) }
    public func error(_ message: String, _ metadata: [String: String] = [:]) { log(.error, message, metadata) }
    public func critical(_ message: String, _ metadata: [String: String] = [:]) { log(.critical, message, metadata) }
}

/// Drops every line.
public struct NullLogHandler: LogHandler {
    public init() {}
    public func log(level: LogLevel, label: String, message: String, metadata: [String: String]) {}
}

/// Formats a line as "timestamp level label: message k=v k=v" with keys sorted.
public func formatLogLine(timestamp: String, level: LogLevel, label: String, message: String, metadata: [String: String]) -> String {
    var line = "\(timestamp) \(level.name) \(label): \(message)"
    for key in metadata.keys.sorted() {
        line += " \(key)=\(metadata[key] ?? "")"
    }
    return line
}
