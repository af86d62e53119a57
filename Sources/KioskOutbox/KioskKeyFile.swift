import KioskCore
import KioskCrypto

#if canImport(Glibc)
import Glibc
#endif

/// The kiosk's Ed25519 signing key on disk: a PKCS #8 PEM file that only its owner may read.
///
/// The file is created on first start with mode 0600 from the start (`open` with `O_CREAT|O_EXCL`
/// and mode 0600, never a `chmod` afterwards), so the key is never readable by others, not even
/// briefly. A key file that group or others may access is rejected rather than used, because a
/// copied key lets anyone forge outbox records.
public enum KioskKeyFile {
    /// File name of the key inside the data directory.
    public static let defaultFileName = "kiosk-signing-key.pem"
    /// Largest key file read; a PEM Ed25519 key is about 120 bytes.
    static let maximumFileSize = 64 * 1024
    /// Name prefix of the temporary file written before the key file is linked.
    static let temporaryPrefix = ".kiosk-key-"

    /// Loads the key at `path`, or creates and stores a new one when no file exists there.
    ///
    /// Creation is crash-safe: after a crash the file is either complete or missing. When two
    /// processes create the key at the same moment, both end up with the one that was linked first.
    /// The parent directory is created with mode 0700 when it is missing.
    /// - Throws: `KioskKeyFileError`; see `load(from:)`.
    public static func loadOrCreate(at path: String, logger: Logger) throws(KioskKeyFileError) -> Ed25519Key {
        let (directory, fileName) = split(path)
        removeAbandonedTemporaryFiles(in: directory, logger: logger)
        if access(path, F_OK) == 0 || errno != ENOENT {
            return try load(from: path)
        }
        let key: Ed25519Key
        let pem: [UInt8]
        do {
            key = try Ed25519Key.generate()
            pem = try key.privateKeyPEM()
        } catch {
            throw .generationFailed(detail: String(describing: error))
        }
        var secret = pem
        defer { wipe(&secret) }
        do {
            try DurableFile.ensureDirectory(directory)
            try DurableFile.create(secret, named: fileName, in: directory, temporaryPrefix: temporaryPrefix)
        } catch where error.errno == EEXIST && error.call == "linkat" {
            logger.info("Kiosk signing key created by another process; loading it")
            return try load(from: path)
        } catch {
            throw .createFailed(path: path, errno: error.errno, call: error.call)
        }
        logger.info("Kiosk signing key created", ["keyID": OutboxEnvelope.keyID(of: key.publicKey)])
        return key
    }

    /// Loads the key at `path` after checking the file.
    ///
    /// - Throws: `.insecurePermissions` when group or others have any access bit,
    ///   `.notARegularFile` for a directory, device or symbolic link, `.unreadable` for a failed
    ///   `open`/`read`, `.invalidKey` when the file is not an Ed25519 PEM private key.
    public static func load(from path: String) throws(KioskKeyFileError) -> Ed25519Key {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let openErrno = errno
            if openErrno == ELOOP { throw .notARegularFile(path: path) }
            throw .unreadable(path: path, errno: openErrno, call: "open")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, errno: errno, call: "fstat") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        let permissions = UInt32(status.st_mode & 0o777)
        guard permissions & 0o077 == 0 else { throw .insecurePermissions(path: path, mode: permissions) }
        var secret: [UInt8]
        do {
            secret = try DurableFile.readAll(fd: fd, path: path, maximumSize: maximumFileSize)
        } catch {
            throw .unreadable(path: path, errno: error.errno, call: error.call)
        }
        defer { wipe(&secret) }
        do {
            return try Ed25519Key(privateKeyPEM: secret)
        } catch {
            throw .invalidKey(path: path, detail: String(describing: error))
        }
    }

    /// Removes temporary key files that a crash during key creation left behind; a missing
    /// directory is fine, because then there is nothing to remove.
    private static func removeAbandonedTemporaryFiles(in directory: String, logger: Logger) {
        guard let result = try? DurableFile.removeAbandonedTemporaryFiles(in: directory, prefix: temporaryPrefix) else {
            return
        }
        if !result.removed.isEmpty {
            logger.warning("Removed temporary key files left by an interrupted key creation", ["count": String(result.removed.count)])
        }
        for failure in result.failed {
            logger.warning("Could not remove temporary key file", ["file": failure.name, "errno": String(failure.errno)])
        }
    }

    private static func split(_ path: String) -> (directory: String, fileName: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
    }
}

/// Failures to load or create the kiosk key file. Each message names the file and the fix.
public enum KioskKeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Group or others have access; `mode` is the permission bits, for example 0o644.
    case insecurePermissions(path: String, mode: UInt32)
    /// The path is a directory, device, socket or symbolic link.
    case notARegularFile(path: String)
    /// `call` failed with `errno` while reading the file.
    case unreadable(path: String, errno: Int32, call: String)
    /// The file is not an Ed25519 private key in PEM form.
    case invalidKey(path: String, detail: String)
    /// `call` failed with `errno` while creating the file.
    case createFailed(path: String, errno: Int32, call: String)
    /// libcrypto could not generate or encode a key.
    case generationFailed(detail: String)

    /// One English sentence for the log and stderr, ending with what to do.
    public var description: String {
        switch self {
        case .insecurePermissions(let path, let mode):
            "Key file \(path) is accessible by group or others (mode \(String(mode, radix: 8))); "
                + "the kiosk does not use it. Fix with: chmod 600 \(path)"
        case .notARegularFile(let path):
            "Key file \(path) is not a regular file (a directory, device or symbolic link); "
                + "replace it with the key file itself, with mode 0600."
        case .unreadable(let path, let errno, let call):
            "Key file \(path) could not be read (\(call): \(errorText(errno)))."
        case .invalidKey(let path, let detail):
            "Key file \(path) is not an Ed25519 private key in PEM form (\(detail)); "
                + "restore it from backup (a new key would make the records it signed fail verification)."
        case .createFailed(let path, let errno, let call):
            "Key file \(path) could not be created (\(call): \(errorText(errno))); check that the data directory is writable."
        case .generationFailed(let detail):
            "A new kiosk key could not be generated: \(detail)."
        }
    }
}
