/// The German and English wording of `HRCheckReport`.
///
/// Columns are named by their header in the export (from kiosk.conf), because that is the name
/// the HR clerk sees in the file.
struct HRCheckWords {
    let language: Language
    let config: KioskConfig

    var isGerman: Bool { language == .german }

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
            ? "Ergebnis: Die Datei kann geladen werden. Die abgelehnten Zeilen fehlen aber in der Suche am Kiosk. "
                + "Bitte korrigieren Sie diese Zeilen im Personalsystem und exportieren Sie die Datei erneut."
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
        lineList(items: lines.map(String.init), limit: limit)
    }

    /// Lists rows by `items`, each a line number with an optional note such as "4 (auch in Zeile 9)".
    func lineList(items: [String], limit: Int) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        let count = items.count
        if isGerman {
            let noun = count == 1 ? "Zeile" : "Zeilen"
            return count > limit ? "\(number(count)) \(noun), zuerst \(shown) …" : "\(noun) \(shown)"
        }
        let noun = count == 1 ? "line" : "lines"
        return count > limit ? "\(number(count)) \(noun), first \(shown) …" : "\(noun) \(shown)"
    }

    /// Formats one group of rejected rows as a list item: "  - reason: Zeilen 4, 17".
    /// Duplicates name the other line of each row, because that is where the clerk looks next.
    func groupLine(_ group: HRRejectionGroup, limit: Int) -> String {
        guard case .duplicatePersonnelNumber = group.problem else {
            return "  - " + reason(group.problem) + ": " + lineList(group.rejections.map(\.line), limit: limit)
        }
        let items = group.rejections.map { rejection in
            guard case .duplicatePersonnelNumber(let otherLine) = rejection.problem else { return String(rejection.line) }
            return isGerman ? "\(rejection.line) (auch in Zeile \(otherLine))" : "\(rejection.line) (also on line \(otherLine))"
        }
        let title = isGerman ? "\(header(.personnelNumber)) doppelt" : "\(header(.personnelNumber)) duplicated"
        return "  - " + title + ": " + lineList(items: items, limit: limit)
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
            isGerman ? "mehr Felder als die \(expected) Spalten der Kopfzeile (vermutlich ein ; in einem Wert ohne Anführungszeichen)"
                : "more fields than the header's \(expected) columns (probably a ; in a value without quotes)"
        case .tooFewFields(let expected, let found):
            isGerman ? "zu wenige Spalten (\(found) gefunden, \(expected) erwartet)"
                : "too few columns (found \(found), expected \(expected))"
        case .missingValue(let column):
            isGerman ? "\(header(column)) ist leer" : "\(header(column)) is empty"
        case .invalidPersonnelNumber:
            isGerman ? "\(header(.personnelNumber)) hat nicht genau 8 Ziffern" : "\(header(.personnelNumber)) is not exactly 8 digits"
        case .invalidDate(let column):
            isGerman ? "\(header(column)) ist kein gültiges Datum TT.MM.JJJJ" : "\(header(column)) is not a valid date DD.MM.YYYY"
        case .unknownStatus:
            (isGerman ? "\(header(.status)) hat einen unbekannten Wert (erlaubt: " : "\(header(.status)) has an unknown value (allowed: ")
                + EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        case .invalidCharacter(let column):
            isGerman ? "\(header(column)) enthält ein Steuerzeichen" : "\(header(column)) contains a control character"
        case .duplicatePersonnelNumber(let otherLine):
            isGerman ? "\(header(.personnelNumber)) doppelt (auch in Zeile \(otherLine))"
                : "\(header(.personnelNumber)) duplicated (also on line \(otherLine))"
        case .exitBeforeEntry:
            isGerman ? "\(header(.exitDate)) liegt vor \(header(.entryDate))" : "\(header(.exitDate)) is before \(header(.entryDate))"
        }
    }
}
