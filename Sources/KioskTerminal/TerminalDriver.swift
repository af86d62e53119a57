/// Size of a terminal in character cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest size the screens are laid out for: 80 columns by 24 rows.
    public static let minimum = TerminalSize(columns: 80, rows: 24)

    /// `true` when both dimensions reach `other`.
    public func fits(_ other: TerminalSize) -> Bool {
        columns >= other.columns && rows >= other.rows
    }

    /// The size as "80x24", columns first.
    public var description: String { "\(columns)x\(rows)" }
}

/// Every screen operation the kiosk needs, so that screens can draw without a real terminal.
///
/// `CursesTerminal` is the implementation over ncursesw and `MemoryTerminal` the one for tests.
/// Rows and columns count from 0 at the top left. Drawing outside the screen is clipped, never
/// wrapped. Implementations are not thread-safe: call them from one thread or actor only.
public protocol TerminalDriver: AnyObject {
    /// Current size; it changes after a `.resize` event.
    var size: TerminalSize { get }

    /// Blanks the whole screen. Nothing shows until `refresh()`.
    func clear()

    /// Writes `text` starting at `row` and `column`, clipped at the right edge.
    ///
    /// Columns are display columns: a German, Turkish or Polish letter takes one, a combining
    /// mark none, a CJK ideograph two. Control characters are not allowed in `text`.
    func put(_ text: String, row: Int, column: Int, style: TextStyle)

    /// Moves the text cursor, for example to the end of the field being typed into.
    ///
    /// The position holds until the next call: drawing with `put` does not move it.
    func moveCursor(row: Int, column: Int)

    /// Shows or hides the text cursor.
    func setCursorVisible(_ visible: Bool)

    /// Makes everything drawn since the last refresh visible.
    func refresh()

    /// Waits for the next key event.
    ///
    /// - Parameter timeoutMilliseconds: how long to wait; 0 or less only checks for a pending key.
    /// - Returns: the event, or `.timeout` when none arrived in time.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent
}

extension TerminalDriver {
    /// Writes plain `text` at `row` and `column`.
    public func put(_ text: String, row: Int, column: Int) {
        put(text, row: row, column: column, style: .plain)
    }
}
