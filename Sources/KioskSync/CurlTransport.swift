import CCurl
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskCore

/// `HTTPTransport` over libcurl, blocking the calling thread while the request runs.
///
/// Why not URLSession: in swift-corelibs-foundation (Swift 6.3.1, Linux) it verifies the server
/// only against the system trust store, cannot present a client certificate, and keeps a CPU busy
/// while it waits. This transport sets the CA file and the client certificate directly, waits
/// inside libcurl, and keeps the connection open between requests. TLS verification is always
/// on. Redirects are never followed, so a 3xx is returned as the response. Only http and https
/// URLs are allowed.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// The TLS files from kiosk.conf, each nil when not configured.
    public struct TLSFiles: Sendable, Equatable {
        /// PEM file with the CA certificates for the server; nil uses the system trust store.
        public var caFile: String?
        /// PEM client certificate for mutual TLS; nil presents none.
        public var clientCertificate: String?
        /// PEM private key of the client certificate; nil when the certificate file contains it.
        public var clientKey: String?

        /// Creates the set; all nil is a plain server-authenticated TLS connection.
        public init(caFile: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil) {
            self.caFile = caFile
            self.clientCertificate = clientCertificate
            self.clientKey = clientKey
        }
    }

    private let tls: TLSFiles
    private let logger: Logger
    private let lock = NSLock()
    /// One easy handle, used by one request at a time under `lock`, so the connection is reused.
    private let handle: CurlHandle

    /// Creates the transport; no connection is opened until the first request.
    /// - Parameter tls: files from `sync.ca_file`, `sync.client_certificate`, `sync.client_key`.
    /// - Throws: `URLError(.unknown)` when libcurl cannot be initialised (out of memory).
    public init(tls: TLSFiles = TLSFiles(), logger: Logger) throws(URLError) {
        guard CurlHandle.globalInit == CURLE_OK, let handle = CurlHandle() else { throw URLError(.unknown) }
        self.tls = tls
        self.logger = logger
        self.handle = handle
    }

    /// Creates a transport with the TLS files of a checked endpoint, logging to `logger`.
    public convenience init(endpoint: SyncEndpoint, logger: Logger) throws(URLError) {
        try self.init(tls: endpoint.tlsFiles, logger: logger)
    }

    /// Sends `request` and waits for the whole response.
    /// - Throws: `URLError` mapped from the libcurl result (see `CurlFailure.urlErrorCode`).
    public func send(_ request: URLRequest) throws(URLError) -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        let collector = ResponseCollector()
        let code = handle.perform(request, tls: tls, collector: collector)
        guard code == CURLE_OK else {
            let failure = CurlFailure(code: code, detail: handle.errorText)
            logger.warning("HTTP request failed", [
                "method": request.httpMethod ?? "GET", "host": request.url?.host ?? "?",
                "curl": failure.codeName, "detail": failure.detail,
            ])
            throw failure.urlError
        }
        return HTTPResponse(status: handle.responseCode, headers: collector.headers, body: collector.body)
    }
}

/// Owns one `CURL*` easy handle and frees it exactly once, in deinit.
final class CurlHandle {
    /// curl_global_init, run once before the first handle (a lazy static is initialised once).
    static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    private let raw: UnsafeMutableRawPointer
    /// Buffer for the detail of a failure (CURLOPT_ERRORBUFFER). It lives as long as the handle,
    /// because libcurl keeps the pointer until the handle is reset or cleaned up.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorBufferSize = Int(CURL_ERROR_SIZE) + 1

