#if canImport(Glibc)
import Glibc
#endif
import KioskCore
import KioskTestSupport
import Testing
@testable import KioskTerminal

/// Runs the real curses driver in tmux by starting this test binary again with only
/// `childProgram` enabled, so no separate executable target is needed.
@Suite("CursesTerminal")
struct CursesTerminalTests {
    private static let childVariable = "KIOSK_CURSES_CHILD"
    private static let isChild = getenv(childVariable).map { String(cString: $0) } == "1"

    /// The program inside tmux: a lookup screen whose surname field shows typed characters, with
    /// a status line "COUNT=<events> LAST=<event>" so the parent can wait for each step.
    @Test(.enabled(if: isChild))
    func childProgram() throws {
        var context = try Fixtures.context()
        var form = LookupForm(mode: .name)
        var events: [String] = []
        let terminal = try CursesTerminal()
        #expect(throws: TerminalError.alreadyActive) { try CursesTerminal() }
        while events.last != "interrupt" && events.count < 50 {
            ScreenRenderer.render(step: .lookup(form), context: context, into: terminal)
            terminal.put("COUNT=\(events.count) LAST=\(events.last ?? "none")", row: 22, column: 2)
            terminal.refresh()
            let event = terminal.readKey(timeoutMilliseconds: 10_000)
            switch event {
            case .character(let character): form.surname.append(character)
            case .function(2): context.language = context.language == .german ? .english : .german
            default: break
            }
            if event != .timeout { events.append(Self.name(of: event)) }
        }
        terminal.shutdown()
        print("SURNAME=\(form.surname)")
        #expect(events == ["Ö", "z", "t", "ü", "r", "k", "-", "W", "e", "i", "ß", "F2", "up", "down", "left", "right",
                           "tab", "backspace", "enter", "F3", "escape", "resize", "interrupt"])
    }

    @Test(.enabled(if: !isChild))
    func cursesDriverWorksInTmux() throws {
        let command = "\(Self.childVariable)=1 \(TmuxSession.shellQuoted(try Self.ownExecutable()))"
            + " --testing-library swift-testing --filter CursesTerminalTests/childProgram"
        let session = try TmuxSession(command: command)
        defer { session.close() }
        try session.waitFor("Sicherheitsschlüssel einrichten", timeout: .seconds(20))

        try session.sendLiteral("Öztürk-Weiß")
        try session.waitFor("[Öztürk-Weiß ")
        let cursor = try session.cursorPosition()
        #expect(cursor.row == 10)
        #expect(cursor.column == 35 + 11)
        try session.sendKeys("F2")
        try session.waitFor("Find the person")
        try session.sendKeys("Up", "Down", "Left", "Right", "Tab", "BSpace", "Enter", "F3", "Escape")
        try session.waitFor("COUNT=21 LAST=escape")
        try session.resize(columns: 100, rows: 30)
        try session.waitFor("COUNT=22 LAST=resize")
        #expect(try session.capture().contains("          Set up a security key"))
        try session.sendKeys("C-c")
        let screen = try session.waitFor("EXIT=", timeout: .seconds(20))

        #expect(screen.contains("SURNAME=Öztürk-Weiß"))
        #expect(screen.contains("EXIT=0"))
    }

    private static func name(of event: KeyEvent) -> String {
        switch event {
        case .character(let character): String(character)
        case .function(let number): "F\(number)"
        default: String(describing: event)
        }
    }

    /// The path of this test binary, read from /proc/self/exe.
    private static func ownExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        try #require(length > 0)
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
