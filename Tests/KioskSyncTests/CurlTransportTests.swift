import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskSync
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A listening socket on 127.0.0.1 that sends a canned reply on at most one connection,
/// or never accepts at all (then the kernel still completes the TCP handshake).
private final class CannedServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let received = Mutex("")

    /// The request bytes read from the connection, as text ("" before a client connected).
    var request: String { received.withLock { $0 } }

    init(reply: String?) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        try #require(bound == 0 && listen(fd, 4) == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        guard let reply else { return }
        Thread.detachNewThread { [self] in
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            let request = Self.readRequest(client)
            self.received.withLock { $0 = request }
            _ = reply.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
            close(client)
        }
    }

    deinit { close(fd) }

    /// Reads one request: the header block and as many body bytes as its Content-Length gives.
    private static func readRequest(_ client: Int32) -> String {
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer.prefix(count)
            let text = String(decoding: bytes, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { continue }
            let length = text[..<end.lowerBound].split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if bytes.count - text[..<end.upperBound].utf8.count >= length { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

struct CurlTransportTests {
    private func request(_ url: String, timeout: TimeInterval = 5) -> URLRequest {
        URLRequest(url: URL(string: url)!, timeoutInterval: timeout)
    }

    @Test func redirectIsReturnedAsTheAnswerAndNotFollowed() throws {
        let server = try CannedServer(reply: "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\n"
            + "X-Zähler: eins\r\nContent-Length: 5\r\nConnection: close\r\n\r\nmoved")
        let response = try CurlTransport(logger: .disabled).send(request("http://127.0.0.1:\(server.port)/v2/Users"))
        #expect(response.status == 302)
        #expect(response.headers["location"] == "http://127.0.0.1:9/elsewhere")
        #expect(response.body == Data("moved".utf8))
    }

    @Test func methodHeadersAndBodyAreSentAsGiven() throws {
        let server = try CannedServer(reply: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        var patch = request("http://127.0.0.1:\(server.port)/v2/Users/42")
        patch.httpMethod = "PATCH"
        patch.httpBody = Data(#"{"displayName":"Jörg Müller-Weiß"}"#.utf8)
        patch.setValue("application/scim+json", forHTTPHeaderField: "Content-Type")
        patch.setValue("Bearer t0ken", forHTTPHeaderField: "Authorization")
        patch.setValue("", forHTTPHeaderField: "Expect")

        let response = try CurlTransport(logger: .disabled).send(patch)

        #expect(response.status == 200)
        let sent = server.request
        #expect(sent.hasPrefix("PATCH /v2/Users/42 HTTP/1.1\r\n"))
        #expect(sent.contains("\r\nAuthorization: Bearer t0ken\r\n"))
        #expect(sent.contains("\r\nContent-Type: application/scim+json\r\n"))
        #expect(!sent.contains("Expect:"))
        #expect(sent.hasSuffix("\r\n\r\n" + #"{"displayName":"Jörg Müller-Weiß"}"#))
    }

    @Test func deleteWithoutBodyCarriesNoContentType() throws {
        let server = try CannedServer(reply: "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        var delete = request("http://127.0.0.1:\(server.port)/v2/Users/42")
        delete.httpMethod = "DELETE"

        let response = try CurlTransport(logger: .disabled).send(delete)

        #expect(response.status == 204)
        #expect(server.request.hasPrefix("DELETE /v2/Users/42 HTTP/1.1\r\n"))
        #expect(!server.request.contains("Content-Type"))
    }

    @Test func refusedConnectionIsCannotConnectToHost() throws {
        let port = try freePort()
        let error = #expect(throws: URLError.self) {
            try CurlTransport(logger: .disabled).send(request("http://127.0.0.1:\(port)/v2"))
        }
        #expect(error?.code == .cannotConnectToHost)
    }

    @Test func serverThatNeverAnswersTimesOut() throws {
        let server = try CannedServer(reply: nil)
        let error = #expect(throws: URLError.self) {
            try CurlTransport(logger: .disabled).send(request("http://127.0.0.1:\(server.port)/v2", timeout: 1))
        }
        #expect(error?.code == .timedOut)
    }

    @Test(arguments: ["ftp://127.0.0.1/v2", "file:///etc/passwd"])
    func schemesOtherThanHTTPAndHTTPSAreRefused(url: String) {
        let error = #expect(throws: URLError.self) { try CurlTransport(logger: .disabled).send(request(url)) }
        #expect(error?.code == .unsupportedURL)
    }
}
