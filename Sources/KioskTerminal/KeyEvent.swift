/// One input event from the terminal, already decoded from curses key codes.
///
/// The flow maps these to its own actions; screens never read keys themselves.
public enum KeyEvent: Sendable, Equatable {
    /// A printable character, including umlauts and other non-ASCII letters.
    case character(Character)
    case enter
    case escape
    case backspace
    case tab
    case up
    case down
    case left
    case right
    /// Function key F1 to F12; the payload is the number (2 for F2).
    case function(Int)
    /// The terminal changed size; the next render must read `TerminalDriver.size` again.
    case resize
    /// Ctrl-C, SIGINT or SIGTERM: the app should wipe the session and restore the terminal.
    case interrupt
    /// No key arrived within the requested timeout.
    case timeout
}
