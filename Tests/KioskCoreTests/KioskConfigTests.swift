import Foundation
import KioskTestSupport
import Testing

@testable import KioskCore

@Suite struct KioskConfigTests {
    @Test func emptyTextGivesDefaults() throws {
        let config = try KioskConfig.parse(text: "")
        #expect(config.kioskID == KioskConfig().kioskID)
        #expect(config.hrColumns == HRColumn.defaultNames)
        #expect(config.eligibleStatuses == [.active, .onLeave])
    }

    @Test func sectionsPrefixTheirKeys() throws {
        let text = """
            # comment
            kiosk_id = sp-rathaus-03

            [hr]
            export = /srv/hr/export.csv
            encoding = windows-1252
            column.personnelNumber = PERNR
            [account]
            username_max_length = 15
            eligible_statuses = aktiv, beurlaubt, Versorgungsempfaenger
            eligible_groups = gewerblich-technisch, Erziehung ,
            """
        let config = try KioskConfig.parse(text: text)
        #expect(config.kioskID == "sp-rathaus-03")
        #expect(config.hrExportPath == "/srv/hr/export.csv")
        #expect(config.hrEncoding == .windows1252)
        #expect(config.hrColumns["personnelNumber"] == "PERNR")
        #expect(config.usernameMaxLength == 15)
        #expect(config.eligibleStatuses == [.active, .onLeave, .pensioner])
        #expect(config.eligibleEmployeeGroups == ["gewerblich-technisch", "erziehung"])
    }

    @Test func dottedKeyOutsideSectionEqualsSectionKey() throws {
        let config = try KioskConfig.parse(text: "hr.column.surname = Familienname\r\n")
        #expect(config.hrColumns["surname"] == "Familienname")
    }

    @Test func valueKeepsHashAndInnerSpaces() throws {
        let config = try KioskConfig.parse(text: "[hr]\ncolumn.orgUnit = Org # Einheit\n")
        #expect(config.hrColumns["orgUnit"] == "Org # Einheit")
    }

    @Test func unknownKeyNamesLineAndSuggestion() {
        #expect(throws: KioskConfigError.unknownKey(line: 2, key: "kiosk_idd", suggestion: "kiosk_id")) {
            try KioskConfig.parse(text: "# c\nkiosk_idd = a\n")
        }
    }

    @Test func keyWithoutSectionSuggestsSectionedKey() {
        #expect(throws: KioskConfigError.unknownKey(line: 1, key: "rp_id", suggestion: "webauthn.rp_id")) {
            try KioskConfig.parse(text: "rp_id = stadt.example")
        }
    }

    @Test func demoModeKeyPointsToFlag() throws {
        let error = try #require(throws: KioskConfigError.self) { try KioskConfig.parse(text: "demo_mode = true") }
        #expect(error.description.contains("--demo"))
        #expect(error.line == 1)
    }

    @Test func invalidValueMessageNamesLineKeyValueAndFix() throws {
        let error = try #require(throws: KioskConfigError.self) {
            try KioskConfig.parse(text: "\n\nidle_timeout_seconds = 2 minutes\n")
        }
        guard case .invalidValue(3, "idle_timeout_seconds", "2 minutes", let expected) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(expected.contains("10 to 3600"))
        #expect(error.description.contains("line 3"))
        #expect(error.description.contains("\"2 minutes\""))
    }

    @Test(arguments: [
        "[hr]\nencoding = latin1",
        "language = fr",
        "[account]\nusername_max_length = 21",
        "[account]\nusername_pattern = {first}_{last}",
        "[account]\nusername_pattern = fixed",
        "[account]\neligible_statuses = aktiv, pensioniert",
        "[account]\neligible_groups = Pflege; Erziehung",
        "[account]\nemail_domain = Stadt.Example",
        "[webauthn]\norigin = http://stadt.example",
        "[webauthn]\norigin = https://stadt.example/",
        "[webauthn]\nrp_id = https://stadt.example",
        "kiosk_id = kiosk 1",
        "log_level = verbose",
        "[hr]\ncolumn.surname = Nach;name",
        "[hr]\ncolumn.surname =",
    ])
    func invalidValuesAreRejected(text: String) {
        #expect(throws: KioskConfigError.self) { try KioskConfig.parse(text: text) }
    }

    @Test func originOutsideRPIDIsRejected() {
        let text = "[webauthn]\nrp_id = stadt.example\norigin = https://evil.example\n"
        #expect(throws: KioskConfigError.self) { try KioskConfig.parse(text: text) }
    }

    @Test func originOnSubdomainOfRPIDIsAccepted() throws {
        let config = try KioskConfig.parse(text: "[webauthn]\norigin = https://kiosk.stadt.example")
        #expect(config.origin == "https://kiosk.stadt.example")
    }

    @Test func twoFieldsWithSameColumnNameAreRejected() {
        #expect(throws: KioskConfigError.self) {
            try KioskConfig.parse(text: "[hr]\ncolumn.title = Nachname\n")
        }
    }

    @Test func duplicateKeyNamesBothLines() {
        #expect(throws: KioskConfigError.duplicateKey(line: 3, key: "language", firstLine: 1)) {
            try KioskConfig.parse(text: "language = de\n\nlanguage = en\n")
        }
    }

    @Test(arguments: ["just text", "[hr", "[]", "= value"])
    func malformedLinesAreRejected(text: String) {
        #expect(throws: KioskConfigError.malformedLine(line: 1, text: text)) { try KioskConfig.parse(text: text) }
    }

    @Test func shippedKioskConfLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let config = try KioskConfig.load(path: root.appendingPathComponent("kiosk.conf").path)
        #expect(config.hrExportPath == "Assets/demo-hr.csv")
        #expect(config.hrColumns == HRColumn.defaultNames)
    }

    @Test func loadWithByteOrderMarkAndMissingFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write([0xEF, 0xBB, 0xBF] + Array("kiosk_id = a1\n".utf8), to: "kiosk.conf")
        #expect(try KioskConfig.load(path: path).kioskID == "a1")
        #expect(throws: KioskConfigError.self) { try KioskConfig.load(path: directory.filePath("missing.conf")) }
    }

    @Test func loadRejectsNonUTF8File() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Array("kiosk_id = M".utf8) + [0xFC], to: "kiosk.conf")
        #expect(throws: KioskConfigError.self) { try KioskConfig.load(path: path) }
    }

    @Test func everyHRColumnHasAKey() {
        for column in HRColumn.allCases {
            #expect(ConfigKeys.allKeys.contains("hr.column.\(column.rawValue)"))
        }
    }
}

@Suite struct KioskConfigErrorMessageTests {
    @Test func messageNamesGivenFile() {
        let error = KioskConfigError.invalidValue(line: 19, key: "idle_timeout_seconds", value: "5",
                                                  expected: "a whole number of seconds from 10 to 3600")
        #expect(error.message(file: "/etc/kiosk/sp-03.conf").hasPrefix("/etc/kiosk/sp-03.conf line 19: invalid value \"5\""))
        #expect(error.description.hasPrefix("kiosk.conf line 19:"))
    }

    @Test func unreadableMessageHasOneFullStop() {
        let error = KioskConfigError.unreadable(path: "/tmp/missing.conf", reason: "The file doesn’t exist.")
        #expect(!error.message(file: "/tmp/missing.conf").contains(".."))
    }
}
