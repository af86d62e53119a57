/// The German and English wording of `HRCheckReport`.
///
/// Columns are named by their header in the export (from kiosk.conf), because that is the name
/// the HR clerk sees in the file.
struct HRCheckWords {
    let language: Language
    let config: KioskConfig

    private var isGerman: Bool { language == .german }

    // MARK: - Labels

    var title: String { isGerman ? "Prüfung der Personaldaten-Datei" : "HR export check" }
    var encodingLabel: String { isGerman ? "Zeichenkodierung" : "Encoding" }
    var rowsReadLabel: String { isGerman ? "Gelesene Zeilen" : "Rows read" }
    var rowsLoadedLabel: String { isGerman ? "Übernommen" : "Rows loaded" }
    var rowsRejectedLabel: String { isGerman ? "Abgelehnt" : "Rows rejected" }
    var eligibleLabel: String { isGerman ? "Können ein neues Konto bekommen" : "Eligible for a new account" }
    var hasAccountLabel: String { isGerman ? "Haben schon ein Konto" : "Already have an account" }
    var ineligibleLabel: String {
        isGerman ? "Nicht berechtigt (Status, Gruppe, Ein-/Austritt)" : "Not eligible (status, group, entry/exit date)"
    }

    var verdictOK: String {
        isGerman ? "Ergebnis: Die Datei ist in Ordnung." : "Result: the file is fine."
    }
    var verdictRejectedRows: String {
        isGerman
            ? "Ergebnis: Die Datei kann geladen werden, aber die abgelehnten Zeilen fehlen in der Suche am Kiosk. "
                + "Bitte korrigieren Sie diese Zeilen im Personalsystem und exportieren Sie erneut."
            : "Result: the file loads, but the rejected rows are missing from the kiosk's lookup. "
                + "Correct these rows in the HR system and export again."
    }
    var verdictRejectedFile: String {
        isGerman ? "Ergebnis: Die Datei wurde als Ganzes abgelehnt." : "Result: the file was rejected as a whole."
    }

    /// Formats "Label: value" with the labels padded to one width, so the values line up.
    func labeled(_ label: String, _ value: String) -> String {
        let width = isGerman ? 50 : 47
        let padding = String(repeating: " ", count: max(1, width - label.count))
        return label + ":" + padding + value
    }

    func encodingName(_ encoding: HREncoding) -> String {
        switch encoding {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        case .auto: isGerman ? "automatisch" : "automatic"
        }
    }

