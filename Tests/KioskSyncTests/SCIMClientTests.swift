import Foundation
import KioskCore
@testable import KioskSync
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

struct SCIMClientTests {
    /// A server with `total` users that returns at most `pageLimit` per page, whatever was asked.
    private static func pagingServer(total: Int, pageLimit: Int) -> ScriptedTransport {
        ScriptedTransport { request in
            let start = Int(queryValue(request, "startIndex") ?? "1") ?? 1
            let ids = start <= total ? Array(start...min(total, start + pageLimit - 1)) : []
            return json(200, [
                "totalResults": total, "startIndex": start,
                "Resources": ids.map { ["id": "u\($0)", "userName": "user\($0)"] },
            ])
        }
    }

    @Test func pagingStartsAtOneAndAdvancesByWhatTheServerReallySent() throws {
        let transport = Self.pagingServer(total: 25, pageLimit: 7)
        var names = [String]()
        let count = try ScriptedTransport.client(transport).pageThroughUsers(attributes: ["userName"], pageSize: 10) { page in
            names += page.compactMap { $0["userName"] as? String }
        }
        #expect(count == 25)
        #expect(Set(names).count == 25)
        #expect(transport.requests.compactMap { queryValue($0, "startIndex") } == ["1", "8", "15", "22"])
    }

    @Test func pagingStopsOnAnEmptyPageEvenWhenTotalResultsPromisesMore() throws {
        let transport = ScriptedTransport { request in
            let start = queryValue(request, "startIndex") ?? "1"
            let resources: [[String: Any]] = start == "1" ? [["id": "a", "userName": "a"]] : []
            return json(200, ["totalResults": 50, "Resources": resources])
        }
        let count = try ScriptedTransport.client(transport).pageThroughUsers(attributes: ["userName"]) { _ in }
        #expect(count == 1)
        #expect(transport.requests.count == 2)
    }

    @Test func serverRepeatingAPageStopsWithAProtocolErrorInsteadOfLooping() throws {
        let transport = ScriptedTransport { _ in
            json(200, ["totalResults": 10, "Resources": [["id": "a", "userName": "a"], ["id": "b", "userName": "b"]]])
        }
        #expect(throws: SyncError.protocolViolation(detail: "the server returned the same page again at startIndex 3")) {
            try ScriptedTransport.client(transport).pageThroughUsers(attributes: ["userName"]) { _ in }
        }
        #expect(transport.requests.count == 2)
    }

    @Test func tooManyRequestsIsRetriedAndCounted() throws {
        let calls = Mutex(0)
        let transport = ScriptedTransport { _ in
            let call = calls.withLock { $0 += 1; return $0 }
            return call == 1 ? HTTPResponse(status: 429) : json(200, ["bulk": ["supported": false]])
        }
        let client = try ScriptedTransport.client(transport)
        #expect(try client.bulkLimits() == nil)
        #expect(client.retryCount == 1)
    }

    @Test func serverErrorsBeyondTheAttemptLimitMeanRetryLater() throws {
        let transport = ScriptedTransport { _ in HTTPResponse(status: 503) }
        #expect(throws: SyncError.self) { try ScriptedTransport.client(transport, attempts: 3).bulkLimits() }
        #expect(transport.requests.count == 3)
    }

    @Test func timeoutIsRetriedLikeAServerError() throws {
        let calls = Mutex(0)
        let transport = ScriptedTransport { (_: URLRequest) throws(URLError) -> HTTPResponse in
            let call = calls.withLock { $0 += 1; return $0 }
            if call == 1 { throw URLError(.timedOut) }
            return json(200, ["bulk": ["supported": true, "maxOperations": 5, "maxPayloadSize": 9000]])
        }
        let limits = try ScriptedTransport.client(transport).bulkLimits()
        #expect(limits?.maxOperations == 5)
        #expect(limits?.maxPayloadSize == 9000)
    }

    @Test(arguments: [401, 403])
    func refusedCredentialsStopAtOnce(status: Int) throws {
        let transport = ScriptedTransport { _ in json(status, ["detail": "bad token", "status": String(status)]) }
        #expect(throws: SyncError.notAuthorized(status: status, detail: "bad token")) {
            try ScriptedTransport.client(transport).bulkLimits()
        }
        #expect(transport.requests.count == 1)
    }

    @Test func badRequestStopsWithTheServersDetail() throws {
        let transport = ScriptedTransport { _ in
            json(400, ["detail": "unknown schema", "scimType": "invalidSyntax", "status": "400"])
        }
        #expect(throws: SyncError.rejected(detail: "unknown schema (invalidSyntax)")) {
            try ScriptedTransport.client(transport).bulkLimits()
        }
    }

    @Test func requestsCarryTheBearerTokenAndScimContentType() throws {
        let folder = try TemporaryTokenFile(text: "s3cret\n", mode: 0o600)
        var settings = SyncSettings()
        settings.serverURL = "http://localhost:9/v2/"
        settings.tokenFile = folder.path
        let transport = ScriptedTransport { _ in json(200, ["bulk": ["supported": false]]) }
        let client = SCIMClient(endpoint: try SyncEndpoint.make(settings), transport: transport, logger: .disabled, sleep: { _ in })
        _ = try client.bulkLimits()
        let request = try #require(transport.requests.first)
        #expect(request.value(forHTTPHeaderField: "Authorization") == "Bearer s3cret")
        #expect(request.url?.absoluteString == "http://localhost:9/v2/ServiceProviderConfig")
    }
}
