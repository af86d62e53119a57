import Testing

@testable import KioskCore

private let header = "Personalnummer;Nachname;Vorname;Titel;Geburtsdatum;Referat;Organisationseinheit;"
    + "Beschaeftigtengruppe;Status;Eintrittsdatum;Austrittsdatum;Benutzerkennung"
private let today = CivilDate(year: 2026, month: 11, day: 30)!

private func row(_ number: String, _ surname: String = "Öztürk", birth: String = "01.02.1980",
                 status: String = "aktiv", account: String = "") -> String {
    "\(number);\(surname);Ayşe;;\(birth);BAU;BAU-G-R1;gewerblich-technisch;\(status);01.01.2010;;\(account)"
}

private func report(_ rows: [String], language: Language = .german) throws -> HRCheckReport {
    let result = try HRImporter(KioskConfig()).importExport(Array(([header] + rows).joined(separator: "\n").utf8))
    return HRCheckReport(result: result, config: KioskConfig(), today: today, language: language)
}

/// Returns the value printed after `label` and its colon, without the padding.
private func value(of label: String, in text: String) -> String? {
    let line = text.split(separator: "\n").first { $0.hasPrefix(label + ":") }
    return line.map { $0.dropFirst(label.count + 1).trimmingSpaces() }
}

@Suite struct HRCheckReportTests {
    @Test func cleanFileReportsCountsAndExitsZero() throws {
        let check = try report([row("10000001"), row("10000002", account: "a.b"), row("10000003", status: "ausgeschieden")])
        #expect(check.exitStatus == 0)
        #expect(check.text.contains("Gelesene Zeilen:"))
        #expect(check.text.contains("UTF-8"))
        #expect(value(of: "Gelesene Zeilen", in: check.text) == "3")
        #expect(value(of: "Abgelehnt", in: check.text) == "0")
        #expect(value(of: "Können ein neues Konto bekommen", in: check.text) == "1")
        #expect(value(of: "Haben schon ein Konto", in: check.text) == "1")
        #expect(value(of: "Nicht berechtigt (Status, Gruppe, Ein-/Austritt)", in: check.text) == "1")
        #expect(check.text.contains("Ergebnis: Die Datei ist in Ordnung."))
    }

    @Test func rejectedRowsGroupedByReasonWithLines() throws {
        let rows = [row("10000001"), row("1"), row("10000003", birth: "31.02.1980"), row("2"),
                    row("10000005"), row("10000005"), row("10000007"), row("10000008"), row("10000009"),
                    row("10000010"), row("10000011")]
        let check = try report(rows)
        #expect(check.exitStatus == 1)
        #expect(check.text.contains("Personalnummer hat nicht genau 8 Ziffern: Zeilen 3, 5"))
        #expect(check.text.contains("Geburtsdatum ist kein gültiges Datum TT.MM.JJJJ: Zeile 4"))
        #expect(check.text.contains("kommt mehrfach vor (alle betroffenen Zeilen): Zeilen 6, 7"))
    }

    @Test func manyLinesPerReasonAreShortened() throws {
        let bad = (1...12).map { row(String($0)) }
        let good = (10...30).map { row("100000\($0)") }
        let check = try report(good + bad)
        #expect(check.text.contains("12 Zeilen, zuerst 23, 24, 25, 26, 27 …"))
    }

    @Test func reportNamesNoPerson() throws {
        let check = try report([row("10000001"), row("10000001", "Kılıç"), row("1", "Wąsowski")]
            + (10...20).map { row("200000\($0)") })
        #expect(!check.text.contains("Öztürk"))
        #expect(!check.text.contains("Kılıç"))
        #expect(!check.text.contains("Ayşe"))
        #expect(!check.text.contains("10000001"))
        #expect(!check.text.contains("01.02.1980"))
    }

    @Test func englishReportUsesEnglishWordsAndSeparators() throws {
        let rows = (0..<1200).map { row(String(10_000_000 + $0)) }
        let check = try report(rows, language: .english)
        #expect(check.text.contains("Rows read:"))
        #expect(check.text.contains("1,200"))
        #expect(check.text.contains("Result: the file is fine."))
    }

    @Test func rejectedFileExitsTwoWithGermanFix() {
        let check = HRCheckReport(error: .mixedEncodings(utf8Line: 2, otherLine: 9), config: KioskConfig(), language: .german)
        #expect(check.exitStatus == 2)
        #expect(check.text.contains("Zeile 2 ist UTF-8, Zeile 9 nicht"))
        #expect(check.text.contains("als Ganzes abgelehnt"))
    }

    @Test func everyFileProblemHasGermanText() {
        let errors: [HRImportError] = [
            .unreadable(path: "x.csv", reason: "No such file"), .invalidUTF8(line: 3), .mixedEncodings(utf8Line: 1, otherLine: 2),
            .utf8FileWithWindows1252Setting, .utf16File, .empty, .wrongSeparator(likelySeparator: "\t"),
            .missingColumn(header: "Geburtsdatum", configKey: "hr.column.birthDate"), .duplicateColumn(header: "Nachname"),
            .unterminatedQuote(line: 4), .noDataRows,
            .tooManyBadRows(bad: 3, total: 4, examples: [HRRowRejection(line: 2, problem: .unknownStatus)]),
        ]
        for error in errors {
            let text = HRCheckReport(error: error, config: KioskConfig(), language: .german).text
            #expect(!text.contains("HR export:"), "untranslated: \(error)")
            #expect(text.contains("Bitte"), "no next step for \(error)")
        }
    }

    @Test func configuredColumnNameAppearsInReason() throws {
        var config = KioskConfig()
        config.hrColumns["birthDate"] = "GEBDAT"
        let text = "Personalnummer;Nachname;Vorname;GEBDAT;Status\n10000001;Kaya;Ali;31.02.1980;aktiv\n10000002;Kaya;Ali;01.02.1980;aktiv\n"
        let result = try HRImporter(config).importExport(Array(text.utf8))
        let check = HRCheckReport(result: result, config: config, today: today, language: .english)
        #expect(check.text.contains("GEBDAT is not a valid date DD.MM.YYYY: line 2"))
    }

    @Test func groupsIgnoreFieldCountsAndOtherLine() {
        let grouped = HRCheckReport.groupedRejections([
            HRRowRejection(line: 2, problem: .tooManyFields(expected: 12, found: 13)),
            HRRowRejection(line: 5, problem: .tooManyFields(expected: 12, found: 14)),
        ])
        #expect(grouped.count == 1)
        #expect(grouped.first?.1 == [2, 5])
    }
}
