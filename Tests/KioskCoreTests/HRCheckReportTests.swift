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
        #expect(check.text.contains("Personalnummer doppelt: Zeilen 6 (auch in Zeile 7), 7 (auch in Zeile 6)"))
        #expect(!check.text.contains("unlesbar"))
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
            .tooManyBadRows(total: 4, rejections: [2, 3, 4].map { HRRowRejection(line: $0, problem: .unknownStatus) }),
        ]
        for error in errors {
            let text = HRCheckReport(error: error, config: KioskConfig(), language: .german).text
            #expect(!text.contains("HR export:"), "untranslated: \(error)")
            #expect(text.contains("Bitte"), "no next step for \(error)")
            #expect(text.contains(" Sie ") || text.contains(" Sie,"), "not addressed with Sie: \(error)")
        }
    }

    @Test func shortRowReportedAsTooFewColumns() throws {
        let good = (10...20).map { row("100000\($0)") }
        let german = try report(["10000001;Öztürk"] + good)
        #expect(german.text.contains("zu wenige Spalten (2 gefunden, 12 erwartet): Zeile 2"))
        #expect(!german.text.contains("ist leer"))
        let english = try report(["10000001;Öztürk"] + good, language: .english)
        #expect(english.text.contains("too few columns (found 2, expected 12): line 2"))
    }

    @Test func englishDuplicatesNameOtherLine() throws {
        let check = try report([row("10000001"), row("10000002"), row("10000001"), row("10000004")], language: .english)
        #expect(check.text.contains("Personalnummer duplicated: lines 2 (also on line 4), 4 (also on line 2)"))
    }

    @Test func rejectedFileStatesThresholdAndReasonsLargestFirst() throws {
        let rows = [row("10000001"), row("1"), row("2"), row("3"), row("10000005", birth: "1980-02-01")]
        let error = try #require(throws: HRImportError.self) {
            try HRImporter(KioskConfig()).importExport(Array(([header] + rows).joined(separator: "\n").utf8))
        }
        let text = HRCheckReport(error: error, config: KioskConfig(), language: .german).text
        #expect(text.contains("4 von 5 Datenzeilen wurden abgelehnt."))
        #expect(text.contains("Sind mehr als 50 % der Datenzeilen fehlerhaft, lädt der Kiosk die Datei nicht."))
        let personnel = try #require(text.range(of: "Personalnummer hat nicht genau 8 Ziffern: Zeilen 3, 4, 5"))
        let date = try #require(text.range(of: "Geburtsdatum ist kein gültiges Datum TT.MM.JJJJ: Zeile 6"))
        #expect(personnel.lowerBound < date.lowerBound)
        #expect(text.contains("führenden Nullen"))
        #expect(!text.contains("Kodierung und Spaltennamen"))
        #expect(!text.contains("unlesbar"))
    }

    @Test func rejectedFileOfDuplicatesAdvisesNewExport() throws {
        let rows = (1...6).map { row("1000000\($0)") }
        let error = try #require(throws: HRImportError.self) {
            try HRImporter(KioskConfig()).importExport(Array(([header] + rows + rows).joined(separator: "\n").utf8))
        }
        let german = HRCheckReport(error: error, config: KioskConfig(), language: .german)
        #expect(german.exitStatus == 2)
        #expect(german.text.contains("12 von 12 Datenzeilen wurden abgelehnt."))
        #expect(german.text.contains("Personalnummer doppelt: 12 Zeilen, zuerst 2 (auch in Zeile 8), 3 (auch in Zeile 9)"))
        #expect(german.text.contains("Vermutlich wurde der Export zweimal in dieselbe Datei geschrieben."))
        #expect(!german.text.contains("Kodierung"))
        let english = HRCheckReport(error: error, config: KioskConfig(), language: .english)
        #expect(english.text.contains("When more than 50 % of the data rows are rejected, the kiosk does not load the file."))
        #expect(english.text.contains("The export was probably written twice into the same file."))
    }

    @Test func rejectedFileAdviceMatchesDominantReason() {
        let words = HRCheckWords(language: .german, config: KioskConfig())
        let cases: [(HRRowProblem, String)] = [
            (.tooFewFields(expected: 12, found: 2), "; als Trennzeichen"),
            (.tooManyFields(expected: 12, found: 13), "ohne Anführungszeichen"),
            (.missingValue(.givenName), "Die Spalte „Vorname“ ist in vielen Zeilen leer."),
            (.invalidCharacter(.surname), "Zeichenkodierung"),
            (.unknownStatus, "Erlaubt sind: aktiv, beurlaubt"),
            (.exitBeforeEntry, "vertauscht"),
            (.invalidDate(.entryDate), "„Eintrittsdatum“ im Format TT.MM.JJJJ"),
        ]
        for (problem, expected) in cases {
            let rejections = (2...9).map { HRRowRejection(line: $0, problem: problem) }
            #expect(words.advice(forRejections: rejections).contains(expected), "advice for \(problem)")
        }
    }

    @Test func adviceCoversEveryLargeReason() {
        let words = HRCheckWords(language: .german, config: KioskConfig())
        let rejections = (2...5).map { HRRowRejection(line: $0, problem: .invalidPersonnelNumber) }
            + (6...8).map { HRRowRejection(line: $0, problem: .unknownStatus) }
            + [HRRowRejection(line: 9, problem: .exitBeforeEntry)]
        let advice = words.advice(forRejections: rejections)
        #expect(advice.contains("führenden Nullen"))
        #expect(advice.contains("Erlaubt sind"))
        #expect(!advice.contains("vertauscht"))
    }

    @Test func rejectedFileNamesNoPerson() throws {
        let rows = [row("10000001"), row("10000001", "Kılıç"), row("1", "Wąsowski"), "10000004;Öztürk"]
        let error = try #require(throws: HRImportError.self) {
            try HRImporter(KioskConfig()).importExport(Array(([header] + rows).joined(separator: "\n").utf8))
        }
        for language in [Language.german, .english] {
            let text = HRCheckReport(error: error, config: KioskConfig(), language: language).text
            for secret in ["Öztürk", "Kılıç", "Wąsowski", "Ayşe", "10000001", "10000004", "01.02.1980"] {
                #expect(!text.contains(secret), "\(language) report contains \(secret)")
            }
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
}
