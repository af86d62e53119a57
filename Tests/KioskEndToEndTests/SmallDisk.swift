import Foundation

/// A tiny tmpfs mounted over a folder, so a test can fill the disk under the kiosk for real.
/// Mounting needs root; `problem` contains the reason when it failed.
struct SmallDisk {
    let path: String
    private(set) var isMounted = false
    private(set) var problem = ""

    init(path: String, kilobytes: Int) {
        self.path = path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try? runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        isMounted = result?.status == 0
        problem = result?.output ?? "mount could not be started"
    }

    /// Writes a file until the disk is full and returns its path.
    func fill() throws -> String {
        let filler = path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
        defer { try? handle.close() }
        let chunk = Data(repeating: 0x5A, count: 4096)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        return filler
    }

    func unmount() {
        _ = try? runProgram("/bin/umount", ["-l", path])
    }
}
