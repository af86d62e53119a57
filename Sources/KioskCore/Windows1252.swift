/// Decoder for Windows-1252, the code page of German Windows exports.
///
/// Bytes 0x00–0x7F and 0xA0–0xFF equal their Unicode code points (as in ISO 8859-1). The range
/// 0x80–0x9F contains typographic characters such as € and „“ instead of control codes. The five
/// bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the C1 control
/// with the same number, as Windows itself does; the importer rejects names containing them.
public enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F, indexed by `byte - 0x80`.
    private static let highControlRange: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // € (81) ‚ ƒ „ … † ‡
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // ˆ ‰ Š ‹ Œ (8D) Ž (8F)
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // (90) ‘ ’ “ ” • – —
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // ˜ ™ š › œ (9D) ž Ÿ
    ]

    /// Decodes the bytes. Every byte maps to one scalar, so decoding cannot fail.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: utf8(bytes), as: UTF8.self)
    }

    /// Decodes the bytes into UTF-8 bytes, for parsers that work on bytes.
    public static func utf8(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(contentsOf: scalar(for: byte).utf8)
            }
        }
        return utf8
    }

    /// Returns the Unicode scalar a single byte encodes.
    public static func scalar(for byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        // Every table entry is a valid scalar, so the fallback never runs.
        return Unicode.Scalar(highControlRange[Int(byte - 0x80)]) ?? "\u{FFFD}"
    }
}
