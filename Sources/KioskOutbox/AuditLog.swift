import Foundation
import KioskCore
import KioskCrypto

#if canImport(Glibc)
import Glibc
#endif

/// The append-only, hash-chained and signed audit log of one kiosk: `audit.log` plus `audit.head`.
///
/// Each line is one `AuditEntry` as canonical JSON, signed by the kiosk key and carrying the
/// SHA-256 of the line before it. `audit.head` holds the signed sequence number and hash of the
/// last line, so cutting lines off the end is detected too (the chain alone cannot show that).
/// Appends take an exclusive `flock` on the log, so the kiosk and `kiosk sync` may append at the
/// same time. A crash during an append leaves at most a torn last line that no caller was told
/// was saved; the next append cuts it off.
public final class AuditLog: Sendable {
    /// File name of the log inside its directory.
    public static let fileName = "audit.log"
    /// File name of the signed head inside its directory.
    public static let headFileName = "audit.head"
    /// Largest log `verify` reads (about two million entries).
    static let maximumLogSize = 1 << 30

    /// The directory holding both files.
    public let directory: String
    private let signingKey: Ed25519Key
    private let publicKey: [UInt8]

    /// Prepares a log in `directory` (which must exist); nothing is written until `append`.
    public init(directory: String, signingKey: Ed25519Key) {
        self.directory = directory
        self.signingKey = signingKey
        self.publicKey = signingKey.publicKey
    }

    var logPath: String { directory + "/" + Self.fileName }

