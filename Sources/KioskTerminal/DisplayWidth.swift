/// Display widths of text in terminal columns, close to what `wcwidth` reports on glibc.
///
/// Latin, Greek and Cyrillic letters (with umlauts, ß, ş, ł and so on) take one column,
/// combining marks and format characters none, and the common East Asian wide ranges two.
/// NOTE: emoji and rare wide scripts follow this simple rule, so a terminal may disagree.
public enum DisplayWidth {
    /// Columns one Unicode scalar takes: 0, 1 or 2.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Columns one character (grapheme cluster) takes: the sum of its scalars, at most 2.
    public static func columns(of character: Character) -> Int {
        min(2, character.unicodeScalars.reduce(0) { $0 + columns(of: $1) })
    }

    /// Columns a whole string takes.
    public static func columns(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// Cuts `text` to at most `width` columns, ending it with "…" when anything was cut.
    ///
    /// - Returns: `text` unchanged when it fits; an empty string when `width` is 0 or less.
    public static func truncated(_ text: String, toColumns width: Int) -> String {
        guard width > 0 else { return "" }
        guard columns(of: text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let needed = columns(of: character)
            if used + needed > width - 1 { break }
            result.append(character)
            used += needed
        }
        return result + "…"
    }

    /// Pads `text` with spaces on the right to exactly `width` columns, truncating it if longer.
    public static func padded(_ text: String, toColumns width: Int) -> String {
        let cut = truncated(text, toColumns: width)
        return cut + String(repeating: " ", count: max(0, width - columns(of: cut)))
    }

    /// Breaks `text` into lines of at most `width` columns at spaces.
    ///
    /// Explicit line breaks ("\n") are kept. A word longer than a line is truncated with "…".
    /// - Returns: at least one line, which is empty for empty `text`.
    public static func wrapped(_ text: String, toColumns width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ") {
            let word = truncated(String(word), toColumns: width)
            if current.isEmpty {
                current = word
            } else if columns(of: current) + 1 + columns(of: word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        return lines
    }

    /// Hangul, CJK, full-width forms and the main emoji blocks.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
