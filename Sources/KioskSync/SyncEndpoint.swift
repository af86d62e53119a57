import Foundation
import KioskCore

#if canImport(Glibc)
import Glibc
#endif

/// The checked connection settings of the sync: base URL, bearer token and retry policy.
///
/// Built from `SyncSettings` by `SyncEndpoint.make`, which refuses anything unsafe before a
/// single byte goes out: plain http to a non-loopback host, a token file that group or others
/// can read, or a client certificate (not available through FoundationNetworking on Linux).
public struct SyncEndpoint: Sendable {
    /// Base URL without a trailing slash, for example `https://iam.stadt.example/scim/v2`.
    public let baseURL: URL
    /// The bearer token; nil sends no Authorization header (only sensible for a test server).
    let token: String?
    public let maxAttempts: Int
    public let retryDelayMilliseconds: Int
    public let requestTimeoutSeconds: Int
    public let useBulk: Bool

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
        try checkTLSFiles(settings)
        let token = settings.tokenFile.isEmpty ? nil : try readToken(settings.tokenFile)
        return SyncEndpoint(
            baseURL: url, token: token, maxAttempts: settings.maxAttempts,
            retryDelayMilliseconds: settings.retryDelayMilliseconds,
            requestTimeoutSeconds: settings.requestTimeoutSeconds, useBulk: settings.useBulk)
    }

    /// `true` for 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, bare, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }

    /// FoundationNetworking on Linux (swift-corelibs-foundation, libcurl underneath) verifies the
    /// server against the system trust store only: it exposes neither libcurl's CAINFO nor a
    /// server-trust challenge, and it has no way to present a client certificate. So a CA file is
    /// accepted only if readable (the operator must also install it with update-ca-certificates),
    /// and a client certificate is refused instead of being silently ignored.
    private static func checkTLSFiles(_ settings: SyncSettings) throws(SyncError) {
        if !settings.clientCertificateFile.isEmpty || !settings.clientKeyFile.isEmpty {
            throw .configuration(
                "sync.client_certificate / sync.client_key are set, but mutual TLS is not available through "
                    + "FoundationNetworking on Linux; remove them (see KNOWN-LIMITATIONS.md)")
        }
        if !settings.caFile.isEmpty && access(settings.caFile, R_OK) != 0 {
            throw .configuration("sync.ca_file \(settings.caFile) cannot be read")
        }
    }

    /// Reads the token, refusing a file that anyone but its owner may read or that another user owns.
    static func readToken(_ path: String) throws(SyncError) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .configuration("sync.token_file \(path) cannot be read (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw .configuration(
                "sync.token_file \(path) may be read by group or others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "run chmod 600 on it")
        }
        guard status.st_uid == geteuid() else {
            throw .configuration("sync.token_file \(path) belongs to another user; it must belong to the kiosk user")
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty, !text.contains("\n")
        else {
            throw .configuration("sync.token_file \(path) must hold the token as one line of UTF-8 text")
        }
        return text
    }
}
