import Foundation
import KioskCore
import KioskOutbox
import KioskSync
import Synchronization
import Testing

/// Several kiosks with their own outboxes syncing to one server at the same time, with usernames
/// that clash between different people and one person enrolled at two kiosks.
extension SCIMServerTests {
@Suite(.timeLimit(.minutes(3)))
struct SyncMultiKioskTests {
    @Test func concurrentKiosksEndWithOneUserPerPersonAndNoUserNameTwice() throws {
        let server = try SCIMServer()
        let first = try SyncKiosk(kioskID: "sp-nord")
        let second = try SyncKiosk(kioskID: "sp-sued")
        let third = try SyncKiosk(kioskID: "sp-west")
        // Persons 1-10 at the first kiosk; persons 11-15 at the second propose the same names as 1-5.
        try first.add((1...10).map { SyncRecords.record(index: $0, kiosk: "sp-nord") })
        try second.add((11...15).map {
            SyncRecords.record(index: $0, username: "joerg.mueller\($0 - 10)", kiosk: "sp-sued")
        })
        // Person 3 enrolled again at the third kiosk under the same name, person 4 under another.
        try third.add([
            SyncRecords.record(index: 3, person: 3, kiosk: "sp-west"),
            SyncRecords.record(index: 4, person: 4, username: "j.mueller4", kiosk: "sp-west"),
        ])
        let kiosks = [first, second, third]

        let reports = Mutex([SyncReport?](repeating: nil, count: 3))
        let url = server.baseURL
        DispatchQueue.concurrentPerform(iterations: 3) { position in
            let report = try? kiosks[position].sync(url: url)
            reports.withLock { $0[position] = report }
        }
        // A kiosk whose user another kiosk created meanwhile confirms it on its next run.
        for kiosk in kiosks { _ = try kiosk.sync(url: server.baseURL) }

        let users = try server.allUsers()
        let byPerson = try usersByPerson(server)
        #expect(byPerson.values.allSatisfy { $0.count == 1 })
        let names = users.compactMap { ($0["userName"] as? String)?.lowercased() }
        #expect(Set(names).count == names.count)
        let serverCredentials = Set(users.flatMap(credentialIDs(of:)))
        for kiosk in kiosks {
            for entry in try kiosk.outbox.records() {
                let record = try #require(entry.record)
                let state = try #require(try kiosk.states()[record.enrollmentID])
                #expect(state.state == .confirmed || state.state == .conflict)
                #expect((state.state == .confirmed) == serverCredentials.contains(record.credential.credentialID))
            }
        }
        // Five names are each wanted by two people, so at least five records lose. Person 4's
        // first-kiosk record may lose both its name and its person, which still counts once.
        var conflictStates = 0
        for kiosk in kiosks {
            conflictStates += try kiosk.states().values.filter { $0.state == .conflict }.count
        }
        #expect(conflictStates >= 5)
        #expect(reports.withLock { $0.allSatisfy { $0 != nil } })
    }
}
}
