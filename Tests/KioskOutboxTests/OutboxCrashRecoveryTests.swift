import Foundation
import KioskCore
import KioskCrypto
import Testing

@testable import KioskOutbox

#if canImport(Glibc)
import Glibc
#endif

/// What the outbox finds after a crash.
///
/// Most tests here build the on-disk state that a crash at one step of `append` leaves behind
/// (they simulate the crash by writing those files directly), then open the outbox and check the
/// result. `killDuringAppendsLeavesOnlyWholeRecords` is the one real crash: it runs this test binary
/// again as a child process that appends in a loop and kills it with SIGKILL.
@Suite struct OutboxCrashRecoveryTests {
    @Test func partialTemporaryFileIsRemovedOnOpen() throws {
        try withTemporaryDirectory { directory in
            let stored = try appendRecords(count: 2, in: directory)
            // Simulated crash in the middle of write(2): half an envelope under a temporary name.
            let envelope = try OutboxEnvelope.seal(OutboxFixture.record(index: 9), with: OutboxFixture.fixedKey()).encoded()
            try Data(envelope.prefix(envelope.count / 2)).write(to: URL(fileURLWithPath: directory + "/.outbox-00000000deadbeef.tmp"))

            let handler = RecordingLogHandler()
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: handler.logger())
            #expect(try temporaryFiles(in: directory).isEmpty)
            #expect(try outbox.records().map(\.fileName) == stored)
            #expect(try outbox.verify().isClean)
            let warnings = handler.lines.filter { $0.contains("warning") && $0.contains("Removed temporary outbox files") }
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("count=1") == true)
            for word in OutboxFixture.personalData {
                #expect(!handler.lines.contains { $0.contains(word) }, "log contains \(word)")
            }
        }
    }

    @Test func completeTemporaryFileNotYetLinkedLeavesNoRecord() throws {
        try withTemporaryDirectory { directory in
            // Simulated crash after fsync of the temporary file and before linkat: the record was
            // never reported as saved, so "nothing" is the correct result.
            let envelope = try OutboxEnvelope.seal(OutboxFixture.record(index: 1), with: OutboxFixture.fixedKey()).encoded()
            try Data(envelope).write(to: URL(fileURLWithPath: directory + "/.outbox-0000000000000001.tmp"))

            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            #expect(try outbox.records().isEmpty)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }

    @Test func linkedRecordWithLeftoverTemporaryNameIsKept() throws {
        try withTemporaryDirectory { directory in
            // Simulated crash between linkat and unlinking the temporary name: both names exist.
            let stored = try appendRecords(count: 1, in: directory)
            let temporaryPath = directory + "/.outbox-0000000000000002.tmp"
            #expect(link(directory + "/" + stored[0], temporaryPath) == 0)

            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            #expect(try outbox.records().map(\.fileName) == stored)
            #expect(try outbox.verify().isClean)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }

    @Test func recordLinkedWithoutDirectorySyncLoadsWhole() throws {
        try withTemporaryDirectory { directory in
            // Simulated crash after linkat and before the directory fsync. The file data was synced
            // before the link, so if the directory entry survived, the file is complete. Here it is
            // written with plain Data.write (no fsync at all) to stand for that surviving entry.
            // If the entry did not survive, the outcome is an empty outbox, as in the test above.
            let record = OutboxFixture.record(index: 3)
            let fileName = try Outbox.fileName(for: record)
            let envelope = try OutboxEnvelope.seal(record, with: OutboxFixture.fixedKey()).encoded()
            try Data(envelope).write(to: URL(fileURLWithPath: directory + "/" + fileName))

            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let entries = try outbox.records()
            #expect(entries.map(\.record) == [record])
            #expect(entries.map(\.isVerified) == [true])
        }
    }

    @Test func lockedTemporaryFileOfLiveWriterStays() throws {
        try withTemporaryDirectory { directory in
            // A write in progress in another process holds an flock on its temporary file. A second
            // open file description in this process conflicts with flock just as another process does.
            let temporaryPath = directory + "/.outbox-00000000000000aa.tmp"
            let writerFD = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            try #require(writerFD >= 0)
            #expect(flock(writerFD, LOCK_EX) == 0)

            _ = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            #expect(try temporaryFiles(in: directory) == [".outbox-00000000000000aa.tmp"])

            close(writerFD)
            _ = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }

    @Test func unrelatedFilesAreNeitherRemovedNorListed() throws {
        try withTemporaryDirectory { directory in
            let stored = try appendRecords(count: 1, in: directory)
            for name in ["notes.tmp", ".kiosk-key-0000000000000001.tmp", "README.txt", ".hidden.json"] {
                try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
            }
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            #expect(try outbox.records().map(\.fileName) == stored)
            let remaining = try FileManager.default.contentsOfDirectory(atPath: directory)
            let expected = stored + ["notes.tmp", ".kiosk-key-0000000000000001.tmp", "README.txt", ".hidden.json"]
            #expect(Set(remaining) == Set(expected + [AuditLog.fileName, AuditLog.headFileName]))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func killDuringAppendsLeavesOnlyWholeRecords() throws {
        try withTemporaryDirectory { directory in
            // Each round kills a child at a random point of its append loop. Measured on the build
            // machine (ext4, 20 rounds), about one kill in four left a temporary file, so eight rounds
            // leave at least one interrupted write most of the time. The simulated-state tests above
            // cover each crash step deterministically.
            for round in 0..<8 {
                let status = try runCrashChild(directory: directory, startIndex: 1000 * (round + 1), killAfterRecords: 5)
                #expect(status.killedBySIGKILL, "child ended on its own (status \(status.raw)) before it was killed")
            }
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let report = try outbox.verify()
            #expect(report.checkedFileCount >= 40)
            #expect(report.failures.isEmpty)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }

    /// The child side of `killDuringAppendsLeavesOnlyWholeRecords`. It runs only when the parent
    /// starts this binary with `KIOSK_OUTBOX_CRASH_CHILD_DIR` set, and appends until killed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[crashChildDirectoryVariable] != nil))
    func crashChildAppendsUntilKilled() throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try #require(environment[crashChildDirectoryVariable])
        let start = Int(environment[crashChildStartVariable] ?? "") ?? 0
        let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
        for index in start..<(start + crashChildMaximumRecords) {
            try outbox.append(OutboxFixture.record(index: index))
        }
    }
}

private let crashChildDirectoryVariable = "KIOSK_OUTBOX_CRASH_CHILD_DIR"
private let crashChildStartVariable = "KIOSK_OUTBOX_CRASH_CHILD_START"
/// The child stops on its own after this many records, so a parent that never kills it still ends.
private let crashChildMaximumRecords = 3000

/// Appends `count` records with the fixed key and returns their file names in order.
private func appendRecords(count: Int, in directory: String) throws -> [String] {
    let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
    return try (0..<count).map { try outbox.append(OutboxFixture.record(index: $0)) }
}

/// How a child process ended, from `waitpid`.
private struct ChildStatus {
    let raw: Int32
    var killedBySIGKILL: Bool { raw & 0x7f == SIGKILL }
}

/// Starts this test binary as a child that runs only `crashChildAppendsUntilKilled`, waits until
/// `killAfterRecords` more record files exist, sends SIGKILL and reaps the child.
private func runCrashChild(directory: String, startIndex: Int, killAfterRecords: Int) throws -> ChildStatus {
    let before = try recordFileCount(in: directory)
    let pid = try spawnSelf(
        arguments: ["--testing-library", "swift-testing", "--filter", "crashChildAppendsUntilKilled"],
        extraEnvironment: [crashChildDirectoryVariable: directory, crashChildStartVariable: String(startIndex)])
    var waited = 0
    while try recordFileCount(in: directory) < before + killAfterRecords && waited < 30_000 {
        usleep(2_000)
        waited += 2
    }
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return ChildStatus(raw: status)
}

private func recordFileCount(in directory: String) throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.count
}

/// Runs `/proc/self/exe` (this test binary) with `arguments`, stdout and stderr sent to /dev/null.
private func spawnSelf(arguments: [String], extraEnvironment: [String: String]) throws -> pid_t {
    var environment = ProcessInfo.processInfo.environment
    environment.merge(extraEnvironment) { $1 }
    let executable = "/proc/self/exe"
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    return pid
}
