/// Settings of `kiosk sync` and of outbox retention, from the `[sync]` and `[outbox]` sections of
/// kiosk.conf. Every field has a default; an empty `serverURL` means the sync is not set up.
public struct SyncSettings: Sendable, Equatable {
    /// Base URL of the SCIM 2.0 service, for example `https://iam.stadt.example/scim/v2`.
    /// Empty: not configured, and `kiosk sync` stops with a configuration error.
    public var serverURL = ""
    /// File holding the bearer token; it must be readable only by the kiosk user. Empty: no token.
    public var tokenFile = ""
    /// PEM file with the CA that signed the server certificate. Empty: the system trust store.
    public var caFile = ""
    /// PEM client certificate and key for mutual TLS. Empty: no client certificate.
    public var clientCertificateFile = ""
    public var clientKeyFile = ""
    /// Attempts per request for 429, 5xx and timeouts before the record waits for the next run.
    public var maxAttempts = 5
    /// Delay before the first retry in milliseconds; it doubles with each further attempt.
    public var retryDelayMilliseconds = 1000
    /// Seconds before a request without an answer counts as timed out.
    public var requestTimeoutSeconds = 30
    /// `true` uses /Bulk when the server offers it; `false` always sends one request per user.
    public var useBulk = true
    /// Days after which a confirmed record loses its personal data; 0 keeps it forever.
    public var retentionDays = 90

    public init() {}
}
