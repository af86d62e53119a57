import Foundation
import KioskCore
import KioskOutbox
import KioskSync
import Testing

/// Faults between the kiosk and a real scim2-server. A small Python proxy on 127.0.0.1
/// (Tests/SCIMPeer/fault_proxy.py) sits in front of the server to lose answers, fail, stall or stop.
extension SCIMServerTests {
@Suite(.timeLimit(.minutes(3)))
struct SyncFaultTests {
    @Test func answersLostAfterTheWriteAreRetriedWithoutDuplicates() throws {
        let server = try SCIMServer()
        let proxy = try server.startProxy(mode: "lose-every:3")
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<20).map { SyncRecords.record(index: $0) })

        let report = try kiosk.sync(url: proxy.url, bulk: false, attempts: 10)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(report.retried > 0)
        let users = try usersByPerson(server)
        #expect(users.count == 20)
        #expect(users.values.allSatisfy { $0.count == 1 && credentialIDs(of: $0[0]).count == 1 })
        #expect(try kiosk.states().values.allSatisfy { $0.state == .confirmed })
    }

    @Test func serverErrorsOnEveryThirdRequestStillEndWithOneUserPerPerson() throws {
        let server = try SCIMServer()
        let proxy = try server.startProxy(mode: "fail-every:3")
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<30).map { SyncRecords.record(index: $0) })

        let report = try kiosk.sync(url: proxy.url, attempts: 8)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(try usersByPerson(server).values.allSatisfy { $0.count == 1 })
        #expect(try server.allUsers().count == 30)
    }

    @Test func slowServerTimesOutThenSucceedsOnRetry() throws {
        let server = try SCIMServer()
        let proxy = try server.startProxy(mode: "slow-first:2:3")
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<5).map { SyncRecords.record(index: $0) })

        let report = try kiosk.sync(url: proxy.url, attempts: 5, timeout: 1)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(report.retried >= 1)
        #expect(try server.allUsers().count == 5)
    }

    @Test func serverStoppedMidBatchLeavesAPartialRunThatTheNextRunCompletes() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<40).map { SyncRecords.record(index: $0) })
        let proxy = try server.startProxy(mode: "exit-after:15")

        let first = try kiosk.sync(url: proxy.url, bulk: false, attempts: 2)

        #expect(first.exitStatus == SyncReport.exitPartial)
        #expect(first.failed > 0)
        guard case .unavailable = first.stopReason else {
            Issue.record("expected unavailable, got \(String(describing: first.stopReason))")
            return
        }
        try server.startProxy(mode: "pass", listenPort: proxy.port)
        let second = try kiosk.sync(url: proxy.url, bulk: false)

        #expect(second.exitStatus == SyncReport.exitDone)
        let users = try usersByPerson(server)
        #expect(users.count == 40)
        #expect(users.values.allSatisfy { $0.count == 1 })
        #expect(try kiosk.states().values.allSatisfy { $0.state == .confirmed })
    }
}
}
