import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskCore
import KioskSync
import Synchronization

/// An `HTTPTransport` that answers from a script and records every request, for unit tests.
final class ScriptedTransport: HTTPTransport {
    private let handler: @Sendable (URLRequest) throws(URLError) -> HTTPResponse
    private let log = Mutex([URLRequest]())

    init(_ handler: @escaping @Sendable (URLRequest) throws(URLError) -> HTTPResponse) {
        self.handler = handler
    }

    var requests: [URLRequest] { log.withLock { $0 } }

    func send(_ request: URLRequest) throws(URLError) -> HTTPResponse {
        log.withLock { $0.append(request) }
        return try handler(request)
    }

    /// A client over `transport` with a loopback endpoint and no waiting between attempts.
    static func client(_ transport: ScriptedTransport, attempts: Int = 3, bulk: Bool = true) throws -> SCIMClient {
        var settings = SyncSettings()
        settings.serverURL = "http://127.0.0.1:9/v2"
        settings.maxAttempts = attempts
        settings.useBulk = bulk
        return SCIMClient(endpoint: try SyncEndpoint.make(settings), transport: transport, logger: .disabled, sleep: { _ in })
    }
}

/// A JSON answer.
func json(_ status: Int, _ object: Any) -> HTTPResponse {
    HTTPResponse(status: status, body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

/// The value of query item `name` in `request`.
func queryValue(_ request: URLRequest, _ name: String) -> String? {
    request.url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: false) }?.queryItems?
        .first { $0.name == name }?.value
}
