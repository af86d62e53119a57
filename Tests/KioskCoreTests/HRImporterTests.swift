import Foundation
import KioskTestSupport
import Testing

@testable import KioskCore

private let header = "Personalnummer;Nachname;Vorname;Titel;Geburtsdatum;Referat;Organisationseinheit;"
    + "Beschaeftigtengruppe;Status;Eintrittsdatum;Austrittsdatum;Benutzerkennung"

/// Builds a row in the default column order. Tests pass only the fields they check.
private func row(
    _ number: String = "12345678", _ surname: String = "Müller", _ given: String = "Hans",
    title: String = "", birth: String = "01.02.1980", status: String = "aktiv", entry: String = "01.01.2010",
    exit: String = "", account: String = ""
) -> String {
    "\(number);\(surname);\(given);\(title);\(birth);BAU;BAU-G-R1;gewerblich-technisch;\(status);\(entry);\(exit);\(account)"
}

private func importText(_ text: String, config: KioskConfig = KioskConfig()) throws(HRImportError) -> HRImportResult {
    try HRImporter(config).importExport(Array(text.utf8))
}

private func config(encoding: HREncoding) -> KioskConfig {
    var config = KioskConfig()
    config.hrEncoding = encoding
    return config
}

@Suite struct HRImporterTests {
    // MARK: - Encodings

