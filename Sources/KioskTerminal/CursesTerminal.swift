@preconcurrency import CNcursesw
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Synchronization

/// `true` while a `CursesTerminal` owns the screen; the atexit hook and the init guard read it.
private let cursesIsActive = Atomic<Bool>(false)
/// Set once the atexit hook is registered, so it is registered only once per process.
private let exitHookIsRegistered = Atomic<Bool>(false)
/// The last SIGINT or SIGTERM not yet turned into an event; 0 when none is pending.
private let pendingSignal = Atomic<Int32>(0)

/// Records the signal and returns, because only async-signal-safe work may run here. `readKey` does the rest.
private func recordSignal(_ number: Int32) {
    pendingSignal.store(number, ordering: .relaxed)
}

/// Restores the terminal when the process exits while curses still owns it.
private func restoreTerminalAtExit() {
    if cursesIsActive.load(ordering: .acquiring) {
        endwin()
    }
}

/// The terminal driver over ncursesw, and the only type in the kiosk that calls curses.
///
/// Creating it takes over the screen. It makes sure the locale is UTF-8, falling back to C.UTF-8,
/// and starts curses with cbreak, no echo, keypad decoding and a 25 ms Escape delay. Its SIGINT
/// and SIGTERM handlers only record the signal, and `readKey` then returns `.interrupt`.
/// `shutdown()` gives the screen back. `deinit` and an atexit hook call it too, so the terminal
/// is restored on every normal exit path. A crash by a fatal signal such as SIGSEGV
/// still leaves the terminal in curses mode; `reset` or `stty sane` repairs it.
///
/// Only one instance may be open at a time. Use it from one thread or actor only.
///
/// Typical use in the app's main loop:
///
///     let terminal = try CursesTerminal()
///     defer { terminal.shutdown() }
///     while true {
///         ScreenRenderer.render(step: step, context: context, into: terminal)
///         let event = terminal.readKey(timeoutMilliseconds: 1000)
///         if event == .interrupt { break }   // wipe the session first
///         // hand the event to the flow
///     }
///
/// Nothing may write to stdout or stderr between init and `shutdown()`, or the screen breaks.
public final class CursesTerminal: TerminalDriver {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previousActions: [Int32: sigaction] = [:]
    private var isOpen = true
    private var colorPairs: [TextStyle.Color: Int16] = [:]
    /// Where `refresh()` leaves the cursor, because every `mvwaddstr` moves the curses cursor.
    private var cursorPosition: (row: Int32, column: Int32) = (0, 0)

