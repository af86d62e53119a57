import Testing
import KioskTerminal

@Suite("TerminalSize")
struct TerminalSizeTests {
    @Test func minimumIsEightyByTwentyFour() {
        #expect(TerminalSize.minimum.description == "80x24")
    }

    @Test func fitsNeedsBothDimensions() {
        #expect(TerminalSize(columns: 80, rows: 24).fits(.minimum))
        #expect(TerminalSize(columns: 200, rows: 60).fits(.minimum))
        #expect(!TerminalSize(columns: 79, rows: 60).fits(.minimum))
        #expect(!TerminalSize(columns: 200, rows: 23).fits(.minimum))
    }
}
