import Foundation

// MARK: - File format
//
// kiosk.conf is line based:
//   # a comment (only whole lines; a # inside a value is part of the value)
//   key = value
//   [hr]                 (a section: the keys below it are read as "hr.<key>")
// Blank lines are ignored, spaces around keys and values are trimmed, and a key may appear
// only once. Keys are case-sensitive. Unknown keys are errors, so a typo never goes unnoticed.
// The shipped kiosk.conf lists every key with its default.

extension KioskConfig {
    /// Reads kiosk.conf from disk and parses it with `parse(text:)`.
    ///
    /// - Throws: `KioskConfigError.unreadable` when the file cannot be read or is not UTF-8,
    ///   otherwise the first error `parse(text:)` finds.
    public static func load(path: String) throws(KioskConfigError) -> KioskConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "the file is not valid UTF-8; save it as UTF-8")
        }
        return try parse(text: text)
    }

    /// Parses kiosk.conf text. Keys that are absent keep their defaults from `KioskConfig()`.
    ///
    /// - Throws: the first `KioskConfigError` in line order; cross-checks between keys (origin
    ///   within rp_id, distinct column names) run after all lines were read.
    public static func parse(text: String) throws(KioskConfigError) -> KioskConfig {
        var config = KioskConfig()
        var section = ""
        var seenOnLine: [String: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)

        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }

            if line.hasPrefix("[") {
                section = try parseSectionHeader(line, lineNumber: lineNumber)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw .malformedLine(line: lineNumber, text: line)
            }
            let localKey = line[..<equals].trimmingSpaces()
            let value = line[line.index(after: equals)...].trimmingSpaces()
            guard !localKey.isEmpty else { throw .malformedLine(line: lineNumber, text: line) }

            let key = section.isEmpty ? localKey : "\(section).\(localKey)"
            if let firstLine = seenOnLine[key] {
                throw .duplicateKey(line: lineNumber, key: key, firstLine: firstLine)
            }
            seenOnLine[key] = lineNumber
            try ConfigKeys.apply(key: key, value: value, line: lineNumber, to: &config)
        }
        try config.checkConsistency(lines: seenOnLine)
        return config
    }

    private static func parseSectionHeader(_ line: String, lineNumber: Int) throws(KioskConfigError) -> String {
        guard line.hasSuffix("]") else { throw .malformedLine(line: lineNumber, text: line) }
        let name = line.dropFirst().dropLast().trimmingSpaces()
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw .malformedLine(line: lineNumber, text: line)
        }
        return name
    }

    // MARK: - Cross-checks

    private func checkConsistency(lines: [String: Int]) throws(KioskConfigError) {
        let originHost = URLComponents(string: origin)?.host ?? ""
        if originHost != rpID && !originHost.hasSuffix("." + rpID) {
            let line = lines[ConfigKeys.origin] ?? lines[ConfigKeys.rpID] ?? 0
            throw .invalidValue(
                line: line, key: ConfigKeys.origin, value: origin,
                expected: "an origin whose host is \(rpID) or a subdomain of it, because WebAuthn "
                    + "rejects an rp_id outside the origin (or change webauthn.rp_id)")
        }

        var columnOwner: [String: String] = [:]
        for column in HRColumn.allCases {
            let header = (hrColumns[column.rawValue] ?? "").lowercased()
            let key = ConfigKeys.columnKey(column)
            if let other = columnOwner[header] {
                throw .invalidValue(
                    line: lines[key] ?? lines[other] ?? 0, key: key, value: hrColumns[column.rawValue] ?? "",
                    expected: "a column name not already used by \(other)")
            }
            columnOwner[header] = key
        }
    }
}
