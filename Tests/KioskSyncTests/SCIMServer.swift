import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The suites that start a real server. They run one test at a time: each test blocks its
/// thread for seconds while processes and requests run, and several at once would tie up the
/// whole cooperative thread pool on a two-core machine, starving unrelated async tests.
@Suite(.serialized, .enabled(if: SCIMServer.shouldRun, SCIMServer.skipReason))
enum SCIMServerTests {}

/// A real scim2-server (PyPI, in memory) started by a test on 127.0.0.1 on a free port, with the
/// kiosk's FIDO2 extension schema registered from Assets/scim/fido2-credential-schema.json.
///
/// The server comes from the test venv that `Scripts/setup --with-test-tools` creates:
/// `KIOSK_SCIM_SERVER` names the `scim2-server` command, or else it sits beside
/// `KIOSK_VERIFIER_PYTHON`. Without either, the tests are skipped with that reason, except under
/// CI (the `CI` variable), where a missing server is a failure.
final class SCIMServer {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let token = "kiosk-sync-test-token"

    /// The `scim2-server` command, or nil when the environment names none.
    static var command: String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["KIOSK_SCIM_SERVER"], !path.isEmpty { return path }
        if let python = environment["KIOSK_VERIFIER_PYTHON"], !python.isEmpty {
            return URL(fileURLWithPath: python).deletingLastPathComponent().path + "/scim2-server"
        }
        return nil
    }

    /// `true` when the tests should run: a server is configured, or CI demands that they run.
    static var shouldRun: Bool {
        command != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The skip reason shown when `shouldRun` is false.
    static let skipReason: Comment = "KIOSK_SCIM_SERVER is not set: run Scripts/test, which installs scim2-server in .build/venv"

    let port: Int
    let workDirectory: String
    private let process: Process
    private var proxy: Process?

    /// Starts the server and waits until it answers.
    init() throws {
        let command = try #require(Self.command, "KIOSK_SCIM_SERVER is not set; run Scripts/test")
        let python = URL(fileURLWithPath: command).deletingLastPathComponent().path + "/python"
        workDirectory = NSTemporaryDirectory() + "kiosk-scim-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let prepared = try runTool(python, [
            Self.repositoryRoot + "/Tests/SCIMPeer/prepare_schemas.py",
            Self.repositoryRoot + "/Assets/scim/fido2-credential-schema.json", workDirectory,
        ])
        try #require(prepared.status == 0, "prepare_schemas.py failed: \(prepared.output)")
        port = try freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = [
            "--hostname", "127.0.0.1", "--port", String(port), "--bearer-token", Self.token,
            "--schema", workDirectory + "/schemas.json", "--resource-type", workDirectory + "/resource-types.json",
        ]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        try waitUntilListening(port: port, process: process)
    }

    deinit {
        stopProxy()
        // SIGKILL: children of the test runner inherit a signal mask from its dispatch threads
        // in which SIGTERM and SIGINT are blocked. The server keeps nothing worth a clean stop.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: workDirectory)
    }

    /// Base URL of the server itself.
    var baseURL: String { "http://127.0.0.1:\(port)/v2" }

    // MARK: - Fault proxy

    /// Starts Tests/SCIMPeer/fault_proxy.py in front of the server (see its modes) and returns its
    /// base URL. `listenPort` reuses a port, to bring a stopped proxy back at the same address.
    @discardableResult
    func startProxy(mode: String, listenPort: Int? = nil) throws -> (url: String, port: Int) {
        stopProxy()
        let python = URL(fileURLWithPath: try #require(Self.command)).deletingLastPathComponent().path + "/python"
        let proxyPort = try listenPort ?? freePort()
        let child = Process()
        child.executableURL = URL(fileURLWithPath: python)
        child.arguments = [Self.repositoryRoot + "/Tests/SCIMPeer/fault_proxy.py", String(proxyPort), String(port), mode]
        child.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        child.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try child.run()
        proxy = child
        try waitUntilListening(port: proxyPort, process: child)
        return ("http://127.0.0.1:\(proxyPort)/v2", proxyPort)
    }

    /// Stops the proxy, if one runs (it may have exited by itself in exit-after mode).
    func stopProxy() {
        guard let proxy else { return }
        if proxy.isRunning { kill(proxy.processIdentifier, SIGKILL) }
        proxy.waitUntilExit()
        self.proxy = nil
    }

    // MARK: - Reading the server

    /// Every user as the server holds it (paged with a plain GET, independent of the client under test).
    func allUsers() throws -> [[String: Any]] {
        var users = [[String: Any]]()
        var startIndex = 1
        while true {
            let page = try get("/Users?startIndex=\(startIndex)&count=1000")
            let resources = page["Resources"] as? [[String: Any]] ?? []
            if resources.isEmpty { break }
            users += resources
            startIndex += resources.count
            if startIndex > (page["totalResults"] as? Int ?? 0) { break }
        }
        return users
    }

    /// GETs a path below /v2 and decodes the JSON object.
    func get(_ path: String) throws -> [String: Any] {
        let result = try runTool("/usr/bin/curl", ["-sf", "-H", "Authorization: Bearer \(Self.token)", baseURL + path])
        try #require(result.status == 0, "GET \(path) failed")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// POSTs a user (for preparing a server state) and returns the HTTP status.
    @discardableResult
    func post(user: [String: Any]) throws -> Int {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: user), as: UTF8.self)
        let result = try runTool("/usr/bin/curl", [
            "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer \(Self.token)",
            "-H", "Content-Type: application/scim+json", "-d", body, baseURL + "/Users",
        ])
        return Int(result.output) ?? 0
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(fd >= 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    try #require(bound == 0)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    try #require(named == 0)
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Polls until something accepts connections on 127.0.0.1:`port` (up to 15 s).
func waitUntilListening(port: Int, process: Process) throws {
    for _ in 0..<300 {
        try #require(process.isRunning, "the server process exited during start-up")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(fd)
        if connected == 0 { return }
        usleep(50_000)
    }
    Issue.record("nothing listens on 127.0.0.1:\(port) after 15 s")
}

/// Runs a program to its end and returns its status and combined output.
func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
