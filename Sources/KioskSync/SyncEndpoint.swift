import Foundation
import KioskCore

#if canImport(Glibc)
import Glibc
#endif

/// The checked connection settings of the sync: base URL, bearer token and retry policy.
///
/// Built from `SyncSettings` by `SyncEndpoint.make`, which refuses anything unsafe before a
/// single byte goes out: plain http to a non-loopback host, a token file or client key that group
/// or others can read, or TLS files that cannot be read.
public struct SyncEndpoint: Sendable {
    /// Base URL without a trailing slash, for example `https://iam.stadt.example/scim/v2`.
    public let baseURL: URL
    /// The bearer token; nil sends no Authorization header (only sensible for a test server).
    let token: String?
    public let maxAttempts: Int
    public let retryDelayMilliseconds: Int
    public let requestTimeoutSeconds: Int
    public let useBulk: Bool
    /// CA file and client certificate for `CurlTransport`; all nil for the system trust store and no client certificate.
    public let tlsFiles: CurlTransport.TLSFiles

    /// Checks `settings` and reads the token file.
    /// - Throws: `SyncError.configuration` saying which key to change.
    public static func make(_ settings: SyncSettings) throws(SyncError) -> SyncEndpoint {
        let text = settings.serverURL.hasSuffix("/") ? String(settings.serverURL.dropLast()) : settings.serverURL
        guard !text.isEmpty else {
            throw .configuration("sync.url is not set in kiosk.conf; set it to the IAM's SCIM base URL")
        }
        guard let url = URL(string: text), let scheme = url.scheme, let host = url.host, !host.isEmpty else {
            throw .configuration("sync.url \(text) is not a URL such as https://iam.stadt.example/scim/v2")
        }
        if scheme == "http" && !isLoopback(host) {
            throw .configuration("sync.url uses plain http to \(host); use https (plain http is allowed only for 127.0.0.1, ::1 or localhost)")
        }
        guard scheme == "https" || scheme == "http" else {
            throw .configuration("sync.url must start with https://")
        }
        let tlsFiles = try checkTLSFiles(settings)
        let token = settings.tokenFile.isEmpty ? nil : try readToken(settings.tokenFile)
        return SyncEndpoint(
            baseURL: url, token: token, maxAttempts: settings.maxAttempts,
            retryDelayMilliseconds: settings.retryDelayMilliseconds,
            requestTimeoutSeconds: settings.requestTimeoutSeconds, useBulk: settings.useBulk, tlsFiles: tlsFiles)
    }

    /// `true` for 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, bare, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }

    /// Checks the TLS files: the CA file and the client certificate must be readable, the client
    /// key must be private like the token file, and a key needs a certificate. A certificate file
    /// without a separate key must contain the key, so it must be private too. An empty setting is nil.
    private static func checkTLSFiles(_ settings: SyncSettings) throws(SyncError) -> CurlTransport.TLSFiles {
        let files = CurlTransport.TLSFiles(
            caFile: settings.caFile.isEmpty ? nil : settings.caFile,
            clientCertificate: settings.clientCertificateFile.isEmpty ? nil : settings.clientCertificateFile,
            clientKey: settings.clientKeyFile.isEmpty ? nil : settings.clientKeyFile)
        for (key, path) in [("sync.ca_file", files.caFile), ("sync.client_certificate", files.clientCertificate)] {
            if let path, access(path, R_OK) != 0 {
                throw .configuration("\(key) \(path) cannot be read (\(String(cString: strerror(errno))))")
            }
        }
        if let key = files.clientKey {
            guard files.clientCertificate != nil else {
                throw .configuration("sync.client_key is set without sync.client_certificate; set both or neither")
            }
            try checkPrivate(key, setting: "sync.client_key")
        } else if let certificate = files.clientCertificate {
            // Without sync.client_key, libcurl reads the private key from the certificate file.
            try checkPrivate(certificate, setting: "sync.client_certificate (it must contain the key when sync.client_key is not set)")
        }
        return files
    }

    /// Refuses a file that does not exist, that group or others may access, or that another user owns.
    static func checkPrivate(_ path: String, setting: String) throws(SyncError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .configuration("\(setting) \(path) cannot be read (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw .configuration(
                "\(setting) \(path) may be read by group or others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "run chmod 600 on it")
        }
        guard status.st_uid == geteuid() else {
            throw .configuration("\(setting) \(path) belongs to another user; it must belong to the kiosk user")
        }
    }

    /// Reads the token, refusing a file that anyone but its owner may read or that another user owns.
    static func readToken(_ path: String) throws(SyncError) -> String {
        try checkPrivate(path, setting: "sync.token_file")
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty, !text.contains("\n")
        else {
            throw .configuration("sync.token_file \(path) must hold the token as one line of UTF-8 text")
        }
        return text
    }
}
