import Foundation
import KioskCore
import KioskOutbox
import KioskSync
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The sync against a real scim2-server on 127.0.0.1 (started per test, in memory).
extension SCIMServerTests {
@Suite(.timeLimit(.minutes(3)))
struct SyncEngineTests {
    @Test func newAccountsBecomeOneUserEachAndTheAccountListIsWritten() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<25).map { SyncRecords.record(index: $0) })

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(report.confirmed == 25)
        #expect(report.conflicts.isEmpty)
        #expect(report.failed == 0)
        let users = try usersByPerson(server)
        #expect(users.count == 25)
        #expect(users.values.allSatisfy { $0.count == 1 })
        let states = try kiosk.states()
        #expect(states.count == 25)
        #expect(states.values.allSatisfy { $0.state == .confirmed && $0.centralID != nil })
        let list = try String(contentsOfFile: kiosk.accountsPath, encoding: .utf8).split(separator: "\n")
        #expect(list.first == "userName\temployeeNumber")
        #expect(list.count == 26)
        #expect(list.contains("joerg.mueller7\t00700007"))
        let user = try #require(users["00700003"]?.first)
        #expect(user["externalId"] as? String == "00700003")
        #expect((user["name"] as? [String: Any])?["familyName"] as? String == "Müller-Weiß")
        #expect(credentialIDs(of: user) == [SyncRecords.record(index: 3).credential.credentialID])
    }

    @Test func aRerunSendsNothingAndCreatesNoDuplicate() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<10).map { SyncRecords.record(index: $0) })
        _ = try kiosk.sync(url: server.baseURL)

        let second = try kiosk.sync(url: server.baseURL)

        #expect(second.sent == 0)
        #expect(second.exitStatus == SyncReport.exitDone)
        #expect(try server.allUsers().count == 10)
    }

    @Test func withoutBulkEachUserIsItsOwnRequestWithTheSameResult() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<12).map { SyncRecords.record(index: $0) })

        let report = try kiosk.sync(url: server.baseURL, bulk: false)

        #expect(report.confirmed == 12)
        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(try usersByPerson(server).values.allSatisfy { $0.count == 1 })
    }

    @Test func sentStateWithoutAnswerIsLookedUpAndConfirmedWithoutResending() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        let record = SyncRecords.record(index: 1)
        try kiosk.add([record])
        // The request went out and reached the server, then the kiosk died before the answer.
        #expect(try server.post(user: SCIMUserMapper.user(for: record)) == 201)
        try kiosk.outbox.stateStore().save([
            RecordState(enrollmentID: record.enrollmentID, state: .sent, updatedAt: "2026-12-04T20:00:00Z", attempts: 1),
        ])

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.sent == 0)
        #expect(report.confirmed == 1)
        #expect(try server.allUsers().count == 1)
    }

    @Test func additionalAndReplacementKeysArePatchedOntoTheExistingUser() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        let first = SyncRecords.record(index: 1, person: 5)
        let additional = SyncRecords.record(index: 2, person: 5, kind: .additionalKey)
        let replacement = SyncRecords.record(
            index: 3, person: 5, kind: .replacementKey, replaces: [first.credential.credentialID])
        try kiosk.add([first, additional, replacement])

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.confirmed == 3)
        #expect(report.exitStatus == SyncReport.exitDone)
        let users = try server.allUsers()
        let user = try #require(users.first)
        #expect(users.count == 1)
        #expect(Set(credentialIDs(of: user)) == Set([first, additional, replacement].map(\.credential.credentialID)))
        let fido = user[SCIMSchema.fido2] as? [String: Any]
        #expect(fido?["revokeCredentialIds"] as? [String] == [first.credential.credentialID])
        #expect(Set(try kiosk.states().values.compactMap(\.centralID)) == [user["id"] as? String])
    }

    @Test func personWithOtherAccountIsMarkedAsLocalConflict() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        let existing = SyncRecords.record(index: 90, person: 1, username: "j.mueller-alt")
        #expect(try server.post(user: SCIMUserMapper.user(for: existing)) == 201)
        let again = SyncRecords.record(index: 1, person: 1, username: "joerg.mueller")
        try kiosk.add([again])

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.conflicts.count == 1)
        let state = try #require(try kiosk.states()[again.enrollmentID])
        #expect(state.state == .conflict)
        #expect(state.localReason == SyncConflictNotice.localReasonOtherAccount)
        let notices = Outbox.syncConflictNotices(states: try kiosk.states(), records: [again])
        #expect(notices.map(\.reason) == [.personHasOtherAccount], "the clerk must not read 'username taken' here")
        #expect(try server.allUsers().count == 1, "no second account for the same person")
    }

    @Test func takenUserNameBecomesAConflictWithTheServersAnswerAndIsNotRenamed() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        let other = SyncRecords.record(index: 90, person: 90, username: "anna.weiss")
        #expect(try server.post(user: SCIMUserMapper.user(for: other)) == 201)
        let clash = SyncRecords.record(index: 1, person: 1, username: "Anna.Weiss")
        try kiosk.add([clash, SyncRecords.record(index: 2)])

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(report.confirmed == 1)
        let conflict = try #require(report.conflicts.first)
        #expect(conflict.status == 409)
        #expect(conflict.enrollmentID == clash.enrollmentID)
        let state = try #require(try kiosk.states()[clash.enrollmentID])
        #expect(state.state == .conflict)
        #expect(state.serverStatus == 409)
        #expect(state.serverAnswer?.contains("uniqueness") == true)
        let names = try server.allUsers().compactMap { $0["userName"] as? String }
        #expect(names.sorted() == ["anna.weiss", "joerg.mueller2"])
        #expect(try kiosk.sync(url: server.baseURL).sent == 0)
    }

    @Test func wrongTokenStopsWithAConfigurationErrorAndChangesNothing() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        try kiosk.add([SyncRecords.record(index: 1)])
        try Data("not-the-token\n".utf8).write(to: URL(fileURLWithPath: kiosk.tokenPath))

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.exitStatus == SyncReport.exitConfiguration)
        guard case .notAuthorized(401, _) = report.stopReason else {
            Issue.record("expected 401, got \(String(describing: report.stopReason))")
            return
        }
        #expect(try kiosk.states().isEmpty)
        #expect(try server.allUsers().isEmpty)
    }

    @Test func damagedRecordIsQuarantinedAndTheOthersAreSynced() throws {
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<3).map { SyncRecords.record(index: $0) })
        let damaged = try #require(try kiosk.outbox.records().first?.fileName)
        try Data("{\"format\": \"kiosk-outbox-v1\"".utf8).write(to: URL(fileURLWithPath: kiosk.outbox.directory + "/" + damaged))

        let report = try kiosk.sync(url: server.baseURL)

        #expect(report.quarantined == 1)
        #expect(report.confirmed == 2)
        #expect(report.exitStatus == SyncReport.exitDone)
        let reason = try String(contentsOfFile: kiosk.outbox.quarantineDirectory + "/" + damaged + ".reason", encoding: .utf8)
        #expect(reason == "unreadable-json\n")
        #expect(try kiosk.outbox.verifyAudit().missingRecords.isEmpty)
    }
}
}

extension SCIMServerTests {
    @Suite struct SyncLockTests {
        @Test func secondRunWhileOneHoldsTheLockWaitsForLater() throws {
            let server = try SCIMServer()
            let kiosk = try SyncKiosk()
            try kiosk.add([SyncRecords.record(index: 1)])
            let fd = open(kiosk.outbox.directory + "/sync.lock", O_RDWR | O_CREAT, 0o600)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)

            let report = try kiosk.sync(url: server.baseURL)

            #expect(report.exitStatus == SyncReport.exitPartial)
            #expect(report.stopReason == .unavailable(detail: "another kiosk sync is running on this outbox"))
            #expect(try server.allUsers().isEmpty)
        }
    }
}
