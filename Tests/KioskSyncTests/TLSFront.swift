import Foundation
import KioskTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A test CA with a server certificate (by default for 127.0.0.1 and localhost) and a client certificate,
/// made with the `openssl` command line in a fresh folder. Every key is mode 0600.
final class TestCertificates {
    let folder: TemporaryDirectory
    var caPath: String { folder.filePath("ca.pem") }
    var serverCertificatePath: String { folder.filePath("server.pem") }
    var serverKeyPath: String { folder.filePath("server.key") }
    var clientCertificatePath: String { folder.filePath("client.pem") }
    var clientKeyPath: String { folder.filePath("client.key") }

    /// - Parameter serverNames: the server certificate's subjectAltName entries.
    init(serverNames: String = "IP:127.0.0.1,DNS:localhost") throws {
        folder = try TemporaryDirectory(prefix: "kiosk-tls")
        _ = try folder.write(Self.extensions.replacingOccurrences(of: "SERVER_NAMES", with: serverNames), to: "openssl.cnf")
        try make("ca", subject: "/CN=Kiosk Test CA", signedByCA: false)
        try make("server", subject: "/CN=127.0.0.1", signedByCA: true)
        try make("client", subject: "/CN=sp-test-01", signedByCA: true)
    }

    /// Writes `<name>.pem` and `<name>.key`; the extension section is called like the file.
    private func make(_ name: String, subject: String, signedByCA: Bool) throws {
        var arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-config", folder.filePath("openssl.cnf"), "-extensions", name, "-subj", subject,
            "-keyout", folder.filePath(name + ".key"), "-out", folder.filePath(name + ".pem"),
        ]
        if signedByCA { arguments += ["-CA", caPath, "-CAkey", folder.filePath("ca.key")] }
        let result = try runTool("/usr/bin/openssl", arguments)
        try #require(result.status == 0, "openssl req for \(name) failed: \(result.output)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.filePath(name + ".key"))
    }

    private static let extensions = """
        [req]
        distinguished_name = dn
        [dn]
        [ca]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        [server]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = SERVER_NAMES
        [client]
        basicConstraints = critical,CA:FALSE
        keyUsage = critical,digitalSignature
        extendedKeyUsage = clientAuth

        """
}

/// Tests/SCIMPeer/tls_front.py on a free 127.0.0.1 port: https in front of a `SCIMServer`,
/// optionally demanding a client certificate signed by the test CA.
final class TLSFront {
    let port: Int
    private let process: Process

    init(server: SCIMServer, certificates: TestCertificates, requireClientCertificate: Bool = false) throws {
        let python = URL(fileURLWithPath: try #require(SCIMServer.command)).deletingLastPathComponent().path + "/python"
        port = try freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            SCIMServer.repositoryRoot + "/Tests/SCIMPeer/tls_front.py", String(port), String(server.port),
            certificates.serverCertificatePath, certificates.serverKeyPath,
        ] + (requireClientCertificate ? [certificates.caPath] : [])
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        try waitUntilListening(port: port, process: process)
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)  // SIGKILL: see SCIMServer.deinit
        process.waitUntilExit()
    }

    /// The https base URL, by IP address or by the name localhost (both are in the certificate).
    func baseURL(host: String = "127.0.0.1") -> String { "https://\(host):\(port)/v2" }
}
