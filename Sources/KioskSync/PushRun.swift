import Foundation
import KioskCore
import KioskOutbox

/// The push part of one sync run: decides per record, marks intents, sends and stores results.
struct PushRun {
    /// Next step for one record, decided from the IAM's current users.
    enum Decision {
        case confirmed(DirectoryIndex.User)
        /// `localReason` is set when the kiosk decided this from the IAM's user list (no request).
        case conflict(status: Int, answer: String, localReason: String? = nil)
        case create
        case patch(userID: String, userName: String)
    }

    /// Outcome for one sent record.
    enum Result {
        case confirmed(id: String, userName: String)
        case conflict(status: Int, answer: String, localReason: String? = nil)
        /// Might or might not have reached the server; look it up again after a pause.
        case retry(String)
    }

    let engine: SyncEngine
    let store: RecordStateStore
    var states: [String: RecordState]
    var index = DirectoryIndex()
    var sent = 0
    var confirmed = 0
    var conflicts: [SyncReport.Conflict] = []
    /// Records per chunk of single requests between two state writes.
    static let singleRequestGroup = 50

    init(engine: SyncEngine, store: RecordStateStore, states: [String: RecordState]) {
        self.engine = engine
        self.store = store
        self.states = states
    }

    /// Sends `records` until each is confirmed or in conflict, or the attempts run out.
    mutating func run(_ records: [OutboxRecord]) throws(SyncError) {
        let limits = engine.client.endpoint.useBulk ? try engine.client.bulkLimits() : nil
        try refreshIndex()
        var remaining = records
        var attempt = 1
        while !remaining.isEmpty {
            // At most one record per person per wave, so a second key for someone created in
            // this run is patched onto the new user instead of racing the create.
            var people = Set<String>()
            let wave = remaining.filter { people.insert($0.personnelNumber).inserted }
            let waveIDs = Set(wave.map(\.enrollmentID))
            let deferred = remaining.filter { !waveIDs.contains($0.enrollmentID) }
            let retry = try process(wave, limits: limits)
            remaining = retry.records + deferred
            guard let detail = retry.detail else { continue }
            try engine.client.backOff(after: attempt, detail: detail, what: "sending records")
            attempt += 1
            try refreshIndex()
        }
    }

    /// Pulls the IAM's users (id, userName, employee number, external id, credential ids).
    mutating func refreshIndex() throws(SyncError) {
        var fresh = DirectoryIndex()
        try engine.client.pageThroughUsers(
            attributes: ["userName", "externalId", SCIMSchema.employeeNumberPath, SCIMSchema.fido2 + ":credentials.credentialId"]
        ) { page in
            for resource in page {
                if let user = DirectoryIndex.user(from: resource) { fresh.insert(user) }
            }
        }
        index = fresh
    }

    /// Decides the next step for `record` from the index of the IAM's users.
    func decide(_ record: OutboxRecord) -> Decision {
        guard let user = index.user(personnelNumber: record.personnelNumber)
            ?? (record.kind == .newAccount ? nil : index.user(userName: record.account.username))
        else {
            if record.kind == .newAccount { return .create }
            return .conflict(
                status: 404,
                answer: "the IAM has no user with this employee number; an additional or replacement key needs an existing account",
                localReason: SyncConflictNotice.localReasonNoAccount)
        }
        if user.credentialIDs.contains(record.credential.credentialID) { return .confirmed(user) }
        if record.kind == .newAccount && user.userName.lowercased() != record.account.username.lowercased() {
            return .conflict(
                status: 409, answer: "the IAM already has the account \(user.userName) for this employee number",
                localReason: SyncConflictNotice.localReasonOtherAccount)
        }
        return .patch(userID: user.id, userName: user.userName)
    }

    // MARK: - One wave

    /// Settles what needs no request, then sends the rest in chunks.
    /// - Returns: the records to try again and why (nil detail: nothing to retry).
    private mutating func process(
        _ wave: [OutboxRecord], limits: (maxOperations: Int, maxPayloadSize: Int)?
    ) throws(SyncError) -> (records: [OutboxRecord], detail: String?) {
        var settled = [(OutboxRecord, Result)]()
        var toSend = [(OutboxRecord, Decision)]()
        for record in wave {
            switch decide(record) {
            case .confirmed(let user): settled.append((record, .confirmed(id: user.id, userName: user.userName)))
            case .conflict(let status, let answer, let local):
                settled.append((record, .conflict(status: status, answer: answer, localReason: local)))
            case let decision: toSend.append((record, decision))
            }
        }
        try store(settled)
        var retry = [OutboxRecord]()
        var detail: String?
        for chunk in chunks(toSend, limits: limits) {
            try markSent(chunk.map(\.record))
            let results = try send(chunk, bulk: limits != nil)
            try store(results)
            for case (let record, .retry(let why)) in results {
                retry.append(record)
                detail = why
            }
            engine.progress(SyncProgress(phase: "push", done: sent, total: wave.count))
        }
        return (retry, detail)
    }

