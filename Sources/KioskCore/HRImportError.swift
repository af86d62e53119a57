/// Reason one row of the HR export was skipped. It carries no personal data, so it may be logged.
public enum HRRowProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// More non-empty fields than the header has columns, usually an unquoted `;` in a value.
    case tooManyFields(expected: Int, found: Int)
    /// The row ends before a required column: `found` fields where the header has `expected`.
    /// A row that only lacks optional columns at its end is read, with those columns empty.
    case tooFewFields(expected: Int, found: Int)
    /// A required column is empty in this row.
    case missingValue(HRColumn)
    /// Personalnummer is not exactly 8 digits.
    case invalidPersonnelNumber
    /// A date is not DD.MM.YYYY or names a day that does not exist (31.02.).
    case invalidDate(HRColumn)
    /// Status is not one of aktiv, beurlaubt, ausgeschieden, Versorgungsempfaenger.
    case unknownStatus
    /// A value contains a control character, for example a byte Windows-1252 leaves undefined.
    case invalidCharacter(HRColumn)
    /// Another row on `otherLine` has the same Personalnummer; both rows are skipped because
    /// the kiosk cannot tell which one is right.
    case duplicatePersonnelNumber(otherLine: Int)
    /// Austrittsdatum lies before Eintrittsdatum.
    case exitBeforeEntry

    /// An English explanation for the import report and the log.
    public var description: String {
        switch self {
        case .tooManyFields(let expected, let found):
            "\(found) fields but the header has \(expected); a value probably contains an unquoted ;"
        case .tooFewFields(let expected, let found): "too few columns (found \(found), expected \(expected))"
        case .missingValue(let column): "\(column.rawValue) is empty"
        case .invalidPersonnelNumber: "personnelNumber is not exactly 8 digits"
        case .invalidDate(let column): "\(column.rawValue) is not a valid DD.MM.YYYY date"
        case .unknownStatus:
            "status is not one of " + EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", ")
        case .invalidCharacter(let column): "\(column.rawValue) contains a control character"
        case .duplicatePersonnelNumber(let otherLine): "personnelNumber also appears on line \(otherLine)"
        case .exitBeforeEntry: "exitDate is before entryDate"
        }
    }
}

/// A skipped row: its line number in the file (from 1, the header is line 1) and the reason.
public struct HRRowRejection: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var problem: HRRowProblem

    public init(line: Int, problem: HRRowProblem) {
        self.line = line
        self.problem = problem
    }

    /// "line 17: birthDate is not a valid DD.MM.YYYY date".
    public var description: String { "line \(line): \(problem)" }
}

/// Reason the HR export was rejected as a whole. Each message states what to change.
public enum HRImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (missing, no permission).
    case unreadable(path: String, reason: String)
    /// `hr.encoding` is utf-8 but the bytes on `line` are not UTF-8.
    case invalidUTF8(line: Int)
    /// `hr.encoding` is windows-1252 but the file is UTF-8 (it has non-ASCII UTF-8 sequences or
    /// starts with a UTF-8 byte order mark), so reading it as Windows-1252 would garble names.
    case utf8FileWithWindows1252Setting
    /// The file is partly UTF-8 (`utf8Line` is the first line with a UTF-8 umlaut or accent) and
    /// partly another encoding (`otherLine` is the first line that is not UTF-8).
    case mixedEncodings(utf8Line: Int, otherLine: Int)
    /// The file starts with a UTF-16 byte order mark; the kiosk reads UTF-8 and Windows-1252 only.
    case utf16File
    /// The file contains no header line.
    case empty
    /// The header contains no `;`. `likelySeparator` is `,` or a tab when the header contains one.
    case wrongSeparator(likelySeparator: String?)
    /// A required column is not in the header; `configKey` is the kiosk.conf key for its name.
    case missingColumn(header: String, configKey: String)
    /// A column the kiosk reads appears twice in the header.
    case duplicateColumn(header: String)
    /// A quoted field opening on `line` never closes.
    case unterminatedQuote(line: Int)
    /// The header is fine but no data row follows.
    case noDataRows
    /// More than `HRImporter.maxBadRowShare` of the `total` data rows were rejected.
    /// `rejections` lists every rejected row in line order, so a report can group them by reason.
    case tooManyBadRows(total: Int, rejections: [HRRowRejection])

    /// An English message for the operator: what is wrong and what to change.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "HR export: cannot read \(path): \(reason). Check hr.export in kiosk.conf and the file permissions."
        case .invalidUTF8(let line):
            "HR export: line \(line) is not valid UTF-8. Set hr.encoding = windows-1252 (or auto) in kiosk.conf, "
                + "or export the file as UTF-8."
        case .utf8FileWithWindows1252Setting:
            "HR export: the file is UTF-8 but hr.encoding is windows-1252, so names would be garbled. "
                + "Set hr.encoding = utf-8 (or auto) in kiosk.conf."
        case .mixedEncodings(let utf8Line, let otherLine):
            "HR export: the file mixes encodings: line \(utf8Line) is UTF-8 but line \(otherLine) is not "
                + "(probably Windows-1252). Export the whole file again in one encoding, preferably UTF-8."
        case .utf16File:
            "HR export: the file is UTF-16 (Excel's \"Unicode text\"). Export it as UTF-8 or Windows-1252 CSV."
        case .empty:
            "HR export: the file is empty. Check that the nightly export ran and hr.export points to it."
        case .wrongSeparator(let likely):
            "HR export: the header has no ; separator"
                + (likely.map { " but contains \($0 == "\t" ? "tabs" : $0)" } ?? "")
                + ". Export the file with ; as the field separator."
        case .missingColumn(let header, let configKey):
            "HR export: required column \"\(header)\" is missing from the header. Add it to the export, "
                + "or set \(configKey) in kiosk.conf to the column's actual name."
        case .duplicateColumn(let header):
            "HR export: column \"\(header)\" appears twice in the header. Remove one from the export."
        case .unterminatedQuote(let line):
            "HR export: a quoted value opening on line \(line) never closes. Fix the quote in that line of the export."
        case .noDataRows:
            "HR export: the file has a header but no data rows. Check that the nightly export ran completely."
        case .tooManyBadRows(let total, let rejections):
            "HR export: \(rejections.count) of \(total) data rows were rejected, more than "
                + "\(HRImporter.maxBadRowPercent) %, so the whole file was rejected. Reasons: "
                + HRRejectionGroup.groups(rejections, order: .largestFirst)
                    .map { "\($0.rejections.count) × \($0.summary) (first on line \($0.rejections[0].line))" }
                    .joined(separator: "; ")
                // NOTE: the advice names columns by their default headers, because the error does
                // not carry kiosk.conf; `hr check` passes the configuration and names them right.
                + ". " + HRCheckWords(language: .english, config: KioskConfig()).advice(forRejections: rejections)
        }
    }
}
