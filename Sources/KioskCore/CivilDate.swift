/// A calendar date without time or time zone, as HR exports and birth dates use it.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date after checking that the day exists in that month (31.02. is rejected).
    /// - Returns: `nil` when year, month or day is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the German `DD.MM.YYYY` form (leading zeros optional, surrounding spaces ignored).
    /// - Returns: `nil` for any other shape or for a day that does not exist.
    public init?(german text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let trimmed = parts.map { $0.trimmingSpaces() }
        guard trimmed[0].count <= 2, trimmed[1].count <= 2, trimmed[2].count == 4,
              let day = Int(trimmed[0]), let month = Int(trimmed[1]), let year = Int(trimmed[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// The date as `DD.MM.YYYY`.
    public var german: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(day, 2)).\(pad(month, 2)).\(pad(year, 4))"
    }

    /// The date as ISO 8601 `YYYY-MM-DD`.
    public var iso: String {
        let parts = german.split(separator: ".")
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    public var description: String { iso }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and no-break spaces.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