    private func chunks(
        _ items: [(OutboxRecord, Decision)], limits: (maxOperations: Int, maxPayloadSize: Int)?
    ) -> [[BulkRequest.Item]] {
        guard let limits else {
            let unencoded = items.map { BulkRequest.Item(record: $0.0, decision: $0.1, encoded: Data()) }
            return stride(from: 0, to: unencoded.count, by: Self.singleRequestGroup).map {
                Array(unencoded[$0..<min($0 + Self.singleRequestGroup, unencoded.count)])
            }
        }
        return BulkRequest.chunk(items, maxOperations: limits.maxOperations, maxPayloadSize: limits.maxPayloadSize)
    }

    private func send(_ chunk: [BulkRequest.Item], bulk: Bool) throws(SyncError) -> [(OutboxRecord, Result)] {
        if bulk && chunk.count > 1 {
            return try BulkRequest.send(chunk, client: engine.client)
        }
        var results = [(OutboxRecord, Result)]()
        for item in chunk {
            results.append((item.record, try SingleRequest.send(item.record, item.decision, client: engine.client)))
        }
        return results
    }

    // MARK: - State and audit

    /// Writes the `sent` intent of `records` (state files and audit) before their request leaves.
    private mutating func markSent(_ records: [OutboxRecord]) throws(SyncError) {
        let now = engine.timestamp()
        var updates = [RecordState]()
        var audit = [AuditEntry]()
        for record in records {
            var state = states[record.enrollmentID]
                ?? RecordState(enrollmentID: record.enrollmentID, state: .pending, updatedAt: now)
            state.state = .sent
            state.updatedAt = now
            state.attempts += 1
            updates.append(state)
            audit.append(AuditEntry(
                event: .syncSent, time: now, kioskID: record.kioskID, enrollmentID: record.enrollmentID,
                personnelNumber: record.personnelNumber))
        }
        try save(updates, audit: audit)
        sent += records.count
    }

    /// Stores the final results (confirmed, conflict) and updates the index for later waves.
    private mutating func store(_ results: [(OutboxRecord, Result)]) throws(SyncError) {
        let now = engine.timestamp()
        var updates = [RecordState]()
        var audit = [AuditEntry]()
        for (record, result) in results {
            var state = states[record.enrollmentID]
                ?? RecordState(enrollmentID: record.enrollmentID, state: .pending, updatedAt: now)
            state.updatedAt = now
            switch result {
            case .retry:
                continue
            case .confirmed(let id, let userName):
                state.state = .confirmed
                state.centralID = id
                state.centralUserName = userName
                state.serverStatus = nil
                state.serverAnswer = nil
                index.recordCreated(id: id, userName: userName, record: record)
                confirmed += 1
                audit.append(AuditEntry(
                    event: .syncConfirmed, time: now, kioskID: record.kioskID, enrollmentID: record.enrollmentID,
                    personnelNumber: record.personnelNumber, centralID: id))
            case .conflict(let status, let answer, let local):
                state.state = .conflict
                state.serverStatus = status
                state.serverAnswer = answer
                state.localReason = local
                conflicts.append(SyncReport.Conflict(
                    enrollmentID: record.enrollmentID, userName: record.account.username, status: status, answer: answer))
                audit.append(AuditEntry(
                    event: .syncConflict, time: now, kioskID: record.kioskID, enrollmentID: record.enrollmentID,
                    personnelNumber: record.personnelNumber, reason: "http-\(status)"))
            }
            updates.append(state)
        }
        try save(updates, audit: audit)
    }

    private mutating func save(_ updates: [RecordState], audit: [AuditEntry]) throws(SyncError) {
        guard !updates.isEmpty else { return }
        do {
            try store.save(updates)
            try engine.outbox.audit.append(audit)
        } catch {
            throw .storage(error.description)
        }
        for state in updates { states[state.enrollmentID] = state }
    }
}
