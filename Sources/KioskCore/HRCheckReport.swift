/// The summary `kiosk hr check FILE` prints for the HR clerk who produced an export.
///
/// It states the encoding, the rows read, the rows rejected grouped by reason with the first
/// few line numbers of each, and how many people may get a new account. For a file rejected as
/// a whole it states why and what to change. It names no person: line numbers are the only
/// reference into the file.
public struct HRCheckReport: Sendable {
    /// Exit status for a file without problems.
    public static let exitOK: Int32 = 0
    /// Exit status for a file that loads but has rejected rows.
    public static let exitRejectedRows: Int32 = 1
    /// Exit status for a file rejected as a whole (and for usage errors).
    public static let exitRejectedFile: Int32 = 2
    /// Line numbers listed per reason.
    static let linesPerReason = 5

    /// The report text, ending with a line break.
    public let text: String
    /// 0, 1 or 2 as described for `exitOK`, `exitRejectedRows` and `exitRejectedFile`.
    public let exitStatus: Int32

    /// Builds the report for a file that loaded.
    /// - Parameter today: the date eligibility is judged on (entry and exit dates).
    public init(result: HRImportResult, config: KioskConfig, today: CivilDate, language: Language) {
        let words = HRCheckWords(language: language, config: config)
        var lines = [words.title, ""]
        lines.append(words.labeled(words.encodingLabel, words.encodingName(result.encoding)))
        lines.append(words.labeled(words.rowsReadLabel, words.number(result.dataRowCount)))
        lines.append(words.labeled(words.rowsLoadedLabel, words.number(result.records.count)))
        lines.append(words.labeled(words.rowsRejectedLabel, words.number(result.rejectedRows.count)))
        for group in HRRejectionGroup.groups(result.rejectedRows, order: .firstLine) {
            lines.append(words.groupLine(group, limit: Self.linesPerReason))
        }
        lines.append("")
        let counts = EligibilityCounts(records: result.records, config: config, today: today)
        lines.append(words.labeled(words.eligibleLabel, words.number(counts.eligible)))
        lines.append(words.labeled(words.hasAccountLabel, words.number(counts.hasAccount)))
        lines.append(words.labeled(words.ineligibleLabel, words.number(counts.ineligible)))
        lines.append("")
        lines.append(result.rejectedRows.isEmpty ? words.verdictOK : words.verdictRejectedRows)
        text = lines.joined(separator: "\n") + "\n"
        exitStatus = result.rejectedRows.isEmpty ? Self.exitOK : Self.exitRejectedRows
    }

    /// Builds the report for a file rejected as a whole.
    public init(error: HRImportError, config: KioskConfig, language: Language) {
        let words = HRCheckWords(language: language, config: config)
        text = [words.title, "", words.verdictRejectedFile, words.fileProblem(error)].joined(separator: "\n") + "\n"
        exitStatus = Self.exitRejectedFile
    }
}

/// How many loaded people may get a new account, already have one, or may not enroll.
struct EligibilityCounts {
    var eligible = 0
    var hasAccount = 0
    var ineligible = 0

    init(records: [HRRecord], config: KioskConfig, today: CivilDate) {
        for record in records {
            switch Eligibility.check(record, today: today, config: config) {
            case nil: eligible += 1
            case .hasAccount: hasAccount += 1
            default: ineligible += 1
            }
        }
    }
}
