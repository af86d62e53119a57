#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: its errno, its name and the file or directory it worked on.
struct FileSystemFailure: Error, Sendable, Equatable {
    let errno: Int32
    let call: String
    let path: String
}

/// Crash-safe creation and plain reading of files with POSIX calls.
///
/// `create` writes a temporary file in the target directory, syncs it, links it under its final
/// name and syncs the directory. After a crash at any instant the final name either is missing or
/// names the complete file. A crash may leave the temporary file behind; `removeAbandonedTemporaryFiles`
/// deletes such files unless a live writer still holds their lock.
enum DurableFile {
    /// Suffix of every temporary file that `create` makes.
    static let temporarySuffix = ".tmp"

    /// Creates `fileName` in `directory` containing exactly `bytes`, with mode 0600.
    ///
    /// Steps: `openat(O_CREAT|O_EXCL, 0600)` a temporary name that starts with `temporaryPrefix`,
    /// take an exclusive `flock` on it, write everything, `fsync`, `linkat` to `fileName`, unlink
    /// the temporary name, `close` (which drops the lock) and `fsync` the directory. The lock is held
    /// until the temporary name is gone, so a cleaner in another process never removes it mid-write.
    /// `linkat` is used in place of `rename` because it fails with `EEXIST` and so never replaces
    /// an existing file. On any failure the temporary file is removed, and `fileName` is removed
    /// again if it was linked before a later step failed, so a failure leaves the directory as it was.
    /// - Throws: `FileSystemFailure` naming the call; for `linkat` with `EEXIST` its path is `fileName`.
    static func create(
        _ bytes: [UInt8], named fileName: String, in directory: String, temporaryPrefix: String
    ) throws(FileSystemFailure) {
        let directoryFD = try openDirectory(directory)
        defer { close(directoryFD) }
        let (temporaryName, fd) = try createLockedTemporaryFile(in: directoryFD, directory: directory, prefix: temporaryPrefix)
        do throws(FileSystemFailure) {
            try writeAll(bytes, to: fd, path: directory)
            guard fsync(fd) == 0 else { throw FileSystemFailure(errno: errno, call: "fsync", path: directory) }
            guard linkat(directoryFD, temporaryName, directoryFD, fileName, 0) == 0 else {
                throw FileSystemFailure(errno: errno, call: "linkat", path: errno == EEXIST ? fileName : directory)
            }
        } catch {
            unlinkat(directoryFD, temporaryName, 0)
            close(fd)
            throw error
        }
        // A failed unlink only leaves a temporary file that the next open removes.
        unlinkat(directoryFD, temporaryName, 0)
        // close(2) may report a deferred write error on some file systems (NFS), so check it.
        let closeStatus = close(fd)
        let closeErrno = errno
        guard closeStatus == 0 else {
            unlinkat(directoryFD, fileName, 0)
            throw FileSystemFailure(errno: closeErrno, call: "close", path: directory)
        }
        guard fsync(directoryFD) == 0 else {
            let syncErrno = errno
            unlinkat(directoryFD, fileName, 0)
            throw FileSystemFailure(errno: syncErrno, call: "fsync", path: directory)
        }
    }

