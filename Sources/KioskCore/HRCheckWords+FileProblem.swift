/// The wording of `HRCheckReport` for a file rejected as a whole: what is wrong and what to change.
extension HRCheckWords {
    /// Share of rejections a reason needs before the advice for a rejected file covers it.
    static let adviceShare = 1.0 / 3.0

    /// Describes what is wrong with a rejected file and what to change, in one or more lines.
    /// English uses the importer's own message, which also names the kiosk.conf key to change,
    /// except for too many rejected rows, which are listed by reason as in the German report.
    func fileProblem(_ error: HRImportError) -> String {
        if case .tooManyBadRows(let total, let rejections) = error {
            return tooManyBadRows(total: total, rejections: rejections)
        }
        if !isGerman, case .unreadable(let path, let reason) = error {
            return "Cannot read \(path): \(reason). Check the path and the file permissions."
        }
        guard isGerman else { return error.description }
        return germanFileProblem(error)
    }

    /// States the threshold, lists the reasons with the most frequent first, and advises on the
    /// reasons that hold at least `adviceShare` of the rejected rows.
    func tooManyBadRows(total: Int, rejections: [HRRowRejection]) -> String {
        let percent = HRImporter.maxBadRowPercent
        var lines = [
            isGerman
                ? "\(number(rejections.count)) von \(number(total)) Datenzeilen wurden abgelehnt. "
                    + "Sind mehr als \(percent) % der Datenzeilen fehlerhaft, lädt der Kiosk die Datei nicht."
                : "\(number(rejections.count)) of \(number(total)) data rows were rejected. "
                    + "When more than \(percent) % of the data rows are rejected, the kiosk does not load the file.",
            isGerman ? "Gründe, die häufigsten zuerst:" : "Reasons, most frequent first:",
        ]
        for group in HRRejectionGroup.groups(rejections, order: .largestFirst) {
            lines.append(groupLine(group, limit: HRCheckReport.linesPerReason))
        }
        lines.append("")
        lines += adviceTexts(forRejections: rejections)
        return lines.joined(separator: "\n")
    }

    /// Returns the next steps for the reasons that hold at least `adviceShare` of `rejections`,
    /// the largest first, as one paragraph. The largest reason always gets advice.
    func advice(forRejections rejections: [HRRowRejection]) -> String {
        adviceTexts(forRejections: rejections).joined(separator: " ")
    }

    /// Returns the next step for each reason that `advice(forRejections:)` covers, without repeats.
    func adviceTexts(forRejections rejections: [HRRowRejection]) -> [String] {
        let groups = HRRejectionGroup.groups(rejections, order: .largestFirst)
        var texts: [String] = []
        for (position, group) in groups.enumerated() {
            let share = Double(group.rejections.count) / Double(max(1, rejections.count))
            guard position == 0 || share >= Self.adviceShare else { break }
            let text = advice(for: group.problem)
            if !texts.contains(text) { texts.append(text) }
        }
        return texts
    }

    /// Returns the next step when many rows share `problem`.
    func advice(for problem: HRRowProblem) -> String {
        switch problem {
        case .tooFewFields:
            isGerman
                ? "Viele Zeilen haben weniger Spalten als die Kopfzeile. Bitte prüfen Sie, ob der Export ; als "
                    + "Trennzeichen verwendet und ob Zeilen abgeschnitten sind."
                : "Many rows have fewer columns than the header. Check that the export uses ; as the separator "
                    + "and that no rows are cut off."
        case .tooManyFields:
            isGerman
                ? "Viele Zeilen haben mehr Felder als die Kopfzeile. Vermutlich enthalten Werte ein ; ohne "
                    + "Anführungszeichen. Bitte exportieren Sie Textwerte in Anführungszeichen."
                : "Many rows have more fields than the header. Values probably contain a ; without quotes. "
                    + "Export text values in quotes."
        case .missingValue(let column):
            isGerman
                ? "Die Spalte „\(header(column))“ ist in vielen Zeilen leer. Bitte prüfen Sie, ob der Export sie füllt. "
                    + "Stehen die Werte in einer anderen Spalte, muss der Betrieb \(ConfigKeys.columnKey(column)) "
                    + "in kiosk.conf anpassen."
                : "Column \"\(header(column))\" is empty in many rows. Check that the export fills it. If the values "
                    + "are in another column, set \(ConfigKeys.columnKey(column)) in kiosk.conf to that column's name."
        case .invalidPersonnelNumber:
            isGerman
                ? "Bitte prüfen Sie, ob die Personalnummern 8-stellig mit führenden Nullen exportiert werden. "
                    + "Tabellenprogramme entfernen führende Nullen oft beim Speichern."
                : "Check that personnel numbers are exported with 8 digits including leading zeros. "
                    + "Spreadsheet programs often drop leading zeros when saving."
        case .invalidDate(let column):
            isGerman
                ? "Bitte exportieren Sie die Spalte „\(header(column))“ im Format TT.MM.JJJJ, zum Beispiel 05.03.2024."
                : "Export column \"\(header(column))\" in the format DD.MM.YYYY, for example 05.03.2024."
        case .unknownStatus:
            isGerman
                ? "Bitte prüfen Sie die Werte der Spalte „\(header(.status))“. Erlaubt sind: \(statusList)."
                : "Check the values of column \"\(header(.status))\". Allowed are: \(statusList)."
        case .invalidCharacter:
            isGerman
                ? "Viele Werte enthalten Steuerzeichen. Meist passt die Zeichenkodierung nicht. "
                    + "Bitte exportieren Sie die Datei als UTF-8."
                : "Many values contain control characters, which usually means the encoding is wrong. "
                    + "Export the file as UTF-8."
        case .duplicatePersonnelNumber:
            isGerman
                ? "Viele Personalnummern stehen mehrfach in der Datei. Vermutlich wurde der Export zweimal in "
                    + "dieselbe Datei geschrieben. Bitte erstellen Sie den Export neu."
                : "Many personnel numbers appear more than once. The export was probably written twice into "
                    + "the same file. Create the export again."
        case .exitBeforeEntry:
            isGerman
                ? "Bitte prüfen Sie, ob die Spalten „\(header(.entryDate))“ und „\(header(.exitDate))“ vertauscht sind."
                : "Check whether columns \"\(header(.entryDate))\" and \"\(header(.exitDate))\" are swapped."
        }
    }

