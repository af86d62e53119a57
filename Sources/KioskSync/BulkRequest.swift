import Foundation
import KioskCore

/// Records sent together through /Bulk (RFC 7644 §3.7), within the server's advertised limits.
enum BulkRequest {
    /// Room kept in `maxPayloadSize` for the request envelope around the operations.
    static let envelopeAllowance = 256

    /// The bulk operation for one record; `bulkId` is the enrollment id, so each result maps back to its record.
    static func operation(_ record: OutboxRecord, _ decision: PushRun.Decision) -> [String: Any]? {
        switch decision {
        case .create:
            return ["method": "POST", "path": "/Users", "bulkId": record.enrollmentID, "data": SCIMUserMapper.user(for: record)]
        case .patch(let userID, _):
            return ["method": "PATCH", "path": "/Users/" + userID, "bulkId": record.enrollmentID,
                    "data": SCIMUserMapper.patch(for: record)]
        case .confirmed, .conflict:
            return nil
        }
    }

    /// One record with its decision and, for /Bulk, its operation encoded once as JSON.
    struct Item {
        let record: OutboxRecord
        let decision: PushRun.Decision
        /// The encoded bulk operation; empty when the item goes out as a single request.
        let encoded: Data
    }

    /// Splits `items` into chunks of at most `maxOperations` whose encoded request stays within
    /// `maxPayloadSize` bytes. An item too large for any bulk request forms a chunk of its own,
    /// which is sent as a single request. Each operation is encoded here once and reused by `send`.
    static func chunk(
        _ items: [(OutboxRecord, PushRun.Decision)], maxOperations: Int, maxPayloadSize: Int
    ) -> [[Item]] {
        var chunks = [[Item]]()
        var current = [Item]()
        var size = envelopeAllowance
        for (record, decision) in items {
            let encoded = operation(record, decision).flatMap { try? JSONSerialization.data(withJSONObject: $0) } ?? Data()
            if !current.isEmpty && (current.count >= maxOperations || size + encoded.count + 1 > maxPayloadSize) {
                chunks.append(current)
                current = []
                size = envelopeAllowance
            }
            current.append(Item(record: record, decision: decision, encoded: encoded))
            size += encoded.count + 1
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// Sends one chunk and maps each operation's response back to its record.
    /// - Throws: `.rejected` or `.notAuthorized` when the request or an operation got 400/401/403,
    ///   `.protocolViolation` when the server refused the size (413) or sent no readable response.
    static func send(_ chunk: [Item], client: SCIMClient) throws(SyncError) -> [(OutboxRecord, PushRun.Result)] {
        var body = Data(#"{"schemas":[""#.utf8) + Data(SCIMSchema.bulkRequest.utf8) + Data(#""],"Operations":["#.utf8)
        for (position, item) in chunk.enumerated() {
            if position > 0 { body.append(UInt8(ascii: ",")) }
            body.append(item.encoded)
        }
        body.append(contentsOf: Array("]}".utf8))
        switch try client.send("POST", "Bulk", encodedBody: body) {
        case .transient(let detail):
            return chunk.map { ($0.record, .retry(detail)) }
        case .answered(let response):
            guard response.status == 200, let object = SCIMClient.jsonObject(response.body),
                  let answers = object["Operations"] as? [[String: Any]]
            else {
                throw .protocolViolation(detail: "/Bulk returned HTTP \(response.status): \(SCIMClient.errorDetail(response))")
            }
            return try map(answers, to: chunk.map { ($0.record, $0.decision) })
        }
    }

    private static func map(
        _ answers: [[String: Any]], to chunk: [(OutboxRecord, PushRun.Decision)]
    ) throws(SyncError) -> [(OutboxRecord, PushRun.Result)] {
        var byBulkID: [String: [String: Any]] = [:]
        for answer in answers {
            if let id = answer["bulkId"] as? String { byBulkID[id] = answer }
        }
        var results = [(OutboxRecord, PushRun.Result)]()
        for (position, (record, decision)) in chunk.enumerated() {
            let answer = byBulkID[record.enrollmentID] ?? (position < answers.count && answers[position]["bulkId"] == nil ? answers[position] : nil)
            guard let answer, let status = SCIMClient.integer(answer["status"]) else {
                results.append((record, .retry("no answer for this operation in the /Bulk response")))
                continue
            }
            let response = answer["response"] as? [String: Any]
            let detail = (response?["detail"] as? String).map { text in
                text + ((response?["scimType"] as? String).map { " (\($0))" } ?? "")
            } ?? "HTTP \(status)"
            switch status {
            case 400: throw .rejected(detail: detail)
            case 401, 403: throw .notAuthorized(status: status, detail: detail)
            default: break
            }
            let (knownID, userName, isPatch): (String?, String, Bool) = switch decision {
            case .patch(let id, let name): (id, name, true)
            default: (nil, record.account.username, false)
            }
            results.append((record, SingleRequest.result(
                status: status, body: response, location: answer["location"] as? String, knownID: knownID,
                userName: userName, isPatch: isPatch, detail: detail)))
        }
        return results
    }
}
