import Testing
@testable import KioskCore

@Suite("SyncConflictNotice")
struct SyncConflictNoticeTests {
    private func notice(at time: String) -> SyncConflictNotice {
        SyncConflictNotice(enrollmentID: "e", enrolledAt: time, username: "u", displayName: "Ä", reason: .usernameTaken)
    }

    @Test func status409MeansTheUsernameIsTaken() {
        #expect(SyncConflictNotice.reason(forStatus: 409) == .usernameTaken)
    }

    @Test func otherStatusesAreRefusalsWithTheStatus() {
        #expect(SyncConflictNotice.reason(forStatus: 400) == .rejected(status: 400))
        #expect(SyncConflictNotice.reason(forStatus: 404) == .rejected(status: 404))
        #expect(SyncConflictNotice.reason(forStatus: nil) == .rejected(status: 0))
    }

    @Test func timeIsShownInGermanOrderWithItsZone() {
        #expect(notice(at: "2026-12-03T09:14:27Z").enrolledAtText == "03.12.2026 09:14 UTC")
        #expect(notice(at: "2026-01-31T23:59:00.123Z").enrolledAtText == "31.01.2026 23:59 UTC")
    }

    @Test func timeThatIsNotISOIsShownAsStored() {
        #expect(notice(at: "gestern").enrolledAtText == "gestern")
        #expect(notice(at: "").enrolledAtText == "")
        #expect(notice(at: "2026/12/03 09:14:27").enrolledAtText == "2026/12/03 09:14:27")
    }

    @Test func localDecisionsHaveTheirOwnReasons() {
        #expect(SyncConflictNotice.reason(forStatus: 409, localReason: SyncConflictNotice.localReasonOtherAccount)
            == .personHasOtherAccount)
        #expect(SyncConflictNotice.reason(forStatus: 404, localReason: SyncConflictNotice.localReasonNoAccount)
            == .noAccountForKey)
        #expect(SyncConflictNotice.reason(forStatus: 409, localReason: nil) == .usernameTaken)
    }
}
