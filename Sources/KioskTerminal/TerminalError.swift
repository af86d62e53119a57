/// Failure to start the curses terminal.
public enum TerminalError: Error, Sendable, Equatable {
    /// Another `CursesTerminal` is still open; curses supports one screen per process here.
    case alreadyActive
    /// Neither the environment's locale nor C.UTF-8 uses UTF-8; `codeset` is what was active.
    case noUTF8Locale(codeset: String)
    /// ncurses could not set up the terminal named by `$TERM` (`nil` when TERM is unset).
    case terminalUnavailable(term: String?)
}
