import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted on a fresh directory, for real ENOSPC and EROFS errors.
///
/// Mounting needs CAP_SYS_ADMIN (root in the initial namespace, as on the project's build machine).
/// Tests that use it are enabled only where `isAvailable` is true, and their trait names the reason.
enum TmpfsMount {
    /// `true` when this process may mount a tmpfs; probed once with a real mount and unmount.
    static let isAvailable: Bool = {
        (try? withTmpfs(sizeKiB: 16) { _ in true }) ?? false
    }()

    /// Mounts a tmpfs of `sizeKiB` on a new directory, runs `body`, then unmounts and removes it.
    static func withTmpfs<R>(sizeKiB: Int, _ body: (String) throws -> R) throws -> R {
        try withTemporaryDirectory { base in
            let mountPoint = base + "/mnt"
            guard mkdir(mountPoint, 0o700) == 0 else { throw failure("mkdir") }
            guard mount("tmpfs", mountPoint, "tmpfs", 0, "size=\(sizeKiB)k,mode=0700") == 0 else {
                throw failure("mount")
            }
            defer { umount2(mountPoint, Int32(MNT_DETACH)) }
            return try body(mountPoint)
        }
    }

    /// Remounts the tmpfs at `mountPoint` read-only, so writes fail with EROFS even for root.
    static func remountReadOnly(_ mountPoint: String) throws {
        guard mount("tmpfs", mountPoint, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw failure("mount -o remount,ro")
        }
    }

    private static func failure(_ call: String) -> NSError {
        NSError(domain: "TmpfsMount", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "\(call) failed: errno \(errno)"])
    }
}
