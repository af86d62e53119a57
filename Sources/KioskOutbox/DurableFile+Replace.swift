#if canImport(Glibc)
import Glibc
#endif

extension DurableFile {
    /// Writes each `(name, bytes)` pair into `directory`, replacing files of the same name, so that
    /// after a crash at any instant every name holds either its old or its new complete content.
    ///
    /// Steps: write every temporary file (mode 0600), make their data durable with one `syncfs`
    /// (one journal commit for the whole batch instead of one `fsync` each), `renameat` each onto its
    /// final name, then `fsync` the directory once. A failure before the renames leaves every
    /// final name untouched; a failure during the renames leaves a prefix of them replaced.
    /// - Throws: `FileSystemFailure` naming the call.
    static func replaceAll(_ files: [(name: String, bytes: [UInt8])], in directory: String) throws(FileSystemFailure) {
        guard !files.isEmpty else { return }
        let directoryFD = try openDirectory(directory)
        defer { close(directoryFD) }
        var temporaryNames = [String]()
        do throws(FileSystemFailure) {
            for file in files {
                let temporaryName = ".replace-" + file.name + temporarySuffix
                temporaryNames.append(temporaryName)
                try writeUnsynced(file.bytes, named: temporaryName, in: directoryFD, directory: directory)
            }
            try syncFileSystem(of: directoryFD, files: temporaryNames, directory: directory)
            for (file, temporaryName) in zip(files, temporaryNames) {
                guard renameat(directoryFD, temporaryName, directoryFD, file.name) == 0 else {
                    throw FileSystemFailure(errno: errno, call: "renameat", path: directory)
                }
            }
        } catch {
            for name in temporaryNames { unlinkat(directoryFD, name, 0) }
            throw error
        }
        guard fsync(directoryFD) == 0 else { throw FileSystemFailure(errno: errno, call: "fsync", path: directory) }
    }

    /// Replaces one file crash-safely; see `replaceAll`.
    static func replace(_ bytes: [UInt8], named name: String, in directory: String) throws(FileSystemFailure) {
        try replaceAll([(name, bytes)], in: directory)
    }

    /// Removes temporary files that an interrupted `replaceAll` left behind (the final names are intact).
    static func removeReplaceLeftovers(in directory: String) {
        guard let names = try? entryNames(in: directory) else { return }
        for name in names where name.hasPrefix(".replace-") && name.hasSuffix(temporarySuffix) {
            unlink(directory + "/" + name)
        }
    }

    /// Glibc's `syncfs`, looked up at run time because Swift's Glibc module does not declare it
    /// (it needs `_GNU_SOURCE`); nil when the C library lacks it.
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Makes the data of `files` durable: one `syncfs` when available, else one `fsync` per file.
    private static func syncFileSystem(of directoryFD: Int32, files: [String], directory: String) throws(FileSystemFailure) {
        if let syncfs = syncfsFunction {
            guard syncfs(directoryFD) == 0 else { throw FileSystemFailure(errno: errno, call: "syncfs", path: directory) }
            return
        }
        for name in files {
            let fd = openat(directoryFD, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw FileSystemFailure(errno: errno, call: "open", path: directory) }
            defer { close(fd) }
            guard fsync(fd) == 0 else { throw FileSystemFailure(errno: errno, call: "fsync", path: directory) }
        }
    }

    private static func writeUnsynced(
        _ bytes: [UInt8], named name: String, in directoryFD: Int32, directory: String
    ) throws(FileSystemFailure) {
        let fd = openat(directoryFD, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw FileSystemFailure(errno: errno, call: "open", path: directory) }
        do throws(FileSystemFailure) {
            try writeAll(bytes, to: fd, path: directory)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw FileSystemFailure(errno: errno, call: "close", path: directory) }
    }
}

/// Crash-safe replacement of small files, for other modules such as the sync (iam-accounts.tsv).
public enum AtomicFile {
    /// Replaces `path` with `bytes` so that a crash leaves either the old or the new complete file.
    /// - Throws: `OutboxError` mapped from the failing system call.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutboxError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        do {
            try DurableFile.replace(bytes, named: name, in: directory.isEmpty ? "/" : directory)
        } catch {
            throw OutboxError(error)
        }
    }
}
