import Foundation
import KioskCore
import KioskOutbox
import KioskTestSupport
import Testing

/// Runs the kiosk binary in demo mode: an enrollment the IAM rejected the night before (409,
/// username taken) appears to the clerk after sign-in the next day, and again on F4.
@Suite(.serialized) struct SyncConflictEndToEndTests {
    @Test func rejectedEnrollmentShowsAfterSignIn() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.walkToNewPerson()
        try kiosk.setNewPINAndSave("4711abc")
        let record = try kiosk.record(in: try #require(kiosk.outboxFiles().first))

        // What `kiosk sync` stores when the IAM returns 409 (uniqueness) for the userName.
        let store = try RecordStateStore(directory: kiosk.outboxDirectory + "/state")
        try store.save([RecordState(
            enrollmentID: record.enrollmentID, state: .conflict, updatedAt: "2026-12-05T02:00:00Z",
            serverStatus: 409, serverAnswer: "userName \(record.account.username) is already in use", attempts: 1)])
        try kiosk.restartKiosk()

        let welcome = try kiosk.screen().capture()
        #expect(!welcome.contains(record.account.username), "the walk-in employee never sees the list")
        #expect(!welcome.contains("Konflikt"))
        try kiosk.press("Enter")
        try kiosk.waitFor("Sachbearbeitung")
        try kiosk.type("clerk-e2e")
        let list = try kiosk.waitFor("Konflikt 1 von 1")
        #expect(list.contains("Von der IT nicht übernommene Einrichtungen: 1"))
        #expect(list.contains("Benutzername bereits vergeben"))
        #expect(list.contains(record.account.username))
        #expect(list.contains(record.enrollmentID))
        #expect(list.contains("Yılmaz-Großkopf"))
        #expect(list.contains("IT-Service"))
        #expect(!list.contains("already in use"), "the clerk reads a plain reason, not the server's text")

        try kiosk.press("Enter")
        let lookup = try kiosk.waitFor("Person suchen")
        #expect(lookup.contains("F4 Konflikte"))
        try kiosk.press("F4")
        try kiosk.waitFor("Konflikt 1 von 1")
        try kiosk.press("Enter")
        try kiosk.waitFor("Person suchen")

        let log = kiosk.log()
        #expect(log.contains("sync conflicts shown"))
        #expect(!log.contains("Yılmaz"), "names never reach the log")
        #expect(!log.contains(record.account.username))
    }

    @Test func withoutConflictsSignInLeadsToTheLookup() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.press("Enter")
        try kiosk.waitFor("Sachbearbeitung")
        try kiosk.type("clerk-e2e")
        let lookup = try kiosk.waitFor("Person suchen")
        #expect(!lookup.contains("F4"))
        #expect(lookup.contains("Tab"))
    }
}

extension KioskFixture {
    /// Ends the running kiosk (as at closing time) and starts it again on the same data.
    func restartKiosk() throws {
        try screen().close()
        try startKiosk()
    }
}
