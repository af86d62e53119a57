/// The 80x24 area a screen draws into, placed in the middle of a larger terminal.
///
/// Rows and columns here are relative to that area. Every text is cut with "…" at the area's
/// right edge, so no screen can spill past 80 columns.
struct ScreenCanvas {
    static let width = TerminalSize.minimum.columns
    static let height = TerminalSize.minimum.rows
    /// Left and right margin of the body text.
    static let margin = 2
    static let bodyWidth = width - 2 * margin

    // Fixed rows of every screen.
    static let headerRow = 0
    static let infoRow = 1
    static let titleRow = 3
    static let instructionRow = 5
    static let contentTop = 8
    static let contentBottom = 20
    static let idleRow = 21
    static let keyDetailsRow = 22
    static let footerRow = 23

    let terminal: any TerminalDriver
    let top: Int
    let left: Int

    /// Places the area in the middle of the terminal; `size` must fit 80x24.
    init(terminal: any TerminalDriver, size: TerminalSize) {
        self.terminal = terminal
        top = (size.rows - ScreenCanvas.height) / 2
        left = (size.columns - ScreenCanvas.width) / 2
    }

    /// Writes one line, truncated with "…" at the right edge of the area.
    func put(_ text: String, row: Int, column: Int = margin, style: TextStyle = .plain) {
        let room = ScreenCanvas.width - column
        guard row >= 0, row < ScreenCanvas.height, room > 0 else { return }
        terminal.put(DisplayWidth.truncated(text, toColumns: room), row: top + row, column: left + column, style: style)
    }

    /// Writes `text` word-wrapped to the body width, at most `maxLines` lines.
    ///
    /// - Returns: the row after the last line written.
    @discardableResult
    func paragraph(_ text: String, row: Int, style: TextStyle = .plain, maxLines: Int = 4) -> Int {
        let lines = DisplayWidth.wrapped(text, toColumns: ScreenCanvas.bodyWidth)
        for (offset, line) in lines.prefix(maxLines).enumerated() {
            put(line, row: row + offset, style: style)
        }
        return row + min(lines.count, maxLines)
    }

    /// Writes a reverse-video bar over the full width with text at both ends.
    func bar(left leftText: String, right rightText: String = "", row: Int) {
        let rightWidth = DisplayWidth.columns(of: rightText)
        let leftRoom = ScreenCanvas.width - rightWidth - 2
        let line = " " + DisplayWidth.padded(leftText, toColumns: leftRoom) + rightText + " "
        put(line, row: row, column: 0, style: .reverse)
    }

    /// Writes "label   value" with the value starting at `valueColumn`.
    func labeled(_ label: String, _ value: String, row: Int, valueColumn: Int = 26, style: TextStyle = .bold) {
        put(DisplayWidth.truncated(label, toColumns: valueColumn - ScreenCanvas.margin - 1), row: row)
        put(value, row: row, column: valueColumn, style: style)
    }

    /// Draws a text field "[value   ]" and returns the column just after the typed text.
    ///
    /// A value longer than the field shows its end, after a leading "…".
    func field(_ value: String, row: Int, column: Int, width: Int, isFocused: Bool) -> Int {
        var visibleValue = value
        if DisplayWidth.columns(of: visibleValue) > width - 1 {
            while DisplayWidth.columns(of: visibleValue) > width - 2 { visibleValue.removeFirst() }
            visibleValue = "…" + visibleValue
        }
        put("[", row: row, column: column)
        put(DisplayWidth.padded(visibleValue, toColumns: width), row: row, column: column + 1,
            style: isFocused ? TextStyle(.underline) : .plain)
        put("]", row: row, column: column + 1 + width)
        return column + 1 + DisplayWidth.columns(of: visibleValue)
    }

    /// Shows the text cursor at a position in the area.
    func showCursor(row: Int, column: Int) {
        terminal.moveCursor(row: top + row, column: left + column)
        terminal.setCursorVisible(true)
    }
}
