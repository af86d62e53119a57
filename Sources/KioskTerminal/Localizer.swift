import Foundation
import KioskCore

/// Screen texts in the selected language, with German as the fallback.
///
/// It keeps the tables of every `Language` in memory, so switching language needs no file access.
/// A key missing in the selected language falls back to German, then to the key itself. A gap in
/// a table then shows on screen as a readable key instead of a blank.
public struct Localizer: Sendable {
    /// The language `text` uses; German unless the person chose otherwise.
    public var language: Language
    private let tables: [Language: LocaleTable]

    /// Loads `<directory>/<code>.strings` for every language, for example `de.strings`.
    ///
    /// - Parameters:
    ///   - directory: folder with the locale tables, such as `Assets/locale`.
    ///   - language: the language to start with.
    /// - Throws: `LocalizerError` when a table is missing, unreadable or malformed.
    public init(directory: String, language: Language = .german) throws(LocalizerError) {
        var tables: [Language: LocaleTable] = [:]
        for candidate in Language.allCases {
            let path = directory + "/" + candidate.rawValue + ".strings"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path: path)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .notUTF8(path: path)
            }
            do {
                tables[candidate] = try LocaleTable(parsing: text)
            } catch {
                throw .malformed(path: path, error)
            }
        }
        self.init(tables: tables, language: language)
    }

    /// Creates a localizer from tables in memory; a language without a table uses German.
    public init(tables: [Language: LocaleTable], language: Language = .german) {
        self.tables = tables
        self.language = language
    }

    /// Returns the text for `key` in the current language with `{0}`, `{1}` … replaced by `arguments`.
    ///
    /// A placeholder without a matching argument stays as written.
    public func text(_ key: String, _ arguments: String...) -> String {
        text(key, arguments: arguments)
    }

    /// Returns the text for `key` with placeholders replaced by `arguments`, by position.
    public func text(_ key: String, arguments: [String]) -> String {
        let template = tables[language]?.entries[key] ?? tables[.german]?.entries[key] ?? key
        return Localizer.filling(template, with: arguments)
    }

    /// Replaces each `{n}` in one pass, so that text inside an argument is never replaced again.
    private static func filling(_ template: String, with arguments: [String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let index = Int(rest[afterOpen..<close]), arguments.indices.contains(index) {
                result += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// Returns the table of one language, or `nil` when none was loaded.
    public func table(for language: Language) -> LocaleTable? {
        tables[language]
    }
}

/// Failure to load the locale tables.
public enum LocalizerError: Error, Sendable, Equatable {
    case unreadable(path: String)
    case notUTF8(path: String)
    case malformed(path: String, LocaleTableError)
}