    /// Takes over the terminal on stdin and stdout.
    ///
    /// - Throws: `TerminalError.alreadyActive` while another instance is open,
    ///   `.noUTF8Locale` when no UTF-8 locale is available, `.terminalUnavailable` when
    ///   ncurses cannot use `$TERM`.
    public init() throws(TerminalError) {
        guard cursesIsActive.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw .alreadyActive }
        do {
            try CursesTerminal.selectUTF8Locale()
            window = try CursesTerminal.startCurses()
        } catch {
            cursesIsActive.store(false, ordering: .releasing)
            throw error
        }
        if !exitHookIsRegistered.exchange(true, ordering: .acquiringAndReleasing) {
            atexit(restoreTerminalAtExit)
        }
        configureInput()
        configureColors()
        installSignalHandlers()
    }

    deinit {
        shutdown()
    }

    /// Gives the screen back to the shell: ends curses and restores the signal handlers.
    ///
    /// Safe to call more than once; calls after the first do nothing. Drawing after shutdown is
    /// undefined, so drop the instance afterwards.
    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        for (number, action) in previousActions {
            var old = action
            sigaction(number, &old, nil)
        }
        curs_set(1)
        endwin()
        cursesIsActive.store(false, ordering: .releasing)
    }

    // MARK: - TerminalDriver

    public var size: TerminalSize {
        TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    public func clear() {
        werase(window)
    }

    public func put(_ text: String, row: Int, column: Int, style: TextStyle) {
        let current = size
        guard row >= 0, row < current.rows, column >= 0, column < current.columns else { return }
        let visible = CursesTerminal.clipped(text, toColumns: current.columns - column)
        wattrset(window, attributeBits(for: style))
        mvwaddstr(window, Int32(row), Int32(column), visible)
        wattrset(window, 0)
    }

    public func moveCursor(row: Int, column: Int) {
        cursorPosition = (Int32(row), Int32(column))
    }

    public func setCursorVisible(_ visible: Bool) {
        curs_set(visible ? 1 : 0)
    }

    public func refresh() {
        wmove(window, cursorPosition.row, cursorPosition.column)
        wrefresh(window)
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyEvent {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(max(0, timeoutMilliseconds)))
        while true {
            if pendingSignal.exchange(0, ordering: .relaxed) != 0 { return .interrupt }
            let left = clock.now.duration(to: deadline)
            let leftMilliseconds = Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            // Short slices keep a recorded signal from waiting for the whole timeout.
            wtimeout(window, Int32(min(max(leftMilliseconds, 0), 100)))
            var wide: wint_t = 0
            let result = wget_wch(window, &wide)
            if pendingSignal.exchange(0, ordering: .relaxed) != 0 { return .interrupt }
            if result != ERR, let event = CursesKeyMapping.event(result: result, code: wide) {
                return event
            }
            if leftMilliseconds <= 0 { return .timeout }
        }
    }

    // MARK: - Setup

    /// Sets the locale from the environment and falls back to C.UTF-8 when it is not UTF-8.
    private static func selectUTF8Locale() throws(TerminalError) {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return }
        setlocale(LC_ALL, "C.UTF-8")
        guard isUTF8Codeset() else { throw .noUTF8Locale(codeset: currentCodeset()) }
    }

    private static func currentCodeset() -> String {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: codeset)
    }

    private static func isUTF8Codeset() -> Bool {
        let name = currentCodeset().uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Starts curses with `newterm`, which reports failure instead of exiting as `initscr` does.
    private static func startCurses() throws(TerminalError) -> UnsafeMutablePointer<WINDOW> {
        guard newterm(nil, stdout, stdin) != nil, let window = kiosk_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) }
            throw .terminalUnavailable(term: term)
        }
        return window
    }

    private func configureInput() {
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
    }

    private func configureColors() {
        guard has_colors() else { return }
        start_color()
        use_default_colors()
        let curses: [(TextStyle.Color, Int32)] = [
            (.red, COLOR_RED), (.green, COLOR_GREEN), (.yellow, COLOR_YELLOW),
            (.blue, COLOR_BLUE), (.cyan, COLOR_CYAN),
        ]
        for (index, (color, code)) in curses.enumerated() {
            let pair = Int16(index + 1)
            if init_pair(pair, Int16(code), -1) != ERR {
                colorPairs[color] = pair
            }
        }
    }

    /// Replaces the SIGINT and SIGTERM handlers that ncurses installed with `recordSignal`.
    ///
    /// No SA_RESTART, so a signal also ends a waiting `wget_wch` early.
    private func installSignalHandlers() {
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(number, &action, &old) == 0 {
                previousActions[number] = old
            }
        }
    }

    // MARK: - Helpers

    private func attributeBits(for style: TextStyle) -> Int32 {
        var bits: Int32 = 0
        if style.attributes.contains(.bold) { bits |= kiosk_a_bold() }
        if style.attributes.contains(.reverse) { bits |= kiosk_a_reverse() }
        if style.attributes.contains(.underline) { bits |= kiosk_a_underline() }
        // NOTE: A_DIM is a function-like macro that does not import. In the ncurses 6 ABI it is
        // NCURSES_BITS(1, 12), the bit directly below A_BOLD (NCURSES_BITS(1, 13)).
        if style.attributes.contains(.dim) { bits |= kiosk_a_bold() >> 1 }
        if let pair = colorPairs[style.color] { bits |= COLOR_PAIR(Int32(pair)) }
        return bits
    }

    /// Cuts text at the right edge without an ellipsis. Screens already truncate with "…" inside
    /// their layout, so this cut only guards the terminal edge.
    private static func clipped(_ text: String, toColumns width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let needed = DisplayWidth.columns(of: character)
            if used + needed > width { break }
            result.append(character)
            used += needed
        }
        return result
    }
}