    /// Formats a whole number with thousands separators: 100.000 in German, 100,000 in English.
    func number(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(isGerman ? "." : ",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// Lists line numbers: "Zeilen 4, 17, 230" or, with more than `limit` lines, "12 Zeilen, zuerst 4, 17, …".
    func lineList(_ lines: [Int], limit: Int) -> String {
        let shown = lines.prefix(limit).map(String.init).joined(separator: ", ")
        let count = lines.count
        if isGerman {
            let noun = count == 1 ? "Zeile" : "Zeilen"
            return count > limit ? "\(number(count)) \(noun), zuerst \(shown) …" : "\(noun) \(shown)"
        }
        let noun = count == 1 ? "line" : "lines"
        return count > limit ? "\(number(count)) \(noun), first \(shown) …" : "\(noun) \(shown)"
    }

    // MARK: - Reasons

    /// Returns the header of `column` in the export.
    func header(_ column: HRColumn) -> String {
        config.hrColumns[column.rawValue] ?? HRColumn.defaultNames[column.rawValue] ?? column.rawValue
    }

    /// Describes one rejection reason, without line numbers.
    func reason(_ problem: HRRowProblem) -> String {
        switch problem {
        case .tooManyFields(let expected, _):
            isGerman ? "mehr Felder als die \(expected) Spalten der Kopfzeile (ein ; im Wert ohne Anführungszeichen?)"
                : "more fields than the header's \(expected) columns (a ; in a value without quotes?)"
        case .missingValue(let column):
            isGerman ? "\(header(column)) ist leer" : "\(header(column)) is empty"
        case .invalidPersonnelNumber:
            isGerman ? "\(header(.personnelNumber)) hat nicht genau 8 Ziffern" : "\(header(.personnelNumber)) is not exactly 8 digits"
        case .invalidDate(let column):
            isGerman ? "\(header(column)) ist kein gültiges Datum TT.MM.JJJJ" : "\(header(column)) is not a valid date DD.MM.YYYY"
        case .unknownStatus:
            (isGerman ? "\(header(.status)) ist nicht einer von " : "\(header(.status)) is not one of ")
                + EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", ")
        case .invalidCharacter(let column):
            isGerman ? "\(header(column)) enthält ein Steuerzeichen" : "\(header(column)) contains a control character"
        case .duplicatePersonnelNumber:
            isGerman ? "\(header(.personnelNumber)) kommt mehrfach vor (alle betroffenen Zeilen)"
                : "\(header(.personnelNumber)) appears more than once (every affected row)"
        case .exitBeforeEntry:
            isGerman ? "\(header(.exitDate)) liegt vor \(header(.entryDate))" : "\(header(.exitDate)) is before \(header(.entryDate))"
        }
    }

    /// Describes what is wrong with a rejected file and what to change. English uses the importer's own
    /// message, which also names the kiosk.conf key to change.
    func fileProblem(_ error: HRImportError) -> String {
        if !isGerman, case .unreadable(let path, let reason) = error {
            return "Cannot read \(path): \(reason). Check the path and the file permissions."
        }
        guard isGerman else { return error.description }
        switch error {
        case .unreadable(let path, let reason):
            return "Die Datei \(path) kann nicht gelesen werden: \(reason). Bitte Pfad und Berechtigungen prüfen."
        case .invalidUTF8(let line):
            return "Zeile \(line) ist kein gültiges UTF-8. Bitte die Datei als UTF-8 exportieren "
                + "(oder hr.encoding = windows-1252 in kiosk.conf setzen)."
        case .mixedEncodings(let utf8Line, let otherLine):
            return "Die Datei mischt Zeichenkodierungen: Zeile \(utf8Line) ist UTF-8, Zeile \(otherLine) nicht "
                + "(vermutlich Windows-1252). Bitte die ganze Datei in einer Kodierung exportieren, am besten UTF-8."
        case .utf8FileWithWindows1252Setting:
            return "Die Datei ist UTF-8, aber hr.encoding steht auf windows-1252. Bitte hr.encoding = utf-8 "
                + "(oder auto) in kiosk.conf setzen."
        case .utf16File:
            return "Die Datei ist UTF-16 (Excel „Unicode-Text“). Bitte als CSV in UTF-8 oder Windows-1252 exportieren."
        case .empty:
            return "Die Datei ist leer. Bitte prüfen, ob der Export vollständig gelaufen ist."
        case .wrongSeparator(let likely):
            let found = likely.map { $0 == "\t" ? " (gefunden: Tabulatoren)" : " (gefunden: \($0))" } ?? ""
            return "Die Kopfzeile enthält kein Semikolon\(found). Bitte mit ; als Trennzeichen exportieren."
        case .missingColumn(let header, let configKey):
            return "Die Pflichtspalte „\(header)“ fehlt in der Kopfzeile. Bitte die Spalte in den Export aufnehmen "
                + "oder \(configKey) in kiosk.conf auf den tatsächlichen Spaltennamen setzen."
        case .duplicateColumn(let header):
            return "Die Spalte „\(header)“ steht zweimal in der Kopfzeile. Bitte eine davon aus dem Export entfernen."
        case .unterminatedQuote(let line):
            return "Ein Wert in Anführungszeichen ab Zeile \(line) wird nie geschlossen. Bitte das Anführungszeichen "
                + "in dieser Zeile korrigieren."
        case .noDataRows:
            return "Die Datei hat eine Kopfzeile, aber keine Datenzeilen. Bitte prüfen, ob der Export vollständig gelaufen ist."
        case .tooManyBadRows(let bad, let total, let examples):
            let first = examples.map { "Zeile \($0.line): \(reason($0.problem))" }.joined(separator: "; ")
            return "\(number(bad)) von \(number(total)) Zeilen sind unlesbar, daher wurde die Datei abgelehnt. "
                + "Erste Probleme: \(first). Bitte Kodierung und Spaltennamen des Exports prüfen."
        }
    }
}