    @Test func utf8WithByteOrderMarkLoads() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\(header)\r\n\(row())\r\n".utf8)
        let result = try HRImporter(config(encoding: .utf8)).importExport(bytes)
        #expect(result.records.map(\.surname) == ["Müller"])
        #expect(result.encoding == .utf8)
    }

    @Test func windows1252WithEuroAndUmlautsLoads() throws {
        // "Weiß" with ß = 0xDF, "Jürgen" with ü = 0xFC, org unit "Büro €" with € = 0x80, „x“ quotes.
        let line = "12345678;Wei\u{DF};J\u{FC}rgen;;01.02.1980;BAU;B\u{FC}ro \u{80} \u{84}x\u{93};Pflege;aktiv;;;"
        let bytes = Array((header + "\r\n").utf8) + line.unicodeScalars.map { UInt8($0.value) }
        for encoding in [HREncoding.windows1252, .auto] {
            let result = try HRImporter(config(encoding: encoding)).importExport(bytes)
            let record = try #require(result.records.first)
            #expect(record.surname == "Weiß")
            #expect(record.givenName == "Jürgen")
            #expect(record.orgUnit == "Büro € „x“")
            #expect(result.encoding == .windows1252)
        }
    }

    @Test func invalidUTF8WithUTF8SettingRejectsFileNamingLine() {
        let bytes = Array("\(header)\n\(row("12345678", "Kaya"))\n".utf8) + [0x4D, 0xFC, 0x6C] + Array(";x\n".utf8)
        #expect(throws: HRImportError.invalidUTF8(line: 3)) {
            try HRImporter(config(encoding: .utf8)).importExport(bytes)
        }
    }

    @Test func fileMixingUTF8AndWindows1252IsRejectedWhateverTheSetting() throws {
        // Line 2 has "Müller" in UTF-8, line 3 has "Jürgen" with ü as the Windows-1252 byte 0xFC.
        let bytes = Array("\(header)\n\(row())\n".utf8) + Array("87654321;Kaya;J".utf8) + [0xFC]
            + Array("rgen;;01.01.1990;;;;aktiv;;;\n".utf8)
        for encoding in HREncoding.allCases {
            let error = try #require(throws: HRImportError.self) { try HRImporter(config(encoding: encoding)).importExport(bytes) }
            #expect(error == .mixedEncodings(utf8Line: 2, otherLine: 3))
            #expect(error.description.contains("one encoding"))
        }
    }

    @Test func windows1252ByteBeforeLineFeedCountsLines() {
        // 0xC4 (Ä in Windows-1252) looks like a UTF-8 lead byte; the line feed after it still counts.
        let bytes = Array("\(header)\n12345678;M".utf8) + [0xC4, 0x0A] + Array("x;\u{00FC}\n".utf8)
        #expect(HRExportDecoder.mixedEncodingLines(bytes)?.utf8Line == 3)
        #expect(HRExportDecoder.mixedEncodingLines(bytes)?.otherLine == 2)
    }

    @Test func utf8FileWithWindows1252SettingIsRejected() {
        #expect(throws: HRImportError.utf8FileWithWindows1252Setting) {
            try HRImporter(config(encoding: .windows1252)).importExport(Array("\(header)\n\(row())\n".utf8))
        }
    }

    @Test func utf16FileIsRejected() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(header.utf8).flatMap { [$0, 0] }
        #expect(throws: HRImportError.utf16File) { try HRImporter(KioskConfig()).importExport(bytes) }
    }

    @Test func undefinedWindows1252ByteRejectsRow() throws {
        let bytes = Array("\(header)\n\(row("12345678", "Kaya"))\n".utf8) + Array("87654321;A".utf8) + [0x81] + Array(";B;;01.01.1990;;;;aktiv;;;\n".utf8)
        let result = try HRImporter(config(encoding: .windows1252)).importExport(bytes)
        #expect(result.rejectedRows == [HRRowRejection(line: 3, problem: .invalidCharacter(.surname))])
    }

    // MARK: - CSV shape

    @Test func quotingLineBreakBlankLinesTrailingSeparator() throws {
        let text = "\(header);\r\n\r\n"
            + "\"11111111\";\"Meier; Jr.\";\"Karl \"\"Kalle\"\"\";;01.01.1970;;\"Haus\r\nNord\";;aktiv;;;;\r\n"
            + "\r\n"
            + row("22222222") + ";\r\n"
        let result = try importText(text)
        #expect(result.rejectedRows.isEmpty)
        #expect(result.records.map(\.surname) == ["Meier; Jr.", "Müller"])
        #expect(result.records[0].givenName == "Karl \"Kalle\"")
        #expect(result.records[0].orgUnit == "Haus Nord")
    }

    @Test func spacesAndNoBreakSpacesAreTrimmedAndNamesNFCNormalised() throws {
        let text = "\(header)\n" + row(" 12345678 ", "\u{00A0}Mu\u{0308}ller  Lu\u{0308}denscheidt\t", " Hans ")
        let record = try #require(try importText(text).records.first)
        #expect(record.personnelNumber == "12345678")
        #expect(record.surname == "Müller Lüdenscheidt")
        #expect(record.surname.unicodeScalars.count == "Müller Lüdenscheidt".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(record.givenName == "Hans")
    }

    @Test func fieldsOfRecordAreMapped() throws {
        let text = "\(header)\n" + row("00012345", title: "Dr.", status: "beurlaubt", entry: "15.03.2001", exit: "31.12.2027", account: "hans.mueller")
        let record = try #require(try importText(text).records.first)
        #expect(record.personnelNumber == "00012345")
        #expect(record.title == "Dr.")
        #expect(record.birthDate == CivilDate(year: 1980, month: 2, day: 1))
        #expect(record.status == .onLeave)
        #expect(record.entryDate == CivilDate(year: 2001, month: 3, day: 15))
        #expect(record.exitDate == CivilDate(year: 2027, month: 12, day: 31))
        #expect(record.account == "hans.mueller")
        #expect(record.employeeGroup == "gewerblich-technisch")
    }

    @Test func missingTrailingFieldsReadAsEmpty() throws {
        let result = try importText("\(header)\n12345678;Kaya;Ali;;03.04.1975;;;;aktiv\n")
        #expect(result.records.first?.account == nil)
        #expect(result.records.first?.exitDate == nil)
    }

    @Test func optionalColumnMayBeAbsent() throws {
        let result = try importText("Personalnummer;Nachname;Vorname;Geburtsdatum;Status\n12345678;Kaya;Ali;03.04.1975;aktiv\n")
        #expect(result.records.first?.title == "")
    }

    @Test func configuredColumnNamesAreUsed() throws {
        var config = KioskConfig()
        config.hrColumns["personnelNumber"] = "PERNR"
        let result = try importText("pernr;Nachname;Vorname;Geburtsdatum;Status\n12345678;Kaya;Ali;03.04.1975;aktiv\n", config: config)
        #expect(result.records.count == 1)
    }

    // MARK: - Bad rows

    @Test func badRowsAreReportedWithLineAndReasonAndOthersLoad() throws {
        let lines = [
            header, row("10000001"), row("1234567"), row("10000003", birth: "31.02.1980"), row("10000004", status: "pensioniert"),
            row("10000005", ""), row("10000006") + ";extra", row("10000007", entry: "01.01.2020", exit: "01.01.2019"),
            row("10000008", birth: "1980-02-01"), row("10000009", exit: "32.01.2025"),
        ] + (10...25).map { row("100000\($0)") }
        let result = try importText(lines.joined(separator: "\n"))
        #expect(result.rejectedRows == [
            HRRowRejection(line: 3, problem: .invalidPersonnelNumber),
            HRRowRejection(line: 4, problem: .invalidDate(.birthDate)),
            HRRowRejection(line: 5, problem: .unknownStatus),
            HRRowRejection(line: 6, problem: .missingValue(.surname)),
            HRRowRejection(line: 7, problem: .tooManyFields(expected: 12, found: 13)),
            HRRowRejection(line: 8, problem: .exitBeforeEntry),
            HRRowRejection(line: 9, problem: .invalidDate(.birthDate)),
            HRRowRejection(line: 10, problem: .invalidDate(.exitDate)),
        ])
        #expect(result.records.count == 17)
    }

    @Test func shortRowIsTooFewColumnsNotEmptyValue() throws {
        let lines = [header, "10000001;Müller", row("10000002"), "10000003;Kaya;Ali;;01.02.1980", row("10000004")]
        let result = try importText(lines.joined(separator: "\n"))
        #expect(result.rejectedRows == [
            HRRowRejection(line: 2, problem: .tooFewFields(expected: 12, found: 2)),
            HRRowRejection(line: 4, problem: .tooFewFields(expected: 12, found: 5)),
        ])
        #expect(result.rejectedRows[0].description == "line 2: too few columns (found 2, expected 12)")
    }

    @Test func rowMissingOnlyOptionalTrailingColumnsLoads() throws {
        // Status is the last required column (index 8), so entry, exit and account may be cut off.
        let text = [header, "10000001;Müller;Hans;;01.02.1980;BAU;BAU-G-R1;gewerblich-technisch;aktiv"].joined(separator: "\n")
        let result = try importText(text)
        #expect(result.rejectedRows.isEmpty)
        #expect(result.records.map(\.status) == [.active])
    }

    @Test func rowEndingBeforeStatusIsTooFewColumns() throws {
        let text = [header, "10000001;Müller;Hans;;01.02.1980;BAU;BAU-G-R1;gewerblich-technisch", row("10000002"), row("10000003")]
            .joined(separator: "\n")
        #expect(try importText(text).rejectedRows == [HRRowRejection(line: 2, problem: .tooFewFields(expected: 12, found: 8))])
    }

    @Test func duplicatePersonnelNumbersRejectBothRows() throws {
        let text = [header, row("10000001"), row("10000002"), row("10000001", "Kaya"), row("10000003")].joined(separator: "\n")
        let result = try importText(text)
        #expect(result.rejectedRows == [
            HRRowRejection(line: 2, problem: .duplicatePersonnelNumber(otherLine: 4)),
            HRRowRejection(line: 4, problem: .duplicatePersonnelNumber(otherLine: 2)),
        ])
        #expect(result.records.map(\.personnelNumber) == ["10000002", "10000003"])
    }

    @Test func rowProblemDescriptionsHoldNoPersonalData() {
        let problem = HRRowRejection(line: 7, problem: .invalidDate(.birthDate))
        #expect(problem.description == "line 7: birthDate is not a valid DD.MM.YYYY date")
    }

    // MARK: - Whole-file rejection

    @Test func commaSeparatedFileIsRejected() throws {
        let text = header.replacingOccurrences(of: ";", with: ",") + "\n12345678,Kaya,Ali\n"
        let error = try #require(throws: HRImportError.self) { try importText(text) }
        #expect(error == .wrongSeparator(likelySeparator: ","))
        #expect(error.description.contains("Export the file with ;"))
    }

    @Test func missingRequiredColumnNamesColumnAndConfigKey() throws {
        let text = "Personalnummer;Nachname;Vorname;Status\n12345678;Kaya;Ali;aktiv\n"
        let error = try #require(throws: HRImportError.self) { try importText(text) }
        #expect(error == .missingColumn(header: "Geburtsdatum", configKey: "hr.column.birthDate"))
        #expect(error.description.contains("hr.column.birthDate"))
    }

    @Test func duplicateColumnIsRejected() {
        #expect(throws: HRImportError.duplicateColumn(header: "Nachname")) {
            try importText("Personalnummer;Nachname;Vorname;Geburtsdatum;Status;Nachname\n")
        }
    }

    @Test func mostlyBadRowsRejectFile() throws {
        let text = [header, row("10000001"), row("1"), row("2"), row("3")].joined(separator: "\n")
        let error = try #require(throws: HRImportError.self) { try importText(text) }
        guard case .tooManyBadRows(let total, let rejections) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(total == 4)
        #expect(rejections.count == 3)
        #expect(rejections.first == HRRowRejection(line: 3, problem: .invalidPersonnelNumber))
        #expect(error.description.contains("more than 50 %"))
    }

    @Test func mostlyDuplicateRowsRejectFileAsDuplicates() throws {
        let rows = [row("10000001"), row("10000002"), row("10000001"), row("10000002"), row("10000003")]
        let error = try #require(throws: HRImportError.self) { try importText(([header] + rows).joined(separator: "\n")) }
        guard case .tooManyBadRows(let total, let rejections) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(total == 5)
        #expect(rejections.map(\.problem) == [
            .duplicatePersonnelNumber(otherLine: 4), .duplicatePersonnelNumber(otherLine: 5),
            .duplicatePersonnelNumber(otherLine: 2), .duplicatePersonnelNumber(otherLine: 3),
        ])
        #expect(error.description.contains("4 × personnelNumber appears more than once"))
        #expect(!error.description.contains("unreadable"))
    }

    @Test func halfBadRowsStillLoad() throws {
        let text = [header, row("10000001"), row("10000002"), row("1"), row("2")].joined(separator: "\n")
        #expect(try importText(text).records.count == 2)
    }

    @Test func emptyHeaderOnlyAndUnterminatedQuoteAreRejected() {
        #expect(throws: HRImportError.empty) { try importText("\r\n\r\n") }
        #expect(throws: HRImportError.noDataRows) { try importText(header + "\r\n") }
        #expect(throws: HRImportError.unterminatedQuote(line: 3)) {
            try importText([header, row(), "12345679;\"Kaya;Ali;;", row("12345680")].joined(separator: "\n"))
        }
    }

    @Test func loadReportsUnreadablePath() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: HRImportError.self) { try HRImporter(KioskConfig()).load(path: directory.filePath("none.csv")) }
    }

    // MARK: - Demo data

    @Test func demoExportLoadsWithoutRejections() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let result = try HRImporter(KioskConfig()).load(path: root.appendingPathComponent("Assets/demo-hr.csv").path)
        #expect(result.records.count == 3000)
        #expect(result.rejectedRows.isEmpty)
        let homonymKeys = Dictionary(grouping: result.records) { "\($0.surname)|\($0.givenName)|\($0.birthDate)" }
        #expect(homonymKeys.values.filter { $0.count > 1 }.count >= 3)
    }
}