    /// Nil when libcurl cannot allocate a handle.
    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Self.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: Self.errorBufferSize)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// The detail libcurl wrote for the last failure, or "" when none.
    var errorText: String { String(cString: errorBuffer) }

    /// The HTTP status of the last response, 0 when none arrived.
    var responseCode: Int {
        var code = 0
        _ = kiosk_curl_get_long(raw, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Sets every option for `request` on a reset handle and runs the transfer.
    func perform(_ request: URLRequest, tls: CurlTransport.TLSFiles, collector: ResponseCollector) -> CURLcode {
        curl_easy_reset(raw)  // keeps open connections and TLS sessions, drops the last request's options
        errorBuffer.update(repeating: 0, count: Self.errorBufferSize)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            // "Name:" with nothing after it removes a header curl would add by itself (Expect).
            headerList = curl_slist_append(headerList, value.isEmpty ? "\(name):" : "\(name): \(value)")
        }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let steps: [() -> CURLcode] = [
            { kiosk_curl_set_pointer(self.raw, CURLOPT_ERRORBUFFER, self.errorBuffer) },
            { self.setConnection(request, tls: tls) },
            { self.setMethodAndBody(request) },
            { kiosk_curl_set_pointer(self.raw, CURLOPT_HTTPHEADER, headerList.map { UnsafeMutableRawPointer($0) }) },
            { kiosk_curl_set_callback(self.raw, CURLOPT_WRITEFUNCTION, collectBody) },
            { kiosk_curl_set_pointer(self.raw, CURLOPT_WRITEDATA, context) },
            { kiosk_curl_set_callback(self.raw, CURLOPT_HEADERFUNCTION, collectHeader) },
            { kiosk_curl_set_pointer(self.raw, CURLOPT_HEADERDATA, context) },
        ]
        var code = CURLE_OK
        for step in steps where code == CURLE_OK { code = step() }
        guard code == CURLE_OK else { return code }
        return withExtendedLifetime(collector) { curl_easy_perform(raw) }
    }

    /// URL, protocols, timeouts and TLS. The timeout is the time without any progress
    /// (like URLSession's request timeout); the whole transfer may take four times as long.
    private func setConnection(_ request: URLRequest, tls: CurlTransport.TLSFiles) -> CURLcode {
        let seconds = max(1, Int(request.timeoutInterval.rounded(.up)))
        var settings: [(CURLoption, Int)] = [
            (CURLOPT_NOSIGNAL, 1), (CURLOPT_FOLLOWLOCATION, 0),
            (CURLOPT_SSL_VERIFYPEER, 1), (CURLOPT_SSL_VERIFYHOST, 2),
            (CURLOPT_CONNECTTIMEOUT_MS, seconds * 1000), (CURLOPT_TIMEOUT_MS, seconds * 4000),
            (CURLOPT_LOW_SPEED_LIMIT, 1), (CURLOPT_LOW_SPEED_TIME, seconds),
        ]
        var texts: [(CURLoption, String)] = [
            (CURLOPT_URL, request.url?.absoluteString ?? ""), (CURLOPT_PROTOCOLS_STR, "https,http"),
            (CURLOPT_USERAGENT, "kiosk-sync"),
        ]
        if let file = tls.caFile { texts.append((CURLOPT_CAINFO, file)) }
        if let file = tls.clientCertificate { texts += [(CURLOPT_SSLCERT, file), (CURLOPT_SSLCERTTYPE, "PEM")] }
        if let file = tls.clientKey { texts += [(CURLOPT_SSLKEY, file), (CURLOPT_SSLKEYTYPE, "PEM")] }
        settings.append((CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1)))
        for (option, value) in settings {
            let code = kiosk_curl_set_long(raw, option, value)
            if code != CURLE_OK { return code }
        }
        for (option, value) in texts {
            let code = kiosk_curl_set_string(raw, option, value)  // libcurl copies strings
            if code != CURLE_OK { return code }
        }
        return CURLE_OK
    }

    /// Sets the method, and the body when there is one (libcurl then copies it).
    private func setMethodAndBody(_ request: URLRequest) -> CURLcode {
        let method = request.httpMethod ?? "GET"
        guard let body = request.httpBody else {
            // Without a body there is no Content-Type that curl would add for POSTFIELDS.
            let code = kiosk_curl_set_long(raw, CURLOPT_HTTPGET, 1)
            return code == CURLE_OK && method != "GET" ? kiosk_curl_set_string(raw, CURLOPT_CUSTOMREQUEST, method) : code
        }
        var code = kiosk_curl_set_off_t(raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        if code == CURLE_OK {
            code = body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies POSTFIELDSIZE bytes, so the Data need not outlive this call.
                let start = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                return kiosk_curl_set_pointer(raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
            }
        }
        return code == CURLE_OK ? kiosk_curl_set_string(raw, CURLOPT_CUSTOMREQUEST, method) : code
    }
}

/// Collects the body and header lines of one response; libcurl calls in on the sending thread.
final class ResponseCollector {
    private(set) var body = Data()
    private(set) var headers: [String: String] = [:]

    func appendBody(_ bytes: UnsafeRawBufferPointer) { body.append(contentsOf: bytes) }

    /// Adds one header line. A status line starts a new header block: after "100 Continue"
    /// only the final response's headers count.
    func appendHeader(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = headers[name].map { $0 + ", " + value } ?? value
    }
}

/// CURLOPT_WRITEFUNCTION: appends to the collector. Returning less than the full count makes curl abort the transfer.
private let collectBody: kiosk_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
    collector.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

/// CURLOPT_HEADERFUNCTION: one complete header line per call, CRLF included.
private let collectHeader: kiosk_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
    collector.appendHeader(String(decoding: bytes, as: UTF8.self))
    return size * count
}
