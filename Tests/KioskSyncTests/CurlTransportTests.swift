import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskSync
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A listening socket on 127.0.0.1 that sends a canned reply on at most one connection,
/// or never accepts at all (then the kernel still completes the TCP handshake).
private final class CannedServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32

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
        Thread.detachNewThread {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            _ = read(client, &buffer, buffer.count)  // the whole small request
            _ = reply.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
            close(client)
        }
    }

    deinit { close(fd) }
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
