import Foundation

// MARK: - Quote-free lines

/// The fast way through the export for `HRFileSearch`. A line without a quote is one record and
/// its fields are the bytes between semicolons, exactly as `CSVScanner` would split it. So such
/// lines are split with memchr, and only the personnel number and birth date are looked at,
/// unless the birth date matches.
extension FileScan {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let separator = UInt8(ascii: ";")

    /// Returns the index just past the last line feed before the next quote (or the chunk's
    /// end), or `start` when no complete quote-free line begins at `start`.
    static func quoteFreeLinesEnd(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let quote = index(of: UInt8(ascii: "\""), in: chunk, from: start) ?? chunk.count
        var candidate = quote
        while candidate > start {
            candidate -= 1
            if chunk[candidate] == lineFeed { return candidate + 1 }
        }
        return start
    }

    /// Returns the index of the first `byte` at or after `start`, or `nil`.
    static func index(of byte: UInt8, in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = chunk.baseAddress, start < chunk.count,
              let found = memchr(base + start, Int32(byte), chunk.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Takes complete lines (each ending in a line feed) that contain no quote. The scanner is
    /// between records and learns how many lines went past it.
    mutating func takeLines(_ lines: UnsafeBufferPointer<UInt8>, scanner: inout CSVScanner) {
        var start = 0
        while start < lines.count {
            let lineFeedIndex = Self.index(of: Self.lineFeed, in: lines, from: start) ?? lines.count - 1
            var end = lineFeedIndex
            if end > start && lines[end - 1] == Self.carriageReturn { end -= 1 }
            let content = UnsafeBufferPointer(rebasing: lines[start..<end])
            if Self.index(of: Self.carriageReturn, in: content, from: 0) != nil {
                // A lone CR also ends a record, so the scanner splits this line.
                scanner.feed(UnsafeBufferPointer(rebasing: lines[start...lineFeedIndex])) { take($0) }
            } else {
                takeLine(content, line: scanner.currentLine)
                scanner.skipLines(1)
            }
            start = lineFeedIndex + 1
        }
    }

    private mutating func takeLine(_ content: UnsafeBufferPointer<UInt8>, line: Int) {
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0xA0 || $0 == 0xC2 || $0 == Self.separator }) { return }
        dataRowCount += 1
        if let number = Self.personnelNumber(Self.field(numberIndex, of: content)) {
            personnelNumbers.append(number)
        }
        guard Self.field(Self.field(birthDateIndex, of: content), equals: birthDate) else { return }
        var fields: [[UInt8]] = []
        var fieldStart = 0
        while let next = Self.index(of: Self.separator, in: content, from: fieldStart) {
            fields.append(Array(content[fieldStart..<next]))
            fieldStart = next + 1
        }
        fields.append(Array(content[fieldStart...]))
        candidates.append((line, fields))
    }

    /// Returns the bytes of field `index` of a quote-free line; empty when the line has fewer
    /// fields or `index` is negative.
    static func field(_ index: Int, of content: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        guard index >= 0 else { return content[0..<0] }
        var start = 0
        for _ in 0..<index {
            guard let next = Self.index(of: separator, in: content, from: start) else { return content[0..<0] }
            start = next + 1
        }
        let end = Self.index(of: separator, in: content, from: start) ?? content.count
        return content[start..<end]
    }
}
