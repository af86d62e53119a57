import Testing

@testable import KioskOutbox

#if canImport(Glibc)
import Glibc
#endif

@Suite struct OutboxErrorTests {
    @Test(arguments: [ENOSPC, EDQUOT])
    func spaceErrnoMapsToDiskFull(code: Int32) {
        let error = OutboxError(FileSystemFailure(errno: code, call: "write", path: "/data/outbox"))
        #expect(error == .diskFull(call: "write"))
    }

    @Test(arguments: [EACCES, EROFS, EPERM])
    func permissionErrnoMapsToNotWritable(code: Int32) {
        let error = OutboxError(FileSystemFailure(errno: code, call: "open", path: "/data/outbox"))
        #expect(error == .notWritable(path: "/data/outbox", errno: code, call: "open"))
    }

    @Test func otherErrnoMapsToIOError() {
        let error = OutboxError(FileSystemFailure(errno: EIO, call: "fsync", path: "/data/outbox"))
        #expect(error == .ioError(errno: EIO, call: "fsync"))
    }

    @Test func existingTargetOfLinkMapsToAlreadyExists() {
        let failure = FileSystemFailure(errno: EEXIST, call: "linkat", path: "2026-12-04T09:00:00Z-x.json")
        #expect(OutboxError(failure) == .alreadyExists(fileName: "2026-12-04T09:00:00Z-x.json"))
    }

    @Test func descriptionNamesCallAndErrnoText() {
        let error = OutboxError.notWritable(path: "/data/outbox", errno: EROFS, call: "open")
        #expect(error.description == "The outbox at /data/outbox is not writable (open failed: Read-only file system (errno 30)).")
    }
}
