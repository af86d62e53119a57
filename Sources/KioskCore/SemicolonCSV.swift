/// One record of a semicolon-separated file.
public struct CSVRecord: Sendable, Equatable {
    /// Line number (from 1) on which the record starts. A quoted line break makes a record
    /// span several lines, and the next record's number counts them.
    public var line: Int
    /// Field values with quotes removed and doubled quotes undone; not trimmed.
    public var fields: [String]
}

/// Reason a text cannot be split into records.
public enum CSVError: Error, Sendable, Equatable {
    /// A quoted field opened on `line` never closes, so the rest of the file would be one field.
    case unterminatedQuote(line: Int)
}

/// Splits text into records following RFC 4180, with `;` as separator.
///
/// Quoted fields may contain `;`, line breaks and doubled quotes (`""` for `"`). Lines end with
/// CRLF or LF (a lone CR is also accepted). The parser is lenient where exports are sloppy: a
/// quote inside an unquoted field is kept as text, and text after a closing quote is appended.
/// Blank lines produce a record with one empty field; callers decide to skip them.
public enum SemicolonCSV {
    /// Splits `text` into records.
    ///
    /// Works on UTF-8 bytes, which is safe because the four structural characters are ASCII and
    /// no multi-byte UTF-8 sequence contains an ASCII byte.
    /// - Throws: `CSVError.unterminatedQuote` naming the line where the quote opened.
    public static func records(in text: String) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(in: Array(text.utf8)) { records.append($0) }
        return records
    }

    /// Splits UTF-8 `bytes` into records and passes each to `body` as soon as it is complete,
    /// so a large file is never held as a list of records.
    ///
    /// - Parameters:
    ///   - bytes: valid UTF-8; invalid sequences inside a field are replaced by U+FFFD.
    ///   - body: receives the records in file order.
    /// - Throws: `CSVError.unterminatedQuote` naming the line where the quote opened. Records
    ///   before that line have already been passed to `body`.
    public static func forEachRecord(
        in bytes: [UInt8], _ body: (CSVRecord) -> Void
    ) throws(CSVError) {
        try forEachRecord(in: bytes) { record, _ in body(record) }
    }

    /// `forEachRecord(in:_:)` with the byte offset up to which the text has been scanned, for
    /// progress reports. The offset advances in steps of `progressStep` bytes.
    public static func forEachRecord(
        in bytes: [UInt8], _ body: (CSVRecord, Int) -> Void
    ) throws(CSVError) {
        var scanner = CSVScanner()
        var offset = 0
        func emit(_ record: CSVRawRecord) {
            body(CSVRecord(line: record.line, fields: record.strings()), offset)
        }
        bytes.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                let start = offset
                offset = min(buffer.count, start + progressStep)
                scanner.feed(UnsafeBufferPointer(rebasing: buffer[start..<offset]), emit)
            }
        }
        try scanner.finish(emit)
    }

    /// Bytes scanned between two offsets passed to `forEachRecord(in:_:)`.
    static let progressStep = 1 << 16
}
