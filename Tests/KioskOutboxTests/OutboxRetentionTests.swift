import Foundation
import KioskCore
import KioskCrypto
@testable import KioskOutbox
import Testing

struct OutboxRetentionTests {
    private let now = ISO8601DateFormatter().date(from: "2027-03-10T00:00:00Z")!

    @Test func confirmedRecordPastRetentionBecomesASignedStubWithoutPersonalData() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: try OutboxFixture.fixedKey(), logger: .disabled)
            let old = OutboxFixture.record(index: 1)
            let waiting = OutboxFixture.record(index: 2)
            let name = try outbox.append(old)
            try outbox.append(waiting)
            let hash = try #require(outbox.payloadHash(of: name))
            let states = [
                old.enrollmentID: RecordState(enrollmentID: old.enrollmentID, state: .confirmed, updatedAt: "x", centralID: "c1"),
                waiting.enrollmentID: RecordState(enrollmentID: waiting.enrollmentID, state: .sent, updatedAt: "x"),
            ]

            #expect(try outbox.applyRetention(days: 90, now: now, states: states) == 1)

            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            for value in OutboxFixture.personalData { #expect(!text.contains(value)) }
            let entries = try outbox.records()
            let stub = try #require(entries.first?.redacted)
            #expect(entries.first?.isVerified == true && stub.payloadSHA256 == hash && stub.centralID == "c1")
            #expect(entries.last?.record == waiting)
            #expect(try outbox.verifyAudit().isClean)
            #expect(outbox.audit.verify().entries.last?.event == .recordRedacted)
        }
    }

    @Test func recordInsideTheRetentionPeriodKeepsItsData() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: try OutboxFixture.fixedKey(), logger: .disabled)
            let record = OutboxFixture.record(index: 1)
            try outbox.append(record)
            let states = [record.enrollmentID: RecordState(enrollmentID: record.enrollmentID, state: .confirmed, updatedAt: "x")]
            #expect(try outbox.applyRetention(days: 120, now: now, states: states) == 0)
            #expect(try outbox.applyRetention(days: 0, now: now, states: states) == 0)
            #expect(try outbox.records().first?.record == record)
        }
    }

    @Test func editedStubFailsVerification() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: try OutboxFixture.fixedKey(), logger: .disabled)
            let record = OutboxFixture.record(index: 1)
            let name = try outbox.append(record)
            let states = [record.enrollmentID: RecordState(enrollmentID: record.enrollmentID, state: .confirmed, updatedAt: "x")]
            _ = try outbox.applyRetention(days: 1, now: now, states: states)
            let path = directory + "/" + name
            let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "sp-rathaus-03", with: "sp-other")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
            #expect(try outbox.records().first?.problem == .tamperedPayload)
        }
    }
}
