import Foundation
import KioskCore
@testable import KioskOutbox
import Testing

struct RecordStateStoreTests {
    @Test func savedStatesReadBackAndReplaceOlderOnes() throws {
        try withTemporaryDirectory { directory in
            let store = try RecordStateStore(directory: directory + "/state")
            let id = OutboxFixture.record(index: 1).enrollmentID
            try store.save([RecordState(enrollmentID: id, state: .sent, updatedAt: "t1", attempts: 1)])
            try store.save([RecordState(
                enrollmentID: id, state: .conflict, updatedAt: "t2", serverStatus: 409,
                serverAnswer: "One or more of the attribute values are already in use", attempts: 1)])
            let (states, unreadable) = try store.loadAll()
            #expect(unreadable.isEmpty)
            #expect(states[id]?.state == .conflict && states[id]?.serverStatus == 409)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/state") == [id + ".json"])
        }
    }

    @Test func damagedStateFileIsListedAndTheOthersStillLoad() throws {
        try withTemporaryDirectory { directory in
            let store = try RecordStateStore(directory: directory + "/state")
            let ids = (1...3).map { OutboxFixture.record(index: $0).enrollmentID }
            try store.save(ids.map { RecordState(enrollmentID: $0, state: .confirmed, updatedAt: "t") })
            try Data("{\"state\": \"conf".utf8).write(to: URL(fileURLWithPath: directory + "/state/" + ids[1] + ".json"))
            let (states, unreadable) = try store.loadAll()
            #expect(Set(states.keys) == [ids[0], ids[2]])
            #expect(unreadable == [ids[1] + ".json"])
        }
    }

    @Test func leftoverTemporaryFileOfAnInterruptedBatchIsRemovedOnOpen() throws {
        try withTemporaryDirectory { directory in
            let store = try RecordStateStore(directory: directory + "/state")
            let id = OutboxFixture.record(index: 1).enrollmentID
            try store.save([RecordState(enrollmentID: id, state: .sent, updatedAt: "t")])
            try Data("half".utf8).write(to: URL(fileURLWithPath: directory + "/state/.replace-\(id).json.tmp"))
            let reopened = try RecordStateStore(directory: directory + "/state")
            #expect(try reopened.loadAll().states[id]?.state == .sent)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/state") == [id + ".json"])
        }
    }

    @Test func readOnlyFolderFailsTheSaveAndKeepsTheOldState() throws {
        try TmpfsMount.withTmpfs(sizeKiB: 256) { directory in
            let store = try RecordStateStore(directory: directory + "/state")
            let id = OutboxFixture.record(index: 1).enrollmentID
            try store.save([RecordState(enrollmentID: id, state: .sent, updatedAt: "t")])
            try TmpfsMount.remountReadOnly(directory)
            #expect(throws: OutboxError.self) {
                try store.save([RecordState(enrollmentID: id, state: .confirmed, updatedAt: "t2")])
            }
            #expect(try store.loadAll().states[id]?.state == .sent)
        }
    }
}
