import Testing
import KioskTerminal

@Suite("MemoryTerminal")
struct MemoryTerminalTests {
    @Test func textTrimsTrailingSpacesPerLine() {
        let terminal = MemoryTerminal(columns: 10, rows: 3)
        terminal.put("ab  ", row: 1, column: 2)
        #expect(terminal.text == "\n  ab\n")
    }

    @Test func putClipsAtRightEdgeWithoutWrapping() {
        let terminal = MemoryTerminal(columns: 8, rows: 2)
        terminal.put("Straßenbahn", row: 0, column: 3)
        #expect(terminal.line(0) == "   Straß")
        #expect(terminal.line(1) == "")
    }

    @Test func putOutsideTheScreenIsIgnored() {
        let terminal = MemoryTerminal(columns: 8, rows: 2)
        terminal.put("x", row: 2, column: 0)
        terminal.put("x", row: -1, column: 0)
        terminal.put("abcd", row: 0, column: -2)
        #expect(terminal.text == "cd\n")
    }

    @Test func umlautsTakeOneCell() {
        let terminal = MemoryTerminal(columns: 10, rows: 1)
        terminal.put("Äpfel", row: 0, column: 0)
        terminal.put("!", row: 0, column: 5)
        #expect(terminal.line(0) == "Äpfel!")
    }

    @Test func combiningMarkStaysInItsCell() {
        let terminal = MemoryTerminal(columns: 10, rows: 1)
        terminal.put("Mu\u{0308}ller", row: 0, column: 0)
        #expect(terminal.cell(row: 0, column: 1)?.character == "u\u{0308}")
        #expect(terminal.line(0) == "Mu\u{0308}ller")
    }

    @Test func wideCharacterTakesTwoCells() {
        let terminal = MemoryTerminal(columns: 6, rows: 1)
        terminal.put("東京", row: 0, column: 0)
        #expect(terminal.cell(row: 0, column: 1)?.character == nil)
        #expect(terminal.line(0) == "東京")
        terminal.put("x", row: 0, column: 1)
        #expect(terminal.line(0) == " x京")
    }

    @Test func wideCharacterThatDoesNotFitIsDropped() {
        let terminal = MemoryTerminal(columns: 3, rows: 1)
        terminal.put("a東京", row: 0, column: 0)
        #expect(terminal.line(0) == "a東")
        terminal.put("ab東", row: 0, column: 0)
        #expect(terminal.line(0) == "ab")
    }

    @Test func stylesAreKeptPerCell() {
        let terminal = MemoryTerminal(columns: 5, rows: 1)
        terminal.put("ab", row: 0, column: 0, style: .reverse)
        #expect(terminal.cell(row: 0, column: 1)?.style == .reverse)
        #expect(terminal.cell(row: 0, column: 2)?.style == .plain)
        #expect(terminal.cell(row: 0, column: 5) == nil)
    }

    @Test func clearBlanksEverything() {
        let terminal = MemoryTerminal(columns: 5, rows: 2)
        terminal.put("abc", row: 1, column: 0, style: .bold)
        terminal.clear()
        #expect(terminal.text == "\n")
        #expect(terminal.cell(row: 1, column: 0) == .blank)
    }

    @Test func scriptedKeysPlayBackThenTimeOut() {
        let terminal = MemoryTerminal(keys: [.character("ü"), .enter])
        terminal.enqueue(.function(2))
        #expect(terminal.readKey(timeoutMilliseconds: 100) == .character("ü"))
        #expect(terminal.readKey(timeoutMilliseconds: 100) == .enter)
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .function(2))
        #expect(terminal.readKey(timeoutMilliseconds: 250) == .timeout)
        #expect(terminal.requestedTimeouts == [100, 100, 0, 250])
    }

    @Test func resizeChangesSizeAndQueuesEvent() {
        let terminal = MemoryTerminal()
        terminal.put("alt", row: 0, column: 0)
        terminal.resize(columns: 60, rows: 20)
        #expect(terminal.size == TerminalSize(columns: 60, rows: 20))
        #expect(terminal.text.split(separator: "\n", omittingEmptySubsequences: false).count == 20)
        #expect(!terminal.text.contains("alt"))
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .resize)
    }

    @Test func cursorAndRefreshAreRecorded() {
        let terminal = MemoryTerminal()
        terminal.moveCursor(row: 4, column: 7)
        terminal.setCursorVisible(true)
        terminal.refresh()
        #expect(terminal.cursor.row == 4)
        #expect(terminal.cursor.column == 7)
        #expect(terminal.isCursorVisible)
        #expect(terminal.refreshCount == 1)
    }
}
