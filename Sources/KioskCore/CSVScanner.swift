/// One record as `CSVScanner` passes it on: field bytes without quotes, not yet turned into
/// strings, so a caller that skips most records allocates nothing for them.
public struct CSVRawRecord {
    /// Line number (from 1) on which the record starts.
    public let line: Int
    /// The fields' bytes one after another; `ends[i]` is the end of field `i`.
    let bytes: [UInt8]
    let ends: [Int]

    /// Number of fields.
    public var count: Int { ends.count }

    /// Returns the bytes of field `index`; empty when the record has fewer fields or `index`
    /// is negative.
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < ends.count else { return [] }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]]
    }

    /// Returns every field as a string, decoding the bytes as UTF-8 (invalid bytes become U+FFFD).
    public func strings() -> [String] {
        (0..<count).map { String(decoding: field($0), as: UTF8.self) }
    }
}

/// Splits semicolon-separated bytes into records as they arrive, chunk by chunk, so a file can
/// be read in pieces and never be held whole.
///
/// The rules are those of `SemicolonCSV`: RFC 4180 quoting with `;`, and CRLF, LF or a lone CR
/// as line end. Spaces before an opening quote are dropped, a quote inside an unquoted field is
/// kept as text, and text after a closing quote is appended. Works on UTF-8 or Windows-1252 bytes alike, because
/// the structural characters are ASCII and neither encoding uses ASCII bytes inside a letter.
public struct CSVScanner {
    private enum State { case field, quoted, quotedSawQuote }

    private static let quote = UInt8(ascii: "\"")
    private static let separator = UInt8(ascii: ";")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")

    private var state = State.field
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var fieldStart = 0
    private var fieldOnlySpaces = true
    private var skipLineFeed = false
    private var previousWasCarriageReturn = false
    private var recordHasContent = false

    public init() {}

    /// Scans the next chunk, passing each record that ends inside it to `body`.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (CSVRawRecord) -> Void) {
        var index = 0
        while index < chunk.count {
            switch state {
            case .field:
                // Copy a run of ordinary bytes at once; only structural bytes need the state machine.
                let end = Self.nextSpecial(in: chunk, from: index, quoted: false)
                if end > index {
                    appendRun(chunk, index..<end)
                    index = end
                    continue
                }
                fieldByte(chunk[index], body)
            case .quoted:
                let end = Self.nextSpecial(in: chunk, from: index, quoted: true)
                if end > index {
                    appendRun(chunk, index..<end)
                    previousWasCarriageReturn = false
                    index = end
                    continue
                }
                quotedByte(chunk[index])
            case .quotedSawQuote:
                let byte = chunk[index]
                if byte == Self.quote {
                    append(byte)
                    state = .quoted
                } else {
                    state = .field
                    fieldByte(byte, body)
                }
            }
            index += 1
        }
    }

    /// Returns the index of the next byte at or after `start` that the state machine must see:
    /// quote, CR and LF, and in unquoted text also the separator.
    private static func nextSpecial(in chunk: UnsafeBufferPointer<UInt8>, from start: Int, quoted: Bool) -> Int {
        var index = start
        if let base = chunk.baseAddress {
            // Eight bytes at a time while none of them is special.
            while index + 8 <= chunk.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                var found = matches(word, quote) | matches(word, lineFeed) | matches(word, carriageReturn)
                if !quoted { found |= matches(word, separator) }
                if found != 0 { break }
                index += 8
            }
        }
        while index < chunk.count {
            let byte = chunk[index]
            if byte == quote || byte == lineFeed || byte == carriageReturn || (!quoted && byte == separator) { return index }
            index += 1
        }
        return index
    }

    /// Returns a mask with the high bit set in each byte of `word` that equals `byte`, and no
    /// other bit. It is exact: a byte's low seven bits plus 0x7F never carry into the next byte.
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((difference & low) &+ low) | difference | low)
    }

    /// `true` between records: no field or quote is open, so the next byte starts a record.
    public var isAtRecordStart: Bool { state == .field && !recordHasContent && !skipLineFeed }

    /// Line number (from 1) of the next byte.
    public var currentLine: Int { line }

    /// Counts `count` lines that the caller split itself, between two records, so that later
    /// records keep their right line numbers. Only valid while `isAtRecordStart`.
    public mutating func skipLines(_ count: Int) {
        line += count
        recordLine = line
    }

    /// Ends the input, passing a last record that has no line break after it to `body`.
    /// - Throws: `CSVError.unterminatedQuote` when a quoted field is still open.
    public mutating func finish(_ body: (CSVRawRecord) -> Void) throws(CSVError) {
        if state == .quoted { throw .unterminatedQuote(line: quoteLine) }
        state = .field
        if recordHasContent { endRecord(body) }
    }

    // MARK: - Bytes by state

    private mutating func fieldByte(_ byte: UInt8, _ body: (CSVRawRecord) -> Void) {
        if skipLineFeed {
            skipLineFeed = false
            if byte == Self.lineFeed { return }
        }
        recordHasContent = true
        switch byte {
        case Self.quote where fieldOnlySpaces:
            // Spaces before an opening quote are padding, not part of the value.
            bytes.removeSubrange(fieldStart...)
            state = .quoted
            quoteLine = line
            previousWasCarriageReturn = false
        case Self.separator:
            endField()
        case Self.lineFeed, Self.carriageReturn:
            endRecord(body)
            line += 1
            recordLine = line
            skipLineFeed = byte == Self.carriageReturn
        default:
            append(byte)
        }
    }

    private mutating func quotedByte(_ byte: UInt8) {
        if byte == Self.quote {
            state = .quotedSawQuote
            previousWasCarriageReturn = false
            return
        }
        // CRLF counts as one line break, a lone CR or LF as one each.
        if byte == Self.carriageReturn || (byte == Self.lineFeed && !previousWasCarriageReturn) { line += 1 }
        previousWasCarriageReturn = byte == Self.carriageReturn
        append(byte)
    }

    // MARK: - Fields and records

    private mutating func append(_ byte: UInt8) {
        bytes.append(byte)
        if byte != Self.space { fieldOnlySpaces = false }
    }

    private mutating func appendRun(_ chunk: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if fieldOnlySpaces { fieldOnlySpaces = chunk[range].allSatisfy { $0 == Self.space } }
        recordHasContent = true
        skipLineFeed = false
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[range]))
    }

    private mutating func endField() {
        ends.append(bytes.count)
        fieldStart = bytes.count
        fieldOnlySpaces = true
    }

    private mutating func endRecord(_ body: (CSVRawRecord) -> Void) {
        endField()
        body(CSVRawRecord(line: recordLine, bytes: bytes, ends: ends))
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        fieldStart = 0
        recordHasContent = false
    }
}
