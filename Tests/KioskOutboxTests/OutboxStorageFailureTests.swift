import Foundation
import KioskCore
import KioskCrypto
import Testing

@testable import KioskOutbox

#if canImport(Glibc)
import Glibc
#endif

/// Real storage failures on a small tmpfs: a full disk (ENOSPC), a read-only remount (EROFS) and
/// an immutable directory (EPERM). The tests run as root, which ignores mode bits, so a `chmod 0500`
/// directory would not fail. The read-only mount and the immutable flag fail for root too.
@Suite(.enabled(if: TmpfsMount.isAvailable, "mounting a tmpfs needs CAP_SYS_ADMIN"))
struct OutboxStorageFailureTests {
    @Test func fullDiskThrowsDiskFullAndKeepsEarlierRecords() throws {
        try TmpfsMount.withTmpfs(sizeKiB: 64) { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let stored = try (0..<2).map { try outbox.append(OutboxFixture.record(index: $0)) }
            let filler = try fillFileSystem(directory + "/filler")
            defer { close(filler) }

            #expect(throws: OutboxError.diskFull(call: "write")) { try outbox.append(OutboxFixture.record(index: 2)) }
            let report = try outbox.verify()
            #expect(report == OutboxVerificationReport(checkedFileCount: 2, failures: []))
            #expect(try outbox.records().map(\.fileName) == stored)
            #expect(try temporaryFiles(in: directory).isEmpty)

            #expect(ftruncate(filler, 0) == 0)
            #expect(throws: Never.self) { try outbox.append(OutboxFixture.record(index: 2)) }
        }
    }

    @Test func recordThatFitsOnlyPartlyLeavesNoTemporaryFile() throws {
        try TmpfsMount.withTmpfs(sizeKiB: 64) { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 0))
            let filler = try fillFileSystem(directory + "/filler")
            defer { close(filler) }
            // Free one 4 KiB page. The record, with its attestation grown to 8000 bytes, is over
            // 10 KiB, so write(2) stores the first page and then hits ENOSPC.
            var status = stat()
            #expect(fstat(filler, &status) == 0)
            #expect(ftruncate(filler, status.st_size - 4096) == 0)
            var record = OutboxFixture.record(index: 1)
            record.credential.attestationObject = Base64URL.encode([UInt8](repeating: 0x5A, count: 8000))

            #expect(throws: OutboxError.diskFull(call: "write")) { try outbox.append(record) }
            #expect(try temporaryFiles(in: directory).isEmpty)
            #expect(try outbox.verify() == OutboxVerificationReport(checkedFileCount: 1, failures: []))
        }
    }

    @Test func diskFullIsLoggedWithCallAndErrno() throws {
        try TmpfsMount.withTmpfs(sizeKiB: 64) { directory in
            let handler = RecordingLogHandler()
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: handler.logger())
            let filler = try fillFileSystem(directory + "/filler")
            defer { close(filler) }
            #expect(throws: OutboxError.self) { try outbox.append(OutboxFixture.record(index: 0)) }
            let errors = handler.lines.filter { $0.contains("Outbox record not saved") }
            #expect(errors.count == 1)
            #expect(errors.first?.contains("call=write") == true)
            #expect(errors.first?.contains("errno=\(ENOSPC)") == true)
        }
    }

    @Test func readOnlyMountThrowsNotWritableAndStillReads() throws {
        try TmpfsMount.withTmpfs(sizeKiB: 256) { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let stored = try outbox.append(OutboxFixture.record(index: 0))
            try Data("partial".utf8).write(to: URL(fileURLWithPath: directory + "/.outbox-00000000000000ff.tmp"))
            try TmpfsMount.remountReadOnly(directory)

            #expect(throws: OutboxError.notWritable(path: directory, errno: EROFS, call: "open")) {
                try outbox.append(OutboxFixture.record(index: 1))
            }
            let handler = RecordingLogHandler()
            let reopened = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: handler.logger())
            #expect(try reopened.records().map(\.fileName) == [stored])
            #expect(try reopened.verify().isClean)
            let warnings = handler.lines.filter { $0.contains("Could not remove temporary outbox file") }
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("errno=\(EROFS)") == true)
        }
    }

    @Test func immutableDirectoryThrowsNotWritableWithEPERM() throws {
        try TmpfsMount.withTmpfs(sizeKiB: 256) { base in
            let directory = base + "/outbox"
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 0))
            try setImmutable(directory, true)
            defer { try? setImmutable(directory, false) }

            #expect(throws: OutboxError.notWritable(path: directory, errno: EPERM, call: "open")) {
                try outbox.append(OutboxFixture.record(index: 1))
            }
            #expect(try outbox.verify() == OutboxVerificationReport(checkedFileCount: 1, failures: []))
        }
    }
}

/// Writes zeros to a new file at `path` until the file system reports ENOSPC, and returns its descriptor.
private func fillFileSystem(_ path: String) throws -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    try #require(fd >= 0)
    let chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let written = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            try #require(errno == ENOSPC, "filling the tmpfs failed with errno \(errno)")
            return fd
        }
    }
}

/// `FS_IOC_GETFLAGS` and `FS_IOC_SETFLAGS` from <linux/fs.h>, computed from `_IOR('f', 1, long)` and
/// `_IOW('f', 2, long)` for 64-bit Linux, because the C macros do not import into Swift.
private let getFlagsRequest: UInt = 0x8008_6601
private let setFlagsRequest: UInt = 0x4008_6602
private let immutableFlag = 0x10

/// Sets or clears the immutable attribute, as `chattr +i` does. On a kernel whose tmpfs lacks
/// attribute support, `#require` fails with the ioctl's errno.
private func setImmutable(_ path: String, _ immutable: Bool) throws {
    let fd = open(path, O_RDONLY | O_DIRECTORY)
    try #require(fd >= 0)
    defer { close(fd) }
    var flags = 0
    try #require(ioctl(fd, getFlagsRequest, &flags) == 0, "FS_IOC_GETFLAGS failed with errno \(errno)")
    flags = immutable ? flags | immutableFlag : flags & ~immutableFlag
    try #require(ioctl(fd, setFlagsRequest, &flags) == 0, "FS_IOC_SETFLAGS failed with errno \(errno)")
}
