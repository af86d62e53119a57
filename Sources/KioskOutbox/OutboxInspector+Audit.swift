import KioskCore

extension OutboxInspector {
    /// Formats the audit check: a summary line, then the first broken entry and any record that
    /// was deleted, changed or never audited.
    public static func report(_ report: AuditVerificationReport, language: Language) -> String {
        let german = language == .german
        var lines = [String]()
        if let problem = report.problem {
            lines.append(
                (german ? "Prüfprotokoll fehlerhaft: " : "Audit log broken: ") + describe(problem, language: language))
        } else {
            lines.append(
                german
                    ? "Prüfprotokoll: \(report.entryCount) Einträge, Kette und Signaturen gültig."
                    : "Audit log: \(report.entryCount) entries, chain and signatures intact.")
        }
        for id in report.missingRecords {
            lines.append(german ? "Vorgang \(id): Datei fehlt (gelöscht)" : "enrollment \(id): record file missing (deleted)")
        }
        for name in report.mismatchedRecords {
            lines.append(
                german ? "\(name): Inhalt weicht vom protokollierten Hash ab" : "\(name): payload differs from the audited hash")
        }
        for name in report.unauditedRecords {
            lines.append(german ? "\(name): kein Eintrag im Prüfprotokoll" : "\(name): no entry in the audit log")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Describes an audit problem, naming the line.
    public static func describe(_ problem: AuditProblem, language: Language) -> String {
        let german = language == .german
        switch problem {
        case .unreadableEntry(let line):
            return german ? "Zeile \(line) ist kein lesbarer Eintrag" : "line \(line) is not a readable entry"
        case .sequenceGap(let line, let expected, let found):
            return german
                ? "Zeile \(line) trägt Nummer \(found) statt \(expected) (Eintrag gelöscht oder verschoben)"
                : "line \(line) has number \(found), expected \(expected) (an entry was deleted or moved)"
        case .brokenChain(let line):
            return german
                ? "Zeile \(line) passt nicht zum Hash der Zeile davor (Eintrag geändert oder entfernt)"
                : "line \(line) does not match the hash of the line before it (an entry was changed or removed)"
        case .badSignature(let line):
            return german
                ? "Zeile \(line) ist nicht mit dem Kioskschlüssel signiert (geändert oder gefälscht)"
                : "line \(line) is not signed by the kiosk key (changed or forged)"
        case .truncated(let head, let last):
            return german
                ? "das Protokoll endet bei Eintrag \(last), der signierte Kopf nennt \(head) (Ende abgeschnitten)"
                : "the log ends at entry \(last) but the signed head names \(head) (entries cut off)"
        case .badHead(let detail):
            return german ? "signierter Kopf ungültig (\(detail))" : "signed head invalid (\(detail))"
        case .unreadableFile(let errno):
            return german ? "Datei nicht lesbar (\(errorText(errno)))" : "file not readable (\(errorText(errno)))"
        }
    }
}
