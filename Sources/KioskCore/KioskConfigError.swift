/// Reason kiosk.conf could not be used. Every case names the line and how to fix it.
///
/// Line numbers count from 1, as text editors show them.
public enum KioskConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all (missing, no permission, not UTF-8).
    case unreadable(path: String, reason: String)
    /// A line that is neither a comment, a `[section]` header nor `key = value`.
    case malformedLine(line: Int, text: String)
    /// A key the kiosk does not know; `suggestion` is the closest known key, `nil` when none is close.
    case unknownKey(line: Int, key: String, suggestion: String?)
    /// A known key with a value it cannot take; `expected` describes the accepted values.
    case invalidValue(line: Int, key: String, value: String, expected: String)
    /// The same key appears twice; the first one is on `firstLine`.
    case duplicateKey(line: Int, key: String, firstLine: Int)

    /// The line the problem is on; `nil` for an unreadable file.
    public var line: Int? {
        switch self {
        case .unreadable: nil
        case .malformedLine(let line, _), .unknownKey(let line, _, _),
             .invalidValue(let line, _, _, _), .duplicateKey(let line, _, _):
            line
        }
    }

    /// An English message for the operator: what is wrong and what to change.
    public var description: String { message(file: "kiosk.conf") }

    /// Returns the message with `file` named as the settings file, for example the --config path.
    public func message(file: String) -> String {
        switch self {
        case .unreadable(let path, let reason):
            let sentence = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
            return "\(file): cannot read \(path): \(sentence). Check the path and the file permissions."
        case .malformedLine(let line, let text):
            return "\(file) line \(line): cannot read \"\(text)\". "
                + "Write \"key = value\", a \"[section]\" header or a comment starting with #."
        case .unknownKey(let line, let key, let suggestion):
            return "\(file) line \(line): unknown key \"\(key)\". " + Self.fix(forUnknown: key, suggestion)
        case .invalidValue(let line, let key, let value, let expected):
            return "\(file) line \(line): invalid value \"\(value)\" for \(key). Expected \(expected)."
        case .duplicateKey(let line, let key, let firstLine):
            return "\(file) line \(line): \(key) is already set on line \(firstLine). Remove one of the two lines."
        }
    }

    private static func fix(forUnknown key: String, _ suggestion: String?) -> String {
        if key == "demo_mode" || key == "demo" {
            return "Demo mode is not a setting: start the kiosk with --demo instead, and remove this line."
        }
        if let suggestion {
            return "Did you mean \"\(suggestion)\"? Otherwise remove the line."
        }
        return "Remove the line, or see the comments in the shipped kiosk.conf for the known keys."
    }
}