    /// Removes the head's temporary file that an append killed mid-replace left behind.
    ///
    /// It does so only under the log's lock, so an append running in another process keeps
    /// its file. Returns whether a file was removed.
    @discardableResult
    func removeAbandonedHeadReplacement() -> Bool {
        let leftover = directory + "/.replace-" + Self.headFileName + DurableFile.temporarySuffix
        guard access(leftover, F_OK) == 0 else { return false }
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return unlink(leftover) == 0 }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        return unlink(leftover) == 0
    }

    // MARK: - Appending

    /// Chains, signs and appends `entries` in order, then updates the signed head.
    ///
    /// Returns only after the lines and the head are on disk (`fsync`).
    /// - Returns: the sequence number of the last appended entry (0 when `entries` is empty).
    /// - Throws: `OutboxError` (disk full, read-only folder, signing failure). Lines already
    ///   written stay; they are valid and the head catches up with the next append.
    @discardableResult
    public func append(_ entries: [AuditEntry]) throws(OutboxError) -> Int {
        guard !entries.isEmpty else { return 0 }
        let fd = open(logPath, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutboxError(FileSystemFailure(errno: errno, call: "open", path: logPath)) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else {
            throw OutboxError(FileSystemFailure(errno: errno, call: "flock", path: logPath))
        }
        var (sequence, hash) = try lastLine(fd: fd)
        var bytes = [UInt8]()
        for var entry in entries {
            sequence += 1
            entry.sequence = sequence
            entry.previousHash = hash
            entry.signature = try sign(entry.signedBytes())
            let line = try AuditEntry.canonical(entry)
            hash = SHA256.hex(line)
            bytes += line + [0x0A]
        }
        let head = try headBytes(sequence: sequence, hash: hash)
        do throws(FileSystemFailure) {
            try DurableFile.writeAll(bytes, to: fd, path: logPath)
            guard fsync(fd) == 0 else { throw FileSystemFailure(errno: errno, call: "fsync", path: logPath) }
            try DurableFile.replace(head, named: Self.headFileName, in: directory)
        } catch {
            throw OutboxError(error)
        }
        return sequence
    }

    /// Finds the last complete line's sequence and hash, cutting off a torn tail left by a crash.
    private func lastLine(fd: Int32) throws(OutboxError) -> (sequence: Int, hash: String) {
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0 else { return (0, AuditEntry.genesisHash) }
        let window = min(size, 1 << 16)
        var tail = [UInt8](repeating: 0, count: window)
        let count = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, off_t(size - window)) }
        guard count == window else {
            throw OutboxError(FileSystemFailure(errno: count < 0 ? errno : EIO, call: "pread", path: logPath))
        }
        var end = tail.count
        if tail.last != 0x0A {
            let keep = tail.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            guard ftruncate(fd, off_t(size - window + keep)) == 0 else {
                throw OutboxError(FileSystemFailure(errno: errno, call: "ftruncate", path: logPath))
            }
            end = keep
        }
        guard end > 0 else { return (0, AuditEntry.genesisHash) }
        let start = tail[..<(end - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = Array(tail[start..<(end - 1)])
        guard let entry = try? JSONDecoder().decode(AuditEntry.self, from: Data(line)) else {
            throw .invalidRecord(field: "audit.log", reason: "the last line is not an audit entry; run kiosk outbox verify")
        }
        return (entry.sequence, SHA256.hex(line))
    }

    private func sign(_ bytes: [UInt8]) throws(OutboxError) -> String {
        do {
            return Base64URL.encode(try signingKey.sign(bytes))
        } catch {
            throw .signingFailed(detail: String(describing: error))
        }
    }

    // MARK: - Head

    /// The signed head: `{"hash": …, "sequence": …, "signature": …}`.
    private struct Head: Codable {
        var sequence: Int
        var hash: String
        var signature: String

        static func message(sequence: Int, hash: String) -> [UInt8] {
            Array("kiosk-audit-head-v1:\(sequence):\(hash)".utf8)
        }
    }

    private func headBytes(sequence: Int, hash: String) throws(OutboxError) -> [UInt8] {
        let head = Head(sequence: sequence, hash: hash, signature: try sign(Head.message(sequence: sequence, hash: hash)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let bytes = try? encoder.encode(head) else { throw .encodingFailed(detail: "audit head") }
        return Array(bytes) + [0x0A]
    }

    private func readHead() -> Head? {
        guard let bytes = try? DurableFile.readAll(directory + "/" + Self.headFileName, maximumSize: 4096),
              let head = try? JSONDecoder().decode(Head.self, from: Data(bytes)),
              let signature = Base64URL.decode(head.signature),
              Ed25519.verify(
                  signature: signature, message: Head.message(sequence: head.sequence, hash: head.hash),
                  publicKey: publicKey)
        else { return nil }
        return head
    }

    // MARK: - Verifying

    /// Checks every line (form, sequence, chain, signature) and the head, stopping at the first
    /// broken line. A torn last line without a newline (a crash during an append) is ignored.
    /// - Returns: the entries up to the first problem, and the problem (nil when the log is intact).
    public func verify() -> (entries: [AuditEntry], problem: AuditProblem?) {
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.readAll(logPath, maximumSize: Self.maximumLogSize)
        } catch {
            if error.errno == ENOENT { return ([], readHead() == nil ? nil : .truncated(headSequence: -1, lastSequence: 0)) }
            return ([], .unreadableFile(errno: error.errno))
        }
        var entries = [AuditEntry]()
        var hashes = [String]()
        var previous = AuditEntry.genesisHash
        let decoder = JSONDecoder()
        // The piece after the last newline is empty, or a torn line that no caller was told was saved.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        for (index, line) in lines.enumerated() {
            let lineNumber = index + 1
            guard let entry = try? decoder.decode(AuditEntry.self, from: Data(line)) else {
                return (entries, .unreadableEntry(line: lineNumber))
            }
            if let problem = check(entry, line: Array(line), lineNumber: lineNumber, previous: previous) {
                return (entries, problem)
            }
            previous = SHA256.hex(line)
            hashes.append(previous)
            entries.append(entry)
        }
        return (entries, checkHead(hashes: hashes))
    }

    private func check(_ entry: AuditEntry, line: [UInt8], lineNumber: Int, previous: String) -> AuditProblem? {
        guard entry.sequence == lineNumber else {
            return .sequenceGap(line: lineNumber, expected: lineNumber, found: entry.sequence)
        }
        guard entry.previousHash == previous else { return .brokenChain(line: lineNumber) }
        guard let signature = Base64URL.decode(entry.signature),
              let signed = try? entry.signedBytes(),
              (try? AuditEntry.canonical(entry)) == line,
              Ed25519.verify(signature: signature, message: signed, publicKey: publicKey)
        else { return .badSignature(line: lineNumber) }
        return nil
    }

    private func checkHead(hashes: [String]) -> AuditProblem? {
        guard let head = readHead() else {
            return hashes.isEmpty ? nil : .badHead(detail: "audit.head is missing or not signed by this kiosk")
        }
        guard head.sequence <= hashes.count else {
            return .truncated(headSequence: head.sequence, lastSequence: hashes.count)
        }
        // A head behind the log is the trace of a crash between the line fsync and the head update.
        guard head.sequence == 0 || hashes[head.sequence - 1] == head.hash else {
            return .brokenChain(line: head.sequence)
        }
        return nil
    }
}
