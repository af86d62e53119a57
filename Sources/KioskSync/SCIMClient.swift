import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskCore

/// A SCIM 2.0 (RFC 7644) client: builds requests, classifies responses and retries what is safe to repeat.
///
/// Only reads (GET) are retried here. Writes (POST, PATCH, /Bulk) are sent once; when they fail
/// in a way that may or may not have reached the server, the sync engine looks the people up
/// again before it sends anything twice.
public final class SCIMClient: @unchecked Sendable {
    /// Classified result of one request.
    enum Outcome {
        /// The server responded with a status that is not a retry case.
        case answered(HTTPResponse)
        /// 429, 5xx, timeout or no connection: worth another attempt later.
        case transient(String)
    }

    let endpoint: SyncEndpoint
    private let transport: any HTTPTransport
    private let logger: Logger
    private let sleep: @Sendable (Int) -> Void
    /// Retries made so far (each repeated request counts once).
    private(set) var retryCount = 0

    /// - Parameters:
    ///   - sleep: waits the given milliseconds between attempts; tests pass a no-op.
    public init(
        endpoint: SyncEndpoint, transport: any HTTPTransport, logger: Logger,
        sleep: @escaping @Sendable (Int) -> Void = { usleep(useconds_t(min($0, 4_000_000) * 1000)) }
    ) {
        self.endpoint = endpoint
        self.transport = transport
        self.logger = logger
        self.sleep = sleep
    }

    // MARK: - Requests

    /// Sends one request without retrying and classifies the answer.
    /// - Throws: `.notAuthorized` for 401/403 and `.rejected` for 400: the run must stop.
    func send(_ method: String, _ path: String, query: [URLQueryItem] = [], body: Any? = nil) throws(SyncError) -> Outcome {
        var encoded: Data?
        if let body {
            guard let data = try? JSONSerialization.data(withJSONObject: body) else {
                throw .protocolViolation(detail: "request body for \(path) is not JSON")
            }
            encoded = data
        }
        return try send(method, path, query: query, encodedBody: encoded)
    }

    /// Sends one request with an already encoded JSON body; see `send(_:_:query:body:)`.
    func send(_ method: String, _ path: String, query: [URLQueryItem] = [], encodedBody: Data?) throws(SyncError) -> Outcome {
        let request = try makeRequest(method, path, query: query, body: encodedBody)
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch {
            if Self.tlsFailures.contains(error.code) {
                throw .configuration("TLS to \(endpoint.baseURL.host ?? "?") failed: \(error.localizedDescription). "
                    + Self.tlsHint(error.code))
            }
            return .transient(Self.describe(error))
        }
        switch response.status {
        case 401, 403:
            throw .notAuthorized(status: response.status, detail: Self.errorDetail(response))
        case 400:
            throw .rejected(detail: Self.errorDetail(response))
        case 429, 500...599:
            return .transient("HTTP \(response.status) \(Self.errorDetail(response))")
        default:
            return .answered(response)
        }
    }

    /// GETs `path` and decodes a JSON object, retrying transient failures with backoff.
    /// - Throws: `.unavailable` after `maxAttempts`, `.protocolViolation` for a non-JSON or non-200 answer.
    func getJSON(_ path: String, query: [URLQueryItem] = []) throws(SyncError) -> [String: Any] {
        var attempt = 1
        while true {
            switch try send("GET", path, query: query) {
            case .answered(let response):
                guard response.status == 200, let object = Self.jsonObject(response.body) else {
                    throw .protocolViolation(detail: "GET \(path) returned HTTP \(response.status) without a JSON object")
                }
                return object
            case .transient(let detail):
                try backOff(after: attempt, detail: detail, what: "GET \(path)")
                attempt += 1
            }
        }
    }

    /// Waits before attempt `attempt + 1`, or throws `.unavailable` when the attempts are used up.
    /// The delay doubles each time, starting at `retryDelayMilliseconds`.
    func backOff(after attempt: Int, detail: String, what: String) throws(SyncError) {
        guard attempt < endpoint.maxAttempts else {
            throw .unavailable(detail: "\(what): \(detail) (\(attempt) attempts)")
        }
        retryCount += 1
        let delay = endpoint.retryDelayMilliseconds << min(attempt - 1, 10)
        logger.warning("SCIM request failed, retrying", ["what": what, "detail": detail, "attempt": String(attempt), "delayMs": String(delay)])
        sleep(delay)
    }

    private func makeRequest(_ method: String, _ path: String, query: [URLQueryItem], body: Data?) throws(SyncError) -> URLRequest {
        var components = URLComponents(url: endpoint.baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        // "+" is legal in a query but some servers read it as a space; filters may contain it.
        let encodedQuery = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encodedQuery
        guard let url = components?.url else { throw .configuration("cannot build a URL for \(path)") }
        var request = URLRequest(url: url, timeoutInterval: TimeInterval(endpoint.requestTimeoutSeconds))
        request.httpMethod = method
        request.setValue("application/scim+json", forHTTPHeaderField: "Accept")
        if let token = endpoint.token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue("application/scim+json", forHTTPHeaderField: "Content-Type")
            // libcurl adds "Expect: 100-continue" to large bodies and then waits up to a second
            // for an interim response that HTTP/1.0 servers never send. The empty header turns that off.
            request.setValue("", forHTTPHeaderField: "Expect")
        }
        return request
    }

    // MARK: - Decoding helpers

    /// Parses a JSON object; nil for anything else.
    static func jsonObject(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Extracts the SCIM error `detail` (and `scimType`) of a response, else the start of its body.
    static func errorDetail(_ response: HTTPResponse) -> String {
        if let object = jsonObject(response.body), let detail = object["detail"] as? String {
            let type = (object["scimType"] as? String).map { " (\($0))" } ?? ""
            return detail + type
        }
        return String(decoding: response.body.prefix(200), as: UTF8.self)
    }

    /// Transport errors that no retry can fix: the certificates or the TLS settings are wrong.
    static let tlsFailures: Set<URLError.Code> = [
        .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
        .serverCertificateHasUnknownRoot, .secureConnectionFailed, .clientCertificateRejected, .clientCertificateRequired,
    ]

    /// Returns what the operator should change after a TLS failure.
    private static func tlsHint(_ code: URLError.Code) -> String {
        switch code {
        case .clientCertificateRequired:
            "The IAM demands a client certificate it accepts: check sync.client_certificate and sync.client_key"
        case .clientCertificateRejected:
            "The client certificate or key could not be used: check sync.client_certificate and sync.client_key"
        case .secureConnectionFailed:
            "Check sync.url and that the IAM speaks TLS on that port"
        default:
            "The IAM's certificate is not trusted for this host name: check sync.url and set sync.ca_file to the CA that issued it"
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: "timed out"
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection lost"
        default: "network error \(error.code.rawValue) \(error.localizedDescription)"
        }
    }
}
