import Foundation
import KioskCore
import KioskOutbox

#if canImport(Glibc)
import Glibc
#endif

/// Progress of a run, for a terminal display.
public struct SyncProgress: Sendable {
    /// "push" while records are sent, "pull" while the account list is read.
    public let phase: String
    public let done: Int
    /// Total for the phase; 0 when unknown.
    public let total: Int
}

/// Pushes the outbox to the IAM over SCIM and pulls back the account list: one `kiosk sync` run.
///
/// Idempotence: every decision starts from the users the IAM has right now (an index of its users
/// pulled before sending), so a record whose earlier request went through is confirmed, not sent
/// twice. Before a request leaves, its records are marked `sent` on disk; after the answer they
/// become `confirmed` or `conflict`. A run killed at any point leaves records `pending` or `sent`,
/// and the next run looks them up again before sending.
public final class SyncEngine {
    let outbox: Outbox
    let client: SCIMClient
    let logger: Logger
    let clock: () -> Date
    let progress: (SyncProgress) -> Void
    private let accountsPath: String
    private let retentionDays: Int

    /// - Parameters:
    ///   - accountsPath: where to write iam-accounts.tsv.
    ///   - retentionDays: confirmed records older than this lose their personal data; 0 never.
    ///   - clock: the current time (tests pass a fixed one).
    ///   - progress: called as records are sent and accounts read; may print to a terminal.
    public init(
        outbox: Outbox, client: SCIMClient, accountsPath: String, retentionDays: Int, logger: Logger,
        clock: @escaping () -> Date = Date.init, progress: @escaping (SyncProgress) -> Void = { _ in }
    ) {
        self.outbox = outbox
        self.client = client
        self.accountsPath = accountsPath
        self.retentionDays = retentionDays
        self.logger = logger
        self.clock = clock
        self.progress = progress
    }

    /// Runs the whole sync. Never throws: a stop is recorded in the report's `stopReason`.
    public func run() -> SyncReport {
        var report = SyncReport()
        var states: [String: RecordState] = [:]
        var records: [OutboxRecord] = []
        do {
            let lock = try lockOutbox()
            defer { close(lock) }
            let store = try openStore()
            states = try loadStates(store)
            records = try verifiedRecords(&report)
            let waiting = records.filter { !(states[$0.enrollmentID]?.state).isFinal }
            if !waiting.isEmpty {
                var push = PushRun(engine: self, store: store, states: states)
                defer { states = push.states; report.sent += push.sent; report.confirmed += push.confirmed }
                defer { report.conflicts += push.conflicts }
                try push.run(waiting)
            }
            report.accounts = try pullAccounts()
            report.redacted = try applyRetention(states)
        } catch {
            report.stopReason = error
            logger.error("Sync stopped", ["reason": error.description])
        }
        report.retried = client.retryCount
        report.failed = records.filter { !(states[$0.enrollmentID]?.state).isFinal }.count
        logger.info(
            "Sync finished",
            ["sent": String(report.sent), "confirmed": String(report.confirmed), "conflicts": String(report.conflicts.count),
             "retried": String(report.retried), "failed": String(report.failed), "exit": String(report.exitStatus)])
        return report
    }

    // MARK: - Steps

    /// Takes an exclusive lock on `<outbox>/sync.lock` for the whole run. Two runs at once (the
    /// timer and an operator) could both create the same new user, and the slower one would then
    /// see its own user as a 409 conflict. The kernel drops the lock when the process dies.
    /// - Returns: the descriptor to close at the end of the run.
    private func lockOutbox() throws(SyncError) -> Int32 {
        let path = outbox.directory + "/sync.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .storage("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .unavailable(detail: "another kiosk sync is running on this outbox")
        }
        return fd
    }

    private func openStore() throws(SyncError) -> RecordStateStore {
        do {
            return try outbox.stateStore()
        } catch {
            throw .storage(error.description)
        }
    }

    private func loadStates(_ store: RecordStateStore) throws(SyncError) -> [String: RecordState] {
        do {
            let (states, unreadable) = try store.loadAll()
            for name in unreadable {
                logger.warning("Unreadable sync state file; the record is looked up again", ["file": name])
            }
            return states
        } catch {
            throw .storage(error.description)
        }
    }

    /// Reads the outbox, moves damaged files to quarantine and returns the verified records.
    private func verifiedRecords(_ report: inout SyncReport) throws(SyncError) -> [OutboxRecord] {
        let entries: [OutboxEntry]
        do {
            entries = try outbox.records()
        } catch {
            throw .storage(error.description)
        }
        var records = [OutboxRecord]()
        for entry in entries {
            if let problem = entry.problem {
                do {
                    try outbox.quarantine(entry, reason: problem.code, now: timestamp())
                    report.quarantined += 1
                } catch {
                    logger.error("Damaged record could not be quarantined", ["file": entry.fileName, "error": error.description])
                }
                continue
            }
            if let record = entry.record { records.append(record) }
        }
        return records
    }

    /// Pulls every userName and employee number and writes iam-accounts.tsv.
    private func pullAccounts() throws(SyncError) -> Int {
        var accounts = [(userName: String, employeeNumber: String?)]()
        try client.pageThroughUsers(attributes: ["userName", SCIMSchema.employeeNumberPath]) { page in
            for resource in page {
                guard let userName = resource["userName"] as? String else { continue }
                let enterprise = resource[SCIMSchema.enterpriseUser] as? [String: Any]
                accounts.append((userName, enterprise?["employeeNumber"] as? String))
            }
            progress(SyncProgress(phase: "pull", done: accounts.count, total: 0))
        }
        try AccountList.write(accounts, to: accountsPath)
        return accounts.count
    }

    private func applyRetention(_ states: [String: RecordState]) throws(SyncError) -> Int {
        do {
            return try outbox.applyRetention(days: retentionDays, now: clock(), states: states)
        } catch {
            throw .storage("retention: \(error.description)")
        }
    }

    /// Now as ISO 8601 UTC.
    func timestamp() -> String {
        ISO8601DateFormatter().string(from: clock())
    }
}

extension Optional where Wrapped == RecordSyncState {
    /// `true` for confirmed and conflict: the sync leaves such a record alone.
    var isFinal: Bool { self == .confirmed || self == .conflict }
}
