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
    private static let quote = UInt8(ascii: "\"")
    private static let separator = UInt8(ascii: ";")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")

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

    /// `forEachRecord(in:_:)` with the byte offset just past each record, for progress reports.
    public static func forEachRecord(
        in bytes: [UInt8], _ body: (CSVRecord, Int) -> Void
    ) throws(CSVError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
            var parser = Parser(bytes: buffer)
            try parser.run(body)
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 1
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run(_ body: (CSVRecord, Int) -> Void) throws(CSVError) {
            guard !bytes.isEmpty else { return }
            while position < bytes.count {
                let byte = bytes[position]
                if byte == quote && field.allSatisfy({ $0 == space }) {
                    // Spaces before an opening quote are padding, not part of the value.
                    field.removeAll(keepingCapacity: true)
                    try readQuoted()
                } else if byte == separator {
                    endField()
                    position += 1
                } else if byte == lineFeed || byte == carriageReturn {
                    skipLineBreak()
                    endRecord(body)
                } else {
                    field.append(byte)
                    position += 1
                }
            }
            // A final line break already ended the last record; otherwise end it here.
            if !(bytes.last == lineFeed || bytes.last == carriageReturn) { endRecord(body) }
        }

        /// Reads a quoted field starting at the opening quote, up to and excluding what follows
        /// the closing quote.
        mutating func readQuoted() throws(CSVError) {
            let openedOn = line
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                if byte == quote {
                    if position + 1 < bytes.count && bytes[position + 1] == quote {
                        field.append(quote)
                        position += 2
                        continue
                    }
                    position += 1
                    return
                }
                if byte == lineFeed || (byte == carriageReturn && !(position + 1 < bytes.count && bytes[position + 1] == lineFeed)) {
                    line += 1
                }
                field.append(byte)
                position += 1
            }
            throw .unterminatedQuote(line: openedOn)
        }

        mutating func skipLineBreak() {
            if bytes[position] == carriageReturn && position + 1 < bytes.count && bytes[position + 1] == lineFeed {
                position += 2
            } else {
                position += 1
            }
            line += 1
        }

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        mutating func endRecord(_ body: (CSVRecord, Int) -> Void) {
            endField()
            body(CSVRecord(line: recordLine, fields: fields), position)
            fields.removeAll(keepingCapacity: true)
            recordLine = line
        }
    }
}
