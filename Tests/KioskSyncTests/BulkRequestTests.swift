import Foundation
import KioskCore
@testable import KioskSync
import Testing

struct BulkRequestTests {
    private let items = (0..<25).map { (SyncRecords.record(index: $0), PushRun.Decision.create) }

    @Test func chunksHoldAtMostMaxOperations() {
        let chunks = BulkRequest.chunk(items, maxOperations: 10, maxPayloadSize: 1 << 20)
        #expect(chunks.map(\.count) == [10, 10, 5])
    }

    @Test func chunksStayWithinMaxPayloadSizeIncludingTheEnvelope() throws {
        // Indexes 10-33 give operations of equal size, so exactly three fit under the limit.
        let sameSize = (10..<34).map { (SyncRecords.record(index: $0), PushRun.Decision.create) }
        let single = BulkRequest.chunk(sameSize, maxOperations: 1, maxPayloadSize: 1 << 20)
        let operationSize = try #require(single.first?.first?.encoded.count)
        #expect(single.allSatisfy { $0[0].encoded.count == operationSize })
        let limit = BulkRequest.envelopeAllowance + 3 * (operationSize + 1) + 10
        let chunks = BulkRequest.chunk(sameSize, maxOperations: 1000, maxPayloadSize: limit)
        #expect(chunks.map(\.count) == Array(repeating: 3, count: 8))
        for chunk in chunks {
            let size = BulkRequest.envelopeAllowance + chunk.map { $0.encoded.count + 1 }.reduce(0, +)
            #expect(size <= limit)
        }
    }

    @Test func operationLargerThanAnyBulkRequestGoesAlone() {
        let chunks = BulkRequest.chunk(Array(items.prefix(3)), maxOperations: 1000, maxPayloadSize: 300)
        #expect(chunks.map(\.count) == [1, 1, 1])
    }

    @Test func bulkBodyIsOneJSONDocumentWithEveryOperation() throws {
        let captured = CapturedBody()
        let transport = ScriptedTransport { request in
            captured.store(request.httpBody)
            let operations = (0..<3).map { ["bulkId": SyncRecords.record(index: $0).enrollmentID, "status": "201",
                                             "location": "http://127.0.0.1/v2/Users/id\($0)"] }
            return json(200, ["Operations": operations])
        }
        let chunk = BulkRequest.chunk(Array(items.prefix(3)), maxOperations: 10, maxPayloadSize: 1 << 20)[0]
        let results = try BulkRequest.send(chunk, client: try ScriptedTransport.client(transport))
        let sent = try #require(captured.value)
        let body = try #require(try JSONSerialization.jsonObject(with: sent) as? [String: Any])
        #expect((body["Operations"] as? [[String: Any]])?.count == 3)
        #expect(results.count == 3)
        guard case .confirmed(let id, _) = results[2].1 else {
            Issue.record("expected a confirmed result")
            return
        }
        #expect(id == "id2")
    }
}

/// The body of the last request, shared with a transport closure.
final class CapturedBody: @unchecked Sendable {
    private let lock = NSLock()
    private var body: Data?

    func store(_ data: Data?) {
        lock.lock()
        body = data
        lock.unlock()
    }

    var value: Data? {
        lock.lock()
        defer { lock.unlock() }
        return body
    }
}
