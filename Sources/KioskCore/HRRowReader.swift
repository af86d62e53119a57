import Foundation

/// Turns data rows of the HR export into records, collecting a reason for each row it skips.
struct HRRowReader {
    private let columns: HRColumnMap
    private var records: [HRRecord] = []
    private var recordLines: [Int] = []
    private var rejected: [HRRowRejection] = []
    /// Index into `records` of each personnel number seen so far.
    private var recordIndexByNumber: [String: Int] = [:]
    /// Personnel numbers seen more than once: the line of their second occurrence.
    private var secondOccurrenceLine: [String: Int] = [:]
    /// One shared copy of each department, unit, group and title text, because thousands of
    /// people share them and longer strings each take their own allocation.
    private var sharedTexts: [String: String] = [:]

    init(columns: HRColumnMap) {
        self.columns = columns
    }

    /// Reads one row, keeping its record or its rejection.
    mutating func read(_ row: CSVRecord) {
        switch record(from: row.fields) {
        case .failure(let problem):
            rejected.append(HRRowRejection(line: row.line, problem: problem))
        case .success(var record):
            record.department = shared(record.department)
            record.orgUnit = shared(record.orgUnit)
            record.employeeGroup = shared(record.employeeGroup)
            record.title = shared(record.title)
            if let earlier = recordIndexByNumber[record.personnelNumber] {
                let earlierLine = recordLines[earlier]
                secondOccurrenceLine[record.personnelNumber] = secondOccurrenceLine[record.personnelNumber] ?? row.line
                rejected.append(HRRowRejection(line: row.line, problem: .duplicatePersonnelNumber(otherLine: earlierLine)))
            } else {
                recordIndexByNumber[record.personnelNumber] = records.count
                records.append(record)
                recordLines.append(row.line)
            }
        }
    }

    private mutating func shared(_ text: String) -> String {
        // Strings of up to 15 UTF-8 bytes are stored inline and gain nothing from sharing.
        guard text.utf8.count > 15 else { return text }
        if let existing = sharedTexts[text] { return existing }
        sharedTexts[text] = text
        return text
    }

    /// Returns the readable records and the rejections sorted by line. Both rows of a duplicate
    /// personnel number are rejected, so the first occurrence moves from records to rejections.
    mutating func finish() -> ([HRRecord], [HRRowRejection]) {
        var unique: [HRRecord] = []
        unique.reserveCapacity(records.count)
        for (record, line) in zip(records, recordLines) {
            if let otherLine = secondOccurrenceLine[record.personnelNumber] {
                rejected.append(HRRowRejection(line: line, problem: .duplicatePersonnelNumber(otherLine: otherLine)))
            } else {
                unique.append(record)
            }
        }
        rejected.sort { $0.line < $1.line }
        return (unique, rejected)
    }

    // MARK: - One row

    /// Converts one row's fields into a record, or returns the first problem found.
    func record(from fields: [String]) -> Result<HRRecord, HRRowProblem> {
        let extra = fields.dropFirst(columns.headerCount)
        if extra.contains(where: { !$0.trimmingSpaces().isEmpty }) {
            return .failure(.tooManyFields(expected: columns.headerCount, found: fields.count))
        }
        // A row that ends before a required column was cut off or split on the wrong separator.
        // Reporting its first empty column instead would send the clerk looking for a missing name.
        if fields.count < columns.requiredFieldCount {
            return .failure(.tooFewFields(expected: columns.headerCount, found: fields.count))
        }
        var values = ColumnValues()
        for (column, index) in columns.index {
            // Exports may drop empty optional fields at the end of a row; they read as empty.
            let value = Self.clean(index < fields.count ? fields[index] : "")
            if Self.containsControlCharacter(value) {
                return .failure(.invalidCharacter(column))
            }
            values[column] = value
        }
        for column in HRColumn.allCases where column.isRequired && values[column].isEmpty {
            return .failure(.missingValue(column))
        }
        return Self.record(from: values)
    }

