import Testing

@testable import KioskCore

@Suite struct SemicolonCSVTests {
    @Test func plainRowsWithLF() throws {
        let records = try SemicolonCSV.records(in: "a;b\nc;d\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"])])
    }

    @Test func crlfAndMissingFinalLineBreak() throws {
        let records = try SemicolonCSV.records(in: "a;b\r\nc;d")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func quotedSemicolonAndDoubledQuotes() throws {
        let records = try SemicolonCSV.records(in: "\"Müller; Hans\";\"Der \"\"Chef\"\"\";x\n")
        #expect(records[0].fields == ["Müller; Hans", "Der \"Chef\"", "x"])
    }

    @Test func lineBreakInsideQuotesKeepsLineNumbersRight() throws {
        let records = try SemicolonCSV.records(in: "h1;h2\r\n\"zwei\r\nZeilen\";b\r\nnext;row\r\n")
        #expect(records[1].fields == ["zwei\r\nZeilen", "b"])
        #expect(records[1].line == 2)
        #expect(records[2].line == 4)
    }

    @Test func blankLinesBecomeSingleEmptyField() throws {
        let records = try SemicolonCSV.records(in: "a\n\nb\n")
        #expect(records.map(\.fields) == [["a"], [""], ["b"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func trailingSeparatorGivesEmptyLastField() throws {
        let records = try SemicolonCSV.records(in: "a;b;\n")
        #expect(records[0].fields == ["a", "b", ""])
    }

    @Test func spacesBeforeOpeningQuoteAreDropped() throws {
        let records = try SemicolonCSV.records(in: "a; \"b;c\"\n")
        #expect(records[0].fields == ["a", "b;c"])
    }

    @Test func quoteInsideUnquotedFieldIsText() throws {
        let records = try SemicolonCSV.records(in: "O\"Brien;x\n")
        #expect(records[0].fields == ["O\"Brien", "x"])
    }

    @Test func unterminatedQuoteNamesOpeningLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) {
            try SemicolonCSV.records(in: "a;b\n\"open;c\nd;e\n")
        }
    }

    @Test func emptyTextHasNoRecords() throws {
        #expect(try SemicolonCSV.records(in: "").isEmpty)
    }
}
