#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Failure of a tmux command in a test.
public enum TmuxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `posix_spawnp` or `socketpair` failed with this errno, for example when tmux is not installed.
    case spawnFailed(errno: Int32)
    /// tmux ran but exited with a non-zero status; `output` is its stdout and stderr.
    case commandFailed(arguments: [String], status: Int32, output: String)
    /// The expected text did not appear in time; `screen` is the last capture.
    case timedOut(waitingFor: String, screen: String)
    /// The session was closed before this call.
    case closed

    public var description: String {
        switch self {
        case .spawnFailed(let number):
            "could not start tmux: errno \(number)"
        case .commandFailed(let arguments, let status, let output):
            "tmux \(arguments.joined(separator: " ")) failed with status \(status): \(output)"
        case .timedOut(let text, let screen):
            "timed out waiting for \"\(text)\"; screen was:\n\(screen)"
        case .closed:
            "the tmux session is already closed"
        }
    }
}

/// A program running in a private tmux server, for tests that drive the real kiosk binary.
///
/// Each session starts its own server (`tmux -L kiosk-test-<pid>-<random>`) without any user
/// configuration, so sessions run in parallel and never touch a person's tmux. The command runs
/// as `env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 sh -c 'trap : INT; <command>; echo
/// EXIT=$?; exec sleep 3600'`. TERM must be set inside the command because tmux overrides
/// `-e TERM`. The trailing sleep keeps the pane alive so that text printed after curses exits
/// stays readable. The terminal delivers C-c to the whole foreground group, so the INT trap keeps
/// the wrapper shell alive when a test sends it. The command still gets the default SIGINT
/// action, because exec resets trapped signals.
///
/// tmux is started with `posix_spawnp`, not `Foundation.Process` with a `Pipe`: the tmux server
/// daemonizes and would inherit the pipe, and reading to the end would then block until the server
/// exits. Here the output channel is close-on-exec and only duplicated onto the client's stdout and
/// stderr, which the server's daemon setup redirects to /dev/null.
///
/// `close()` (or deinit) kills the server. Not thread-safe; use one session from one test.
public final class TmuxSession {
    /// The `-L` socket name of this session's private server.
    public let socketName: String
    /// The session's name inside its server.
    public let sessionName = "k"
    /// Path of the server's socket; `close()` removes it, because tmux leaves it behind.
    public private(set) var socketPath = ""
    private var isClosed = false

    /// Starts `command` in a new detached session of the given size.
    ///
    /// - Parameter command: a shell command line, run by `sh -c`. A bare `exit` in it would end
    ///   the wrapper too, so EXIT= would never show; run such lines in a subshell.
    /// - Throws: `TmuxError` when tmux cannot be started or rejects the session.
    public init(command: String, columns: Int = 80, rows: Int = 24) throws(TmuxError) {
        socketName = "kiosk-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", sessionName,
                  "-x", String(columns), "-y", String(rows), TmuxSession.wrappedCommand(command)])
        socketPath = try tmux(["display-message", "-p", "-t", sessionName, "#{socket_path}"])
            .trimmingSuffix("\n")
    }

    deinit {
        close()
    }

    /// Types `text` literally, including umlauts and other UTF-8 characters.
    public func sendLiteral(_ text: String) throws(TmuxError) {
        try tmux(["send-keys", "-t", sessionName, "-l", "--", text])
    }

    /// Presses keys by their tmux names, for example "Enter", "Escape", "C-c", "F2", "Up", "BSpace".
    public func sendKeys(_ names: String...) throws(TmuxError) {
        try tmux(["send-keys", "-t", sessionName] + names)
    }

    /// Changes the window size; the program receives SIGWINCH.
    public func resize(columns: Int, rows: Int) throws(TmuxError) {
        try tmux(["resize-window", "-t", sessionName, "-x", String(columns), "-y", String(rows)])
    }

    /// Returns the visible screen as text, one line per row.
    public func capture() throws(TmuxError) -> String {
        try tmux(["capture-pane", "-p", "-t", sessionName])
    }

    /// Returns the cursor position in the pane, counted from 0 at the top left.
    public func cursorPosition() throws(TmuxError) -> (row: Int, column: Int) {
        let output = try tmux(["display-message", "-p", "-t", sessionName, "#{cursor_y} #{cursor_x}"])
        let numbers = output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        guard numbers.count == 2 else {
            throw .commandFailed(arguments: ["display-message"], status: 0, output: output)
        }
        return (numbers[0], numbers[1])
    }

    /// Polls the screen every 20 ms until it contains `text`.
    ///
    /// - Returns: the screen that contained `text`.
    /// - Throws: `TmuxError.timedOut` with the last screen when `timeout` passes first.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(5)) throws(TmuxError) -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let screen = try capture()
            if screen.contains(text) { return screen }
            if clock.now >= deadline { throw .timedOut(waitingFor: text, screen: screen) }
            usleep(20_000)
        }
    }

    /// Kills the private server and everything running in it. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? TmuxSession.run(["-L", socketName, "kill-server"])
        if socketPath.hasSuffix("/" + socketName) { unlink(socketPath) }
    }

    /// Returns the command line that tmux runs for `command`, as the type documentation describes.
    public static func wrappedCommand(_ command: String) -> String {
        let script = "trap : INT; " + command + "; echo EXIT=$?; exec sleep 3600"
        return "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 sh -c " + shellQuoted(script)
    }

    /// Returns `text` in single quotes for sh, with embedded single quotes escaped.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    // MARK: - Running tmux

    @discardableResult
    private func tmux(_ arguments: [String]) throws(TmuxError) -> String {
        guard !isClosed else { throw .closed }
        let full = ["-L", socketName] + arguments
        let result = try TmuxSession.run(full)
        guard result.status == 0 else {
            throw .commandFailed(arguments: full, status: result.status, output: result.output)
        }
        return result.output
    }

    /// Runs tmux with `arguments` and returns its exit status and combined output.
    private static func run(_ arguments: [String]) throws(TmuxError) -> (status: Int32, output: String) {
        // A socket pair instead of pipe(): SOCK_CLOEXEC sets close-on-exec atomically, so a tmux
        // started by a parallel test can never inherit these descriptors.
        var pipeEnds: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &pipeEnds) == 0 else { throw .spawnFailed(errno: errno) }
        let pid: pid_t
        do {
            pid = try spawn(["tmux"] + arguments, output: pipeEnds[1])
        } catch {
            Glibc.close(pipeEnds[0])
            Glibc.close(pipeEnds[1])
            throw error
        }
        Glibc.close(pipeEnds[1])
        let output = readAll(pipeEnds[0])
        Glibc.close(pipeEnds[0])
        return (waitForExit(pid), output)
    }

    /// Starts a process with stdin from /dev/null, stdout and stderr on `output`, default
    /// signal handling and no blocked signals, so that the test runner's settings do not leak.
    private static func spawn(_ arguments: [String], output: Int32) throws(TmuxError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] {
            sigaddset(&defaultSignals, number)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = inheritedEnvironment().map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environment)
        guard result == 0 else { throw .spawnFailed(errno: result) }
        return pid
    }

    /// Returns the test process's environment without TMUX and TMUX_PANE, so that a test started
    /// inside tmux does not start a nested client.
    private static func inheritedEnvironment() -> [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if !text.hasPrefix("TMUX=") && !text.hasPrefix("TMUX_PANE=") { entries.append(text) }
            cursor += 1
        }
        return entries
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits for `pid` and returns its exit status, or 128 + the signal number when it was killed.
    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