    private static func record(from values: ColumnValues) -> Result<HRRecord, HRRowProblem> {
        let number = values[.personnelNumber]
        guard number.utf8.count == 8, number.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return .failure(.invalidPersonnelNumber)
        }
        guard let birthDate = date(values[.birthDate]) else { return .failure(.invalidDate(.birthDate)) }
        guard let status = status(values[.status]) else { return .failure(.unknownStatus) }

        var entryDate: CivilDate?
        var exitDate: CivilDate?
        for column in [HRColumn.entryDate, .exitDate] where !values[column].isEmpty {
            guard let date = date(values[column]) else { return .failure(.invalidDate(column)) }
            if column == .entryDate { entryDate = date } else { exitDate = date }
        }
        if let entryDate, let exitDate, exitDate < entryDate { return .failure(.exitBeforeEntry) }

        let account = values[.account]
        return .success(HRRecord(
            personnelNumber: number, surname: values[.surname], givenName: values[.givenName],
            title: values[.title], birthDate: birthDate, department: values[.department],
            orgUnit: values[.orgUnit], employeeGroup: values[.employeeGroup], status: status,
            entryDate: entryDate, exitDate: exitDate, account: account.isEmpty ? nil : account))
    }

    /// Parses `DD.MM.YYYY` (leading zeros optional) from the bytes, because this runs three
    /// times per row; other spellings go through `CivilDate(german:)`, which decides.
    static func date(_ text: String) -> CivilDate? {
        var values = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "."), part < 2 {
                part += 1
            } else if (0x30...0x39).contains(byte) {
                let digit = Int(byte - 0x30)
                switch part {
                case 0: values.0 = values.0 * 10 + digit; digits.0 += 1
                case 1: values.1 = values.1 * 10 + digit; digits.1 += 1
                default: values.2 = values.2 * 10 + digit; digits.2 += 1
                }
            } else {
                return CivilDate(german: text)
            }
        }
        guard part == 2, (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return nil }
        return CivilDate(year: values.2, month: values.1, day: values.0)
    }

    /// Status by its export spelling, ignoring case ("Aktiv" is read as aktiv).
    private static func status(_ text: String) -> EmploymentStatus? {
        if let exact = EmploymentStatus(rawValue: text) { return exact }
        let lowered = text.lowercased()
        return EmploymentStatus.allCases.first { $0.rawValue.lowercased() == lowered }
    }

    /// Normalises a value to NFC, turns tabs, line breaks (from quoted fields) and no-break
    /// spaces into spaces, collapses runs of spaces and trims both ends.
    static func clean(_ value: String) -> String {
        if isAlreadyClean(value) { return value }
        var result = ""
        var pendingSpace = false
        let isASCII = value.utf8.allSatisfy { $0 < 0x80 }
        for character in isASCII ? value : value.precomposedStringWithCanonicalMapping {
            if character == " " || character == "\t" || character.isNewline || character == "\u{00A0}" || character == "\u{202F}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// `true` when the value contains a C0 or C1 control character or DEL.
    private static func containsControlCharacter(_ value: String) -> Bool {
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            return value.utf8.contains { $0 < 0x20 || $0 == 0x7F }
        }
        return value.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// `true` for printable ASCII without leading, trailing or doubled spaces: most values, which
    /// need no work.
    private static func isAlreadyClean(_ value: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in value.utf8 {
            guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20 || value.isEmpty
    }
}

/// The cleaned values of one row by column. It is an array rather than a dictionary because it
/// is built once per row. Absent columns read as "".
private struct ColumnValues {
    private var values = [String](repeating: "", count: HRColumn.allCases.count)

    subscript(column: HRColumn) -> String {
        get { values[Self.position(column)] }
        set { values[Self.position(column)] = newValue }
    }

    private static func position(_ column: HRColumn) -> Int {
        switch column {
        case .personnelNumber: 0
        case .surname: 1
        case .givenName: 2
        case .title: 3
        case .birthDate: 4
        case .department: 5
        case .orgUnit: 6
        case .employeeGroup: 7
        case .status: 8
        case .entryDate: 9
        case .exitDate: 10
        case .account: 11
        }
    }
}
