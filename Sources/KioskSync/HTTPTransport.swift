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

/// `HTTPTransport` over FoundationNetworking's URLSession (libcurl on Linux), blocking the caller.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates an ephemeral session (no cookies, no cache) with `timeoutSeconds` per request.
    public init(timeoutSeconds: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(timeoutSeconds)
        configuration.timeoutIntervalForResource = TimeInterval(timeoutSeconds * 4)
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Blocks until URLSession calls back.
    public func send(_ request: URLRequest) throws(URLError) -> HTTPResponse {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    headers[String(describing: key)] = String(describing: value)
                }
                box.set(.success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())))
            } else {
                box.set(.failure(error as? URLError ?? URLError(.badServerResponse)))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try box.get().get()
    }
}

/// Hands the callback's result to the waiting thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<HTTPResponse, URLError> = .failure(URLError(.unknown))

    func set(_ value: Result<HTTPResponse, URLError>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() -> Result<HTTPResponse, URLError> {
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}
