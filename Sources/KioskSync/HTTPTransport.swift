import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer: status, header fields (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: Data

    /// Creates a response; header names are lower-cased so lookups ignore case.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        self.body = body
    }
}

/// Sends one request and waits for its answer. A protocol so that tests can script a server.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the answer, or throws `URLError` when no answer came
    /// (refused connection, reset, timeout, TLS failure).
    func send(_ request: URLRequest) throws(URLError) -> HTTPResponse
}