    private var statusList: String {
        EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", ")
    }

    // Every case contains a "Bitte …" sentence, so the clerk knows the next step. Changes to
    // kiosk.conf are addressed to the operator ("der Betrieb"), who maintains that file.
    private func germanFileProblem(_ error: HRImportError) -> String {
        switch error {
        case .unreadable(let path, let reason):
            "Die Datei \(path) kann nicht gelesen werden (\(reason)). Bitte prüfen Sie den Pfad und die Zugriffsrechte."
        case .invalidUTF8(let line):
            "Zeile \(line) ist kein gültiges UTF-8. Bitte exportieren Sie die Datei als UTF-8. "
                + "Alternativ kann der Betrieb hr.encoding = windows-1252 in kiosk.conf setzen."
        case .mixedEncodings(let utf8Line, let otherLine):
            "Die Datei mischt Zeichenkodierungen. Zeile \(utf8Line) ist UTF-8, Zeile \(otherLine) nicht "
                + "(vermutlich Windows-1252). Bitte exportieren Sie die ganze Datei in einer Kodierung, am besten UTF-8."
        case .utf8FileWithWindows1252Setting:
            "Die Datei ist UTF-8, der Kiosk erwartet aber Windows-1252. Bitte geben Sie dem Betrieb Bescheid: "
                + "hr.encoding in kiosk.conf muss utf-8 oder auto sein."
        case .utf16File:
            "Die Datei ist UTF-16 (in Excel „Unicode-Text“). Bitte exportieren Sie sie als CSV in UTF-8 oder Windows-1252."
        case .empty:
            "Die Datei ist leer. Bitte prüfen Sie, ob der Export vollständig gelaufen ist."
        case .wrongSeparator(let likely):
            "Die Kopfzeile enthält kein Semikolon\(separatorFound(likely)). Bitte exportieren Sie mit ; als Trennzeichen."
        case .missingColumn(let header, let configKey):
            "Die Pflichtspalte „\(header)“ fehlt in der Kopfzeile. Bitte nehmen Sie die Spalte in den Export auf. "
                + "Heißt sie im Export anders, kann der Betrieb den Namen unter \(configKey) in kiosk.conf eintragen."
        case .duplicateColumn(let header):
            "Die Spalte „\(header)“ steht zweimal in der Kopfzeile. Bitte entfernen Sie eine davon aus dem Export."
        case .unterminatedQuote(let line):
            "In Zeile \(line) beginnt ein Wert mit einem Anführungszeichen, das nicht geschlossen wird. "
                + "Bitte korrigieren Sie das Anführungszeichen in dieser Zeile."
        case .noDataRows:
            "Die Datei hat eine Kopfzeile, aber keine Datenzeilen. Bitte prüfen Sie, ob der Export vollständig gelaufen ist."
        case .tooManyBadRows(let total, let rejections):
            tooManyBadRows(total: total, rejections: rejections)
        }
    }

    private func separatorFound(_ likely: String?) -> String {
        switch likely {
        case nil: ""
        case "\t": " (gefunden: Tabulatoren)"
        case ",": " (gefunden: Kommas)"
        case let other?: " (gefunden: \(other))"
        }
    }
}
