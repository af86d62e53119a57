import KioskCore
import Testing
import KioskTerminal

@Suite("Localizer")
struct LocalizerTests {
    private let tables: [Language: LocaleTable] = [
        .german: LocaleTable(entries: ["greeting": "Hallo {0}", "only.de": "nur Deutsch", "step": "Schritt {0} von {1}"]),
        .english: LocaleTable(entries: ["greeting": "Hello {0}", "step": "Step {0} of {1}"]),
    ]

    @Test func germanIsTheDefault() throws {
        let localizer = try Localizer(directory: Fixtures.localeDirectory)
        #expect(localizer.language == .german)
        #expect(localizer.text("welcome.title") == "Willkommen")
    }

    @Test func placeholdersAreFilledInByPosition() {
        let localizer = Localizer(tables: tables, language: .english)
        #expect(localizer.text("step", "3", "9") == "Step 3 of 9")
        #expect(localizer.text("greeting", "Jürgen") == "Hello Jürgen")
    }

    @Test func missingArgumentLeavesPlaceholder() {
        #expect(Localizer(tables: tables).text("step", "3") == "Schritt 3 von {1}")
    }

    @Test func argumentsAreNotScannedForPlaceholders() {
        #expect(Localizer(tables: tables).text("step", "{1}", "9") == "Schritt {1} von 9")
    }

    @Test func missingKeyFallsBackToGerman() {
        #expect(Localizer(tables: tables, language: .english).text("only.de") == "nur Deutsch")
    }

    @Test func keyMissingEverywhereShowsTheKey() {
        #expect(Localizer(tables: tables, language: .english).text("no.such.key") == "no.such.key")
    }

    @Test func switchingLanguageChangesText() throws {
        var localizer = try Fixtures.localizer()
        localizer.language = .english
        #expect(localizer.text("welcome.title") == "Welcome")
    }

    @Test func missingDirectoryIsReported() {
        #expect(throws: LocalizerError.unreadable(path: "/nonexistent/de.strings")) {
            try Localizer(directory: "/nonexistent")
        }
    }

    @Test func bothTablesHaveTheSameKeys() throws {
        let localizer = try Fixtures.localizer()
        let german = try #require(localizer.table(for: .german)).entries
        let english = try #require(localizer.table(for: .english)).entries
        #expect(Set(german.keys).subtracting(english.keys).sorted() == [])
        #expect(Set(english.keys).subtracting(german.keys).sorted() == [])
    }

    @Test func bothTablesHaveTheSamePlaceholders() throws {
        let localizer = try Fixtures.localizer()
        let german = try #require(localizer.table(for: .german)).entries
        let english = try #require(localizer.table(for: .english)).entries
        for (key, text) in german {
            let other = english[key] ?? ""
            #expect(LocaleTable.placeholders(in: text) == LocaleTable.placeholders(in: other), "\(key)")
        }
    }

    @Test func noTextIsEmptyOrMentionsErrorCodes() throws {
        let localizer = try Fixtures.localizer()
        for language in Language.allCases {
            for (key, text) in try #require(localizer.table(for: language)).entries {
                #expect(!text.isEmpty, "\(language) \(key)")
                #expect(!text.contains("FIDO_ERR"), "\(language) \(key)")
                #expect(!text.contains("CTAP"), "\(language) \(key)")
            }
        }
    }
}
