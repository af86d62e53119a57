/// A byte buffer for PINs and other secrets that is zeroed on `wipe()` and on release.
///
/// Never log or print the contents. Compare with `constantTimeEquals` so that timing does not
/// reveal how many leading bytes match.
public final class SecretBytes: @unchecked Sendable {
    private var storage: [UInt8]

    public init(_ bytes: [UInt8]) { storage = bytes }

    /// Creates the buffer from the UTF-8 bytes of `text`. The caller should drop `text` right away.
    public convenience init(utf8 text: String) { self.init(Array(text.utf8)) }

    deinit { wipe() }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Calls `body` with the bytes; the pointer is valid only inside `body`.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Overwrites every byte with zero and empties the buffer.
    public func wipe() {
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
        storage.removeAll()
    }

    /// Compares contents in time that depends only on the lengths.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<count { difference |= storage[index] ^ other.storage[index] }
        return difference == 0
    }
}
