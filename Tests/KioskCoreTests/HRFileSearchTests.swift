import Foundation
import KioskTestSupport
import Testing

@testable import KioskCore

private let header = "Personalnummer;Nachname;Vorname;Titel;Geburtsdatum;Referat;Organisationseinheit;"
    + "Beschaeftigtengruppe;Status;Eintrittsdatum;Austrittsdatum;Benutzerkennung"

private func demoExportPath() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/demo-hr.csv").path
}

@Suite struct HRFileSearchTests {
    @Test func answersEqualIndexLookupOnDemoExport() throws {
        let path = demoExportPath()
        let records = try HRImporter(KioskConfig()).load(path: path).records
        let index = IdentityIndex(records: records)
        let search = HRFileSearch(KioskConfig())
        for record in records.enumerated().filter({ $0.offset % 199 == 0 }).map(\.element) {
            let queries: [LookupQuery] = [
                .name(surname: record.surname, givenName: nil, birthDate: record.birthDate),
                .name(surname: NameFolding.asciiTransliteration(record.surname), givenName: record.givenName, birthDate: record.birthDate),
                .personnelNumber(record.personnelNumber, birthDate: record.birthDate),
                .name(surname: record.surname + "x", givenName: nil, birthDate: record.birthDate),
            ]
            for query in queries {
                #expect(try search.search(path: path, query: query) == index.search(query))
            }
        }
    }

    @Test func windows1252ExportIsDecoded() throws {
        let directory = try TemporaryDirectory()
        let row = "10000001;Wei\u{DF};J\u{FC}rgen;;01.02.1980;;;;aktiv;;;"
        let bytes = Array((header + "\r\n").utf8) + row.unicodeScalars.map { UInt8($0.value) } + [0x0D, 0x0A]
        let path = directory.filePath("hr.csv")
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let found = try HRFileSearch(KioskConfig()).search(
            path: path, query: .name(surname: "Weiss", givenName: "Juergen", birthDate: CivilDate(year: 1980, month: 2, day: 1)!))
        guard case .found(let people) = found else {
            Issue.record("expected a result, got \(found)")
            return
        }
        #expect(people.map(\.surname) == ["Weiß"])
    }

    @Test func mixedEncodingsAndMissingColumnAreRejected() throws {
        let directory = try TemporaryDirectory()
        let date = CivilDate(year: 1980, month: 2, day: 1)!
        let mixed = Array("\(header)\n10000001;Öztürk;Ali;;01.02.1980;;;;aktiv;;;\n10000002;M".utf8) + [0xFC] + Array("ller;A;;01.02.1980;;;;aktiv;;;\n".utf8)
        let mixedPath = directory.filePath("mixed.csv")
        _ = FileManager.default.createFile(atPath: mixedPath, contents: Data(mixed))
        #expect(throws: HRImportError.mixedEncodings(utf8Line: 2, otherLine: 3)) {
            try HRFileSearch(KioskConfig()).search(path: mixedPath, query: .name(surname: "Kaya", givenName: nil, birthDate: date))
        }
        let noDate = try directory.write("Personalnummer;Nachname;Vorname;Status\n10000001;Kaya;Ali;aktiv\n", to: "nodate.csv")
        #expect(throws: HRImportError.missingColumn(header: "Geburtsdatum", configKey: "hr.column.birthDate")) {
            try HRFileSearch(KioskConfig()).search(path: noDate, query: .name(surname: "Kaya", givenName: nil, birthDate: date))
        }
    }

    @Test func duplicatePersonnelNumberElsewhereDropsCandidate() throws {
        let directory = try TemporaryDirectory()
        let rows = [header, "10000001;Kaya;Ali;;01.02.1980;;;;aktiv;;;", "10000002;Demir;Can;;05.05.1975;;;;aktiv;;;",
                    "10000001;Other;Name;;09.09.1999;;;;aktiv;;;"]
        let path = try directory.write(rows.joined(separator: "\n") + "\n", to: "hr.csv")
        let date = CivilDate(year: 1980, month: 2, day: 1)!
        let query = LookupQuery.name(surname: "Kaya", givenName: nil, birthDate: date)
        #expect(try HRFileSearch(KioskConfig()).search(path: path, query: query) == .found([]))
        let other = LookupQuery.name(surname: "Demir", givenName: nil, birthDate: CivilDate(year: 1975, month: 5, day: 5)!)
        guard case .found(let people) = try HRFileSearch(KioskConfig()).search(path: path, query: other) else {
            Issue.record("expected a result")
            return
        }
        #expect(people.count == 1)
    }

    @Test(arguments: [("1.2.1980", true), ("01.02.1980", true), (" 01.02.1980 ", true), ("01.02.80", false),
                      ("02.01.1980", false), ("01. 02.1980", true), ("1.2.1980.", false)])
    func dateFieldComparison(text: String, matches: Bool) {
        let date = CivilDate(year: 1980, month: 2, day: 1)!
        #expect(FileScan.field(Array(text.utf8)[...], equals: date) == matches)
    }

    @Test func trickyRowsGiveIndexAnswerAtEveryReadSize() throws {
        let rows = [
            header + ";",
            "10000001;\"Meier; Jr.\";\"Karl \"\"Kalle\"\"\";;01.02.1980;;\"Haus\r\nNord\";;aktiv;;;",
            "",
            "10000002;Kaya;Ali;;1.2.1980;;;;aktiv;;;\r10000003;Kaya;Ayşe;;01.02.1980;;;;aktiv;;;",
            "10000004; Öztürk ;Ali;Dr.;01.02.1980 ;BAU;;;aktiv;;;",
            "  \"10000005\";Schmidt-Öztürk;Ayşe;;01.02.1980;;;;aktiv;;;",
            "10000006;Kaya;Ali;;31.02.1980;;;;aktiv;;;",
            "10000007;Weiß;Jürgen;;01.02.1980;;;;beurlaubt;;;",
            "10000007;Weiss;Hans;;02.02.1980;;;;aktiv;;;",
            " ; ;",
            "10000008;O\"Brien;Sean;;01.02.1980;;;;aktiv;;;",
        ]
        let directory = try TemporaryDirectory()
        let path = try directory.write(rows.joined(separator: "\r\n") + "\r\n", to: "hr.csv")
        let index = IdentityIndex(records: try HRImporter(KioskConfig()).load(path: path).records)
        let date = CivilDate(year: 1980, month: 2, day: 1)!
        let queries: [LookupQuery] = ["Meier", "Kaya", "Öztürk", "Schmidt", "Weiss", "O'Brien", "O\"Brien"].map {
            .name(surname: $0, givenName: nil, birthDate: date)
        } + [.personnelNumber("10000004", birthDate: date), .personnelNumber("10000007", birthDate: date)]
        for readSize in [3, 4, 7, 16, 61, 4096] {
            let search = HRFileSearch(KioskConfig(), readSize: readSize)
            for query in queries {
                #expect(try search.search(path: path, query: query) == index.search(query), "read size \(readSize): \(query)")
            }
        }
        #expect(index.search(.name(surname: "Kaya", givenName: nil, birthDate: date)) != .found([]))
    }
}
