import Foundation
import KioskCore

/// One record sent as its own request: POST /Users for a new account, PATCH /Users/{id} for a key.
enum SingleRequest {
    /// Sends the request for `decision` and classifies the response.
    /// - Throws: `.notAuthorized` (401/403) and `.rejected` (400), which stop the run.
    static func send(_ record: OutboxRecord, _ decision: PushRun.Decision, client: SCIMClient) throws(SyncError) -> PushRun.Result {
        switch decision {
        case .create:
            let outcome = try client.send("POST", "Users", body: SCIMUserMapper.user(for: record))
            return classify(outcome, knownID: nil, userName: record.account.username, isPatch: false)
        case .patch(let userID, let userName):
            let outcome = try client.send("PATCH", "Users/" + userID, body: SCIMUserMapper.patch(for: record))
            return classify(outcome, knownID: userID, userName: userName, isPatch: true)
        case .confirmed(let user):
            return .confirmed(id: user.id, userName: user.userName)
        case .conflict(let status, let answer, let local):
            return .conflict(status: status, answer: answer, localReason: local)
        }
    }

    private static func classify(_ outcome: SCIMClient.Outcome, knownID: String?, userName: String, isPatch: Bool) -> PushRun.Result {
        switch outcome {
        case .transient(let detail):
            return .retry(detail)
        case .answered(let response):
            return result(
                status: response.status, body: SCIMClient.jsonObject(response.body),
                location: response.headers["location"], knownID: knownID, userName: userName, isPatch: isPatch,
                detail: SCIMClient.errorDetail(response))
        }
    }

    /// Maps one status (of a request or of a bulk operation) to a result.
    static func result(
        status: Int, body: [String: Any]?, location: String?, knownID: String?, userName: String, isPatch: Bool,
        detail: String
    ) -> PushRun.Result {
        switch status {
        case 200...299:
            let id = (body?["id"] as? String) ?? location.map { String($0.split(separator: "/").last ?? "") } ?? knownID
            guard let id, !id.isEmpty else { return .retry("the IAM confirmed without naming the user id") }
            return .confirmed(id: id, userName: (body?["userName"] as? String) ?? userName)
        case 409:
            return .conflict(status: status, answer: detail)
        case 404 where isPatch:
            return .retry("the user to patch is gone at the IAM (404)")
        case 429, 500...599:
            return .retry("HTTP \(status) \(detail)")
        default:
            return .conflict(status: status, answer: detail)
        }
    }
}
