/// An in-memory terminal: a grid of cells that tests read back as text.
///
/// Keys come from a script given up front or added with `enqueue`. When the script is empty,
/// `readKey` returns `.timeout` at once, so a test never waits. Wide characters take two cells.
/// Like every driver, it is not thread-safe.
public final class MemoryTerminal: TerminalDriver {
    /// One screen cell.
    public struct Cell: Sendable, Equatable {
        /// The character shown; `nil` for the right half of a two-column character.
        public var character: Character?
        public var style: TextStyle

        /// An empty cell: a plain space.
        public static let blank = Cell(character: " ", style: .plain)
    }

    public private(set) var size: TerminalSize
    /// Cursor position as the last `moveCursor` set it.
    public private(set) var cursor: (row: Int, column: Int) = (0, 0)
    /// `true` after `setCursorVisible(true)`, `false` at the start.
    public private(set) var isCursorVisible = false
    /// How often `refresh()` was called.
    public private(set) var refreshCount = 0
    /// The timeouts that `readKey` was called with, oldest first.
    public private(set) var requestedTimeouts: [Int] = []

    private var cells: [[Cell]]
    private var pendingKeys: [KeyEvent]

    /// Creates a blank screen of the given size with a key script.
    public init(columns: Int = 80, rows: Int = 24, keys: [KeyEvent] = []) {
        size = TerminalSize(columns: columns, rows: rows)
        cells = MemoryTerminal.blankGrid(size)
        pendingKeys = keys
    }

    // MARK: - Reading the screen

    /// The screen as text: one line per row, trailing spaces removed, joined by "\n".
    public var text: String {
        (0..<size.rows).map(line).joined(separator: "\n")
    }

    /// Returns one row as text with trailing spaces removed, or an empty string outside the screen.
    public func line(_ row: Int) -> String {
        guard cells.indices.contains(row) else { return "" }
        var result = ""
        for cell in cells[row] {
            if let character = cell.character { result.append(character) }
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    /// Returns the cell at a position, or `nil` outside the screen.
    public func cell(row: Int, column: Int) -> Cell? {
        guard cells.indices.contains(row), cells[row].indices.contains(column) else { return nil }
        return cells[row][column]
    }

    // MARK: - Scripting

    /// Appends keys to the script that `readKey` plays back.
    public func enqueue(_ keys: KeyEvent...) {
        pendingKeys += keys
    }

    /// Changes the size, blanks the screen and queues a `.resize` event, as a real terminal does.
    public func resize(columns: Int, rows: Int) {
        size = TerminalSize(columns: columns, rows: rows)
        cells = MemoryTerminal.blankGrid(size)
        pendingKeys.append(.resize)
    }

    // MARK: - TerminalDriver

    public func clear() {
        cells = MemoryTerminal.blankGrid(size)
    }

    public func put(_ text: String, row: Int, column: Int, style: TextStyle) {
        guard cells.indices.contains(row) else { return }
        var position = column
        for character in text {
            let width = DisplayWidth.columns(of: character)
            if width == 0 { continue }
            if position + width > size.columns { break }
            if position >= 0 {
                write(character, width: width, row: row, column: position, style: style)
            }
            position += width
        }
    }

    public func moveCursor(row: Int, column: Int) {
        cursor = (row, column)
    }

    public func setCursorVisible(_ visible: Bool) {
        isCursorVisible = visible
    }

    public func refresh() {
        refreshCount += 1
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyEvent {
        requestedTimeouts.append(timeoutMilliseconds)
        return pendingKeys.isEmpty ? .timeout : pendingKeys.removeFirst()
    }

    // MARK: - Private

    private func write(_ character: Character, width: Int, row: Int, column: Int, style: TextStyle) {
        clearWideCharacter(row: row, column: column)
        cells[row][column] = Cell(character: character, style: style)
        if width == 2 {
            clearWideCharacter(row: row, column: column + 1)
            cells[row][column + 1] = Cell(character: nil, style: style)
        }
    }

    /// Blanks both halves of a wide character that overlaps `column`, so no half is left behind.
    private func clearWideCharacter(row: Int, column: Int) {
        if cells[row][column].character == nil, column > 0 {
            cells[row][column - 1] = .blank
        }
        let next = column + 1
        if cells[row].indices.contains(next), cells[row][next].character == nil {
            cells[row][next] = .blank
        }
    }

    private static func blankGrid(_ size: TerminalSize) -> [[Cell]] {
        Array(repeating: Array(repeating: Cell.blank, count: max(0, size.columns)), count: max(0, size.rows))
    }
}
