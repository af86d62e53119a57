/// Display attributes of a run of text.
///
/// Terminals without colour support ignore `color`; the attributes still apply.
public struct TextStyle: Sendable, Hashable {
    /// Curses-independent attribute bits.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let reverse = Attributes(rawValue: 1 << 1)
        public static let dim = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
    }

    /// Foreground colours the screens use; `standard` keeps the terminal's own colour.
    public enum Color: Sendable, Hashable, CaseIterable {
        case standard, red, green, yellow, blue, cyan
    }

    public var attributes: Attributes
    public var color: Color

    /// Creates a style; the defaults are plain text in the terminal's colour.
    public init(_ attributes: Attributes = [], color: Color = .standard) {
        self.attributes = attributes
        self.color = color
    }

    /// Plain text in the terminal's colour.
    public static let plain = TextStyle()
    /// Bold text for titles and values.
    public static let bold = TextStyle(.bold)
    /// Reverse video for the header and footer bars and the selected list row.
    public static let reverse = TextStyle(.reverse)
    /// Dim text for secondary information such as the kiosk id.
    public static let dim = TextStyle(.dim)
    /// Bold red text for problems the person must act on.
    public static let problem = TextStyle(.bold, color: .red)
    /// Bold green text for a finished enrollment.
    public static let success = TextStyle(.bold, color: .green)
}