    /// Opens `directory` for `*at` calls and `fsync`. The caller closes the descriptor.
    static func openDirectory(_ directory: String) throws(FileSystemFailure) -> Int32 {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemFailure(errno: errno, call: "open", path: directory) }
        return fd
    }

    /// Creates the directory with mode 0700 unless it exists, then syncs its parent.
    ///
    /// An existing directory is checked with `stat` first, so that opening an outbox on a
    /// read-only file system works.
    static func ensureDirectory(_ directory: String) throws(FileSystemFailure) {
        var status = stat()
        if stat(directory, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw FileSystemFailure(errno: ENOTDIR, call: "stat", path: directory)
            }
            return
        }
        guard errno == ENOENT else { throw FileSystemFailure(errno: errno, call: "stat", path: directory) }
        guard mkdir(directory, 0o700) == 0 else {
            throw FileSystemFailure(errno: errno, call: "mkdir", path: directory)
        }
        try syncParent(of: directory)
    }

    /// Reads a whole regular file of at most `maximumSize` bytes.
    /// - Throws: `FileSystemFailure`; a larger file fails with `EFBIG` and the call "read".
    static func readAll(_ path: String, maximumSize: Int) throws(FileSystemFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw FileSystemFailure(errno: errno, call: "open", path: path) }
        defer { close(fd) }
        return try readAll(fd: fd, path: path, maximumSize: maximumSize)
    }

    /// Reads from `fd` until end of file, failing with `EFBIG` past `maximumSize` bytes.
    static func readAll(fd: Int32, path: String, maximumSize: Int) throws(FileSystemFailure) -> [UInt8] {
        var result = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemFailure(errno: errno, call: "read", path: path)
            }
            if count == 0 { return result }
            guard result.count + count <= maximumSize else {
                throw FileSystemFailure(errno: EFBIG, call: "read", path: path)
            }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Names of the entries in `directory`, without "." and "..", in no particular order.
    static func entryNames(in directory: String) throws(FileSystemFailure) -> [String] {
        guard let stream = opendir(directory) else {
            throw FileSystemFailure(errno: errno, call: "opendir", path: directory)
        }
        defer { closedir(stream) }
        var names = [String]()
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes temporary files named `<prefix>…<suffix>` that no live writer holds locked.
    ///
    /// A writer keeps an exclusive `flock` on its temporary file until it is linked. The kernel drops
    /// that lock when the writer dies, also on `kill -9`. So a file whose lock this call can take is
    /// abandoned, and a locked one belongs to a write in progress (another process) and stays.
    /// - Returns: the names removed, and for each file that could not be removed its name and errno.
    static func removeAbandonedTemporaryFiles(
        in directory: String, prefix: String
    ) throws(FileSystemFailure) -> (removed: [String], failed: [(name: String, errno: Int32)]) {
        let directoryFD = try openDirectory(directory)
        defer { close(directoryFD) }
        var removed = [String]()
        var failed = [(name: String, errno: Int32)]()
        let candidates = try entryNames(in: directory).filter { $0.hasPrefix(prefix) && $0.hasSuffix(temporarySuffix) }
        for name in candidates.sorted() {
            let fd = openat(directoryFD, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else {
                if errno != ENOENT { failed.append((name, errno)) }
                continue
            }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            if unlinkat(directoryFD, name, 0) == 0 {
                removed.append(name)
            } else {
                failed.append((name, errno))
            }
        }
        if !removed.isEmpty { fsync(directoryFD) }
        return (removed, failed)
    }

    // MARK: - Private steps

    /// Creates a new temporary file, locks it and checks that no cleaner unlinked it meanwhile.
    ///
    /// A cleaner that took the lock between `openat` and `flock` may have unlinked the file. The link
    /// count is then zero, so the next name is tried.
    private static func createLockedTemporaryFile(
        in directoryFD: Int32, directory: String, prefix: String
    ) throws(FileSystemFailure) -> (name: String, fd: Int32) {
        for _ in 0..<8 {
            let name = prefix + randomHex() + temporarySuffix
            let fd = openat(directoryFD, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else {
                if errno == EEXIST { continue }
                throw FileSystemFailure(errno: errno, call: "open", path: directory)
            }
            var status = stat()
            guard flock(fd, LOCK_EX) == 0, fstat(fd, &status) == 0 else {
                let lockErrno = errno
                close(fd)
                unlinkat(directoryFD, name, 0)
                throw FileSystemFailure(errno: lockErrno, call: "flock", path: directory)
            }
            if status.st_nlink > 0 { return (name, fd) }
            close(fd)
        }
        throw FileSystemFailure(errno: EEXIST, call: "open", path: directory)
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(FileSystemFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystemFailure(errno: errno, call: "write", path: path)
            }
            offset += written
        }
    }

    private static func syncParent(of directory: String) throws(FileSystemFailure) {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let parent = trimmed.lastIndex(of: "/").map { String(trimmed[..<$0]) } ?? "."
        let fd = try openDirectory(parent.isEmpty ? "/" : parent)
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileSystemFailure(errno: errno, call: "fsync", path: parent) }
    }

    private static func randomHex() -> String {
        let value = UInt64.random(in: UInt64.min...UInt64.max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
