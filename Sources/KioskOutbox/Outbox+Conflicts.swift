import KioskCore

/// The clerk's view of the records the central IAM rejected.
extension Outbox {
    /// Returns a notice for every record in sync state `conflict`, oldest enrollment first.
    ///
    /// A conflict state whose record is gone from the outbox (quarantined, or deleted by hand) is
    /// skipped, because without the record the clerk could not tell who it was.
    /// - Parameters:
    ///   - states: the sync states by enrollment id, as `RecordStateStore.loadAll` returns them.
    ///   - records: the verified outbox records.
    public static func syncConflictNotices(states: [String: RecordState], records: [OutboxRecord]) -> [SyncConflictNotice] {
        let byID = Dictionary(records.map { ($0.enrollmentID, $0) }, uniquingKeysWith: { first, _ in first })
        return states.values
            .filter { $0.state == .conflict }
            .compactMap { state -> SyncConflictNotice? in
                guard let record = byID[state.enrollmentID] else { return nil }
                return SyncConflictNotice(
                    enrollmentID: record.enrollmentID, enrolledAt: record.completedAt,
                    username: record.account.username, displayName: record.account.displayName,
                    reason: SyncConflictNotice.reason(forStatus: state.serverStatus, localReason: state.localReason))
            }
            .sorted { ($0.enrolledAt, $0.enrollmentID) < ($1.enrolledAt, $1.enrollmentID) }
    }
}
