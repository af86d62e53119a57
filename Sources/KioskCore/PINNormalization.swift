import Foundation

/// PIN rules that CTAP 2.1 sets for clientPIN: NFC form, at least the key's minimum length in
/// code points, at most 63 bytes of UTF-8.
public enum PINNormalization {
    /// CTAP's upper bound for a PIN in UTF-8 bytes.
    public static let maxBytes = 63

    /// Returns the NFC form of UTF-8 `bytes`; ASCII input comes back unchanged.
    ///
    /// NOTE: non-ASCII input passes through temporary Swift strings that cannot be zeroed;
    /// the bytes handed back and the caller's buffer are wiped as usual.
    public static func nfc(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Number of Unicode code points, the unit of CTAP's minPINLength.
    public static func codePointCount(_ pin: SecretBytes) -> Int {
        pin.withBytes { buffer in buffer.reduce(0) { count, byte in (byte & 0xC0) == 0x80 ? count : count + 1 } }
    }

    /// Checks a new PIN against the key's minimum length and the 63-byte maximum.
    /// - Returns: the problem to show, or `nil` when the PIN is acceptable.
    public static func problem(with pin: SecretBytes, minLength: Int) -> PINProblem? {
        if codePointCount(pin) < minLength { return .tooShort(minimum: minLength) }
        if pin.count > maxBytes { return .tooLong }
        return nil
    }
}
