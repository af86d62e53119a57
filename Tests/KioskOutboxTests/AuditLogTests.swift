import Foundation
import KioskCore
import KioskCrypto
@testable import KioskOutbox
import Testing

struct AuditLogTests {
    private func entry(_ number: Int, event: AuditEvent = .enrollmentFailed) -> AuditEntry {
        AuditEntry(
            event: event, time: "2026-12-04T09:00:\(String(format: "%02d", number))Z", kioskID: "sp-rathaus-03",
            clerkID: "clerk-0042", enrollmentID: nil, personnelNumber: "0012345\(number % 10)", step: "touch",
            reason: "timeout")
    }

    private func withLog(_ count: Int, _ body: (AuditLog, String) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let log = AuditLog(directory: directory, signingKey: try OutboxFixture.fixedKey())
            if count > 0 { try log.append((1...count).map { entry($0) }) }
            try body(log, directory + "/" + AuditLog.fileName)
        }
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func write(_ lines: [String], _ path: String) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func appendedEntriesAreChainedSignedAndVerify() throws {
        try withLog(5) { log, path in
            try log.append([entry(6)])
            let (entries, problem) = log.verify()
            #expect(problem == nil)
            #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5, 6])
            let stored = try lines(path)
            #expect(entries[1].previousHash == SHA256.hex(Array(stored[0].utf8)))
            #expect(entries[0].previousHash == AuditEntry.genesisHash)
            #expect(!stored.joined().contains("PIN"))
        }
    }

    @Test func editedEntryIsNamedByItsLine() throws {
        try withLog(4) { log, path in
            var stored = try lines(path)
            stored[2] = stored[2].replacingOccurrences(of: "timeout", with: "success")
            try write(stored, path)
            #expect(log.verify().problem == .badSignature(line: 3))
        }
    }

    @Test func deletedEntryIsNamedByTheLineAfterIt() throws {
        try withLog(4) { log, path in
            var stored = try lines(path)
            stored.remove(at: 1)
            try write(stored, path)
            #expect(log.verify().problem == .sequenceGap(line: 2, expected: 2, found: 3))
        }
    }

    @Test func swappedEntriesAreDetected() throws {
        try withLog(4) { log, path in
            var stored = try lines(path)
            stored.swapAt(1, 2)
            try write(stored, path)
            #expect(log.verify().problem == .sequenceGap(line: 2, expected: 2, found: 3))
        }
    }

    @Test func cutOffTailIsDetectedThroughTheSignedHead() throws {
        try withLog(4) { log, path in
            try write(Array(try lines(path).prefix(2)), path)
            #expect(log.verify().problem == .truncated(headSequence: 4, lastSequence: 2))
        }
    }

    @Test func entryFromAnotherKeyIsRejected() throws {
        try withLog(2) { log, path in
            let forger = AuditLog(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                  signingKey: try Ed25519Key(rawPrivateKey: [UInt8](repeating: 9, count: 32)))
            try forger.append([entry(3)])
            #expect(log.verify().problem == .badSignature(line: 3))
        }
    }

    @Test func tornLastLineFromACrashIsIgnoredAndCutOffByTheNextAppend() throws {
        try withLog(3) { log, path in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            handle.seekToEndOfFile()
            handle.write(Data("{\"sequence\":4,\"ti".utf8))
            try handle.close()
            #expect(log.verify().problem == nil)
            try log.append([entry(4)])
            let (entries, problem) = log.verify()
            #expect(problem == nil)
            #expect(entries.count == 4)
        }
    }

    @Test func concurrentAppendsFromTwoWritersKeepOneChain() throws {
        try withTemporaryDirectory { directory in
            let key = try OutboxFixture.fixedKey()
            let logs = [AuditLog(directory: directory, signingKey: key), AuditLog(directory: directory, signingKey: key)]
            DispatchQueue.concurrentPerform(iterations: 40) { index in
                _ = try? logs[index % 2].append([entry(index)])
            }
            let (entries, problem) = logs[0].verify()
            #expect(problem == nil)
            #expect(entries.count == 40)
        }
    }

    @Test func outboxAppendAuditsTheRecordWithItsPayloadHash() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: try OutboxFixture.fixedKey(), logger: .disabled)
            let name = try outbox.append(OutboxFixture.record(index: 1))
            let (entries, _) = outbox.audit.verify()
            let recorded = try #require(entries.first)
            #expect(recorded.event == .enrollmentRecorded)
            #expect(recorded.payloadSHA256 == outbox.payloadHash(of: name))
            #expect(try outbox.verifyAudit().isClean)
        }
    }

    @Test func deletedRecordFileIsReportedByTheAuditCheck() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: try OutboxFixture.fixedKey(), logger: .disabled)
            let names = try (0..<3).map { try outbox.append(OutboxFixture.record(index: $0)) }
            try FileManager.default.removeItem(atPath: directory + "/" + names[1])
            let report = try outbox.verifyAudit()
            #expect(report.missingRecords == [OutboxFixture.record(index: 1).enrollmentID])
            let output = OutboxInspector.verify(outbox, language: .english)
            #expect(output.exitStatus == 1)
            #expect(output.text.contains("record file missing (deleted)"))
        }
    }
}

@Suite struct AuditHeadLeftoverTests {
    @Test func openingOutboxRemovesHeadLeftover() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 1))
            let leftover = directory + "/.replace-" + AuditLog.headFileName + ".tmp"
            try Data("torn".utf8).write(to: URL(fileURLWithPath: leftover))

            _ = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)

            #expect(!FileManager.default.fileExists(atPath: leftover))
            #expect(try outbox.verifyAudit().problem == nil)
        }
    }
}
