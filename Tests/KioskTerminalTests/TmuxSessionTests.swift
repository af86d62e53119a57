import Testing
import KioskTestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite("TmuxSession")
struct TmuxSessionTests {
    @Test func catEchoesTypedUmlauts() throws {
        let session = try TmuxSession(command: "cat")
        defer { session.close() }
        try session.sendLiteral("Grüße aus Köln: Ä Ö Ü ß ẞ €")
        try session.sendKeys("Enter")
        let screen = try session.waitFor("Grüße aus Köln: Ä Ö Ü ß ẞ €\nGrüße aus Köln: Ä Ö Ü ß ẞ €")
        #expect(screen.hasPrefix("Grüße aus Köln"))
    }

    @Test func cursorPositionFollowsOutput() throws {
        let session = try TmuxSession(command: "printf 'ab\\ncdé'; cat")
        defer { session.close() }
        try session.waitFor("cdé")
        let cursor = try session.cursorPosition()
        #expect(cursor.row == 1)
        #expect(cursor.column == 3)
    }

    @Test func exitStatusShowsAfterCommandEnds() throws {
        let session = try TmuxSession(command: "cat")
        defer { session.close() }
        try session.sendKeys("C-d")
        try session.waitFor("EXIT=0")
    }

    @Test func controlCKillsCommandButKeepsPane() throws {
        let session = try TmuxSession(command: "cat")
        defer { session.close() }
        try session.sendLiteral("x")
        try session.waitFor("x")
        try session.sendKeys("C-c")
        try session.waitFor("EXIT=130")
    }

    @Test func failingCommandReportsItsStatus() throws {
        let session = try TmuxSession(command: "printf 'vorher\\n'; sh -c 'exit 3'")
        defer { session.close() }
        let screen = try session.waitFor("EXIT=3")
        #expect(screen.contains("vorher"))
    }

    @Test func commandSeesUTF8LocaleAndXtermTerminal() throws {
        let session = try TmuxSession(command: "echo \"T=$TERM L=$LC_ALL\"")
        defer { session.close() }
        try session.waitFor("T=xterm-256color L=C.UTF-8")
    }

    @Test func resizeChangesTerminalSize() throws {
        let session = try TmuxSession(command: "stty size; read line; stty size")
        defer { session.close() }
        try session.waitFor("24 80")
        try session.resize(columns: 100, rows: 30)
        try session.sendKeys("Enter")
        try session.waitFor("30 100")
    }

    @Test func waitForTimesOutWithLastScreen() throws {
        let session = try TmuxSession(command: "echo bereit")
        defer { session.close() }
        try session.waitFor("bereit")
        #expect {
            try session.waitFor("niemals", timeout: .milliseconds(100))
        } throws: { error in
            guard case TmuxError.timedOut(let text, let screen) = error else { return false }
            return text == "niemals" && screen.contains("bereit")
        }
    }

    @Test func callsAfterCloseAreRejected() throws {
        let session = try TmuxSession(command: "cat")
        session.close()
        session.close()
        #expect(throws: TmuxError.closed) { try session.capture() }
    }

    @Test func shellQuotingKeepsSingleQuotes() {
        #expect(TmuxSession.shellQuoted("it's") == "'it'\\''s'")
        #expect(TmuxSession.wrappedCommand("kiosk --demo") ==
            "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 sh -c 'trap : INT; kiosk --demo; echo EXIT=$?; exec sleep 3600'")
    }

    @Test func closeRemovesServerSocket() throws {
        let session = try TmuxSession(command: "cat")
        let path = session.socketPath
        #expect(path.hasSuffix("/" + session.socketName))
        #expect(access(path, F_OK) == 0)
        session.close()
        #expect(access(path, F_OK) != 0)
    }
}
