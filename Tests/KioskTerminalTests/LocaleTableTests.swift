import Testing
import KioskTerminal

@Suite("LocaleTable")
struct LocaleTableTests {
    @Test func parsesKeysValuesCommentsAndBlankLines() throws {
        let table = try LocaleTable(parsing: """
            # Kommentar
            welcome.title = Willkommen

              pin.retries   =   Noch {0} Versuche.  
            """)
        #expect(table.entries == ["welcome.title": "Willkommen", "pin.retries": "Noch {0} Versuche."])
    }

    @Test func valueMayContainEqualsSign() throws {
        let table = try LocaleTable(parsing: "formula = a = b")
        #expect(table.entries["formula"] == "a = b")
    }

    @Test func escapesBecomeLineBreakAndBackslash() throws {
        let table = try LocaleTable(parsing: #"body = eins\nzwei \\ drei"#)
        #expect(table.entries["body"] == "eins\nzwei \\ drei")
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let table = try LocaleTable(parsing: "\u{FEFF}a = Ä\r\nb = Ö\r\n")
        #expect(table.entries == ["a": "Ä", "b": "Ö"])
    }

    @Test func lineWithoutEqualsIsRejectedWithLineNumber() {
        #expect(throws: LocaleTableError.missingEquals(line: 3)) {
            try LocaleTable(parsing: "a = 1\n\nkaputt\n")
        }
    }

    @Test func emptyKeyIsRejected() {
        #expect(throws: LocaleTableError.emptyKey(line: 1)) {
            try LocaleTable(parsing: " = Wert")
        }
    }

    @Test func duplicateKeyIsRejected() {
        #expect(throws: LocaleTableError.duplicateKey("a", line: 2)) {
            try LocaleTable(parsing: "a = 1\na = 2")
        }
    }

    @Test func placeholdersAreFound() {
        #expect(LocaleTable.placeholders(in: "Schritt {0} von {1}") == [0, 1])
        #expect(LocaleTable.placeholders(in: "{1} und {1}") == [1])
        #expect(LocaleTable.placeholders(in: "keine {x} Platzhalter {") == [])
    }
}
