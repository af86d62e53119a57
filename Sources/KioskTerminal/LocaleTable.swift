/// One language's screen texts, parsed from a `.strings` file.
///
/// File format, UTF-8, one entry per line (LF or CRLF): `key = value`. Blank lines and lines starting with `#` are
/// ignored. Spaces around the key and the value are trimmed; `\n` in a value is a line break and
/// `\\` a backslash. `{0}`, `{1}` … in a value are placeholders that `Localizer` fills in.
public struct LocaleTable: Sendable, Equatable {
    /// Texts by key.
    public private(set) var entries: [String: String]

    /// Creates a table from entries already in memory, for tests.
    public init(entries: [String: String]) {
        self.entries = entries
    }

    /// Parses the text of a `.strings` file.
    ///
    /// - Throws: `LocaleTableError` naming the 1-based line of the first bad line.
    public init(parsing text: String) throws(LocaleTableError) {
        entries = [:]
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmed([" ", "\t", "\u{FEFF}"])
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw .missingEquals(line: index + 1)
            }
            let key = line[..<equals].trimmed([" ", "\t"])
            guard !key.isEmpty else { throw .emptyKey(line: index + 1) }
            guard entries[key] == nil else { throw .duplicateKey(key, line: index + 1) }
            entries[key] = LocaleTable.unescaped(line[line.index(after: equals)...].trimmed([" ", "\t"]))
        }
    }

    /// Placeholder numbers used in a text: `[0, 1]` for "{0} von {1}".
    public static func placeholders(in text: String) -> Set<Int> {
        var numbers: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            if let number = Int(rest[afterOpen..<close]) { numbers.insert(number) }
            rest = rest[rest.index(after: close)...]
        }
        return numbers
    }

    private static func unescaped(_ value: String) -> String {
        var result = ""
        var isEscaping = false
        for character in value {
            if isEscaping {
                result.append(character == "n" ? "\n" : character)
                isEscaping = false
            } else if character == "\\" {
                isEscaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// A line of a `.strings` file that could not be read; `line` counts from 1.
public enum LocaleTableError: Error, Sendable, Equatable {
    case missingEquals(line: Int)
    case emptyKey(line: Int)
    case duplicateKey(String, line: Int)
}

extension StringProtocol {
    /// Returns the text without the given leading and trailing characters.
    func trimmed(_ set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }),
              let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
