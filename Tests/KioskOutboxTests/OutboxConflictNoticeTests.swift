import KioskCore
import Testing
@testable import KioskOutbox

/// `Outbox.syncConflictNotices`: what the clerk's conflict screen gets from the sync states.
@Suite("Outbox conflict notices")
struct OutboxConflictNoticeTests {
    private func state(_ record: OutboxRecord, _ sync: RecordSyncState, status: Int? = nil) -> (String, RecordState) {
        (record.enrollmentID, RecordState(enrollmentID: record.enrollmentID, state: sync, updatedAt: "2026-12-05T02:00:00Z",
                                          serverStatus: status, serverAnswer: status.map { "HTTP \($0)" }))
    }

    @Test func onlyConflictsBecomeNoticesOldestFirst() {
        let records = (1...4).map { OutboxFixture.record(index: $0, username: "user\($0)") }
        let states = Dictionary(uniqueKeysWithValues: [
            state(records[3], .conflict, status: 409), state(records[0], .confirmed),
            state(records[1], .conflict, status: 400), state(records[2], .sent),
        ])
        let notices = Outbox.syncConflictNotices(states: states, records: records)
        #expect(notices.map(\.enrollmentID) == [records[1].enrollmentID, records[3].enrollmentID])
        #expect(notices.map(\.reason) == [.rejected(status: 400), .usernameTaken])
        #expect(notices[1].username == "user4")
        #expect(notices[1].displayName == "Jürgen Größ-Müller-Lüdenscheidt")
        #expect(notices[1].enrolledAt == records[3].completedAt)
    }

    @Test func conflictWithoutItsRecordIsSkipped() {
        let kept = OutboxFixture.record(index: 1)
        let gone = OutboxFixture.record(index: 2)
        let states = Dictionary(uniqueKeysWithValues: [state(kept, .conflict, status: 409), state(gone, .conflict, status: 409)])
        #expect(Outbox.syncConflictNotices(states: states, records: [kept]).map(\.enrollmentID) == [kept.enrollmentID])
    }

    @Test func conflictWithoutStatusIsARefusalWithStatusZero() {
        let record = OutboxFixture.record(index: 1)
        let notices = Outbox.syncConflictNotices(states: Dictionary(uniqueKeysWithValues: [state(record, .conflict)]),
                                                 records: [record])
        #expect(notices.map(\.reason) == [.rejected(status: 0)])
    }

    @Test func stateStoreRoundTripFeedsTheNotices() throws {
        try withTemporaryDirectory { directory in
            let store = try RecordStateStore(directory: directory + "/state")
            let record = OutboxFixture.record(index: 7)
            try store.save([state(record, .conflict, status: 409).1])
            let notices = Outbox.syncConflictNotices(states: try store.loadAll().states, records: [record])
            #expect(notices.map(\.reason) == [.usernameTaken])
        }
    }
}
