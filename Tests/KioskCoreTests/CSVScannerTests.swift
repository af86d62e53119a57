import Testing

@testable import KioskCore

/// Feeds `text` to a scanner in chunks of `size` bytes and returns the records as strings.
private func scan(_ bytes: [UInt8], chunkSize size: Int) throws(CSVError) -> [CSVRecord] {
    var scanner = CSVScanner()
    var records: [CSVRecord] = []
    let collect = { (record: CSVRawRecord) in records.append(CSVRecord(line: record.line, fields: record.strings())) }
    bytes.withUnsafeBufferPointer { buffer in
        var start = 0
        while start < buffer.count {
            let end = min(buffer.count, start + size)
            scanner.feed(UnsafeBufferPointer(rebasing: buffer[start..<end]), collect)
            start = end
        }
    }
    try scanner.finish(collect)
    return records
}

private let trickyTexts = [
    "h1;h2\r\n\"zwei\r\nZeilen\";b\r\nnext;row\r\n",
    "\"Müller; Hans\";\"Der \"\"Chef\"\"\";x\n",
    "a; \"b;c\"\nO\"Brien;x\n\n;;\n",
    "a\rb\r\nc\n\"x\ry\";\"\"\nlast;line-without-break",
    "Personalnummer;Nachname\n00000001;\"Yılmaz-Öztürk, \"\"Dr.\"\"\"   ;  \n00000002;Łukasz\r\n",
]

@Suite struct CSVScannerTests {
    @Test(arguments: trickyTexts)
    func chunkBoundariesDoNotChangeRecords(text: String) throws {
        let whole = try SemicolonCSV.records(in: text)
        for size in [1, 2, 3, 7, 64] {
            #expect(try scan(Array(text.utf8), chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    @Test func unterminatedQuoteIsReportedAfterLastChunk() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try scan(Array("a\n\"b;c\nd\n".utf8), chunkSize: 2) }
    }

    @Test func rawFieldsAreBytesWithoutQuotes() throws {
        var scanner = CSVScanner()
        var fields: [[UInt8]] = []
        let bytes = Array("1;\"a\"\"b\";\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            scanner.feed(buffer) { record in fields = (0..<record.count).map { Array(record.field($0)) } }
        }
        #expect(fields == [Array("1".utf8), Array("a\"b".utf8), []])
    }

    @Test func matchesMaskFindsEveryEqualByte() {
        let word = UInt64(littleEndian: 0x3B00_0A3B_7F80_FF0A)
        #expect(CSVScanner.matches(word, 0x0A).nonzeroBitCount == 2)
        #expect(CSVScanner.matches(word, 0x3B).nonzeroBitCount == 2)
        #expect(CSVScanner.matches(word, 0x22) == 0)
        #expect(CSVScanner.matches(word, 0x00).nonzeroBitCount == 1)
    }
}
