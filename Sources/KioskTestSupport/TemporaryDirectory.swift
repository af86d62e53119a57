import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is released.
///
/// Each instance has its own randomly named directory, so tests running in parallel never share
/// files. Keep the instance alive for as long as its files are used.
public final class TemporaryDirectory: Sendable {
    /// Absolute path of the directory, without a trailing slash.
    public let path: String

    /// Creates the directory.
    /// - Parameter prefix: start of the directory name, to tell test leftovers apart.
    /// - Throws: the file-system error when the directory cannot be created.
    public init(prefix: String = "kiosk-test") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Returns the absolute path of `name` inside the directory. The file need not exist.
    public func filePath(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `bytes` to `name` inside the directory and returns the file's path.
    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        let target = filePath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Writes `text` as UTF-8 to `name` inside the directory and returns the file's path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }
}
