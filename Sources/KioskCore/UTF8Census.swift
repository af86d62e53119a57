/// Checks bytes for UTF-8 validity chunk by chunk and notes where the first UTF-8 letter and the
/// first invalid byte are, so a file read in pieces gets the same encoding decision as one
/// decoded whole by `HRExportDecoder`.
struct UTF8Census {
    /// Line (from 1) the census has reached.
    private(set) var line = 1
    /// Line of the first byte that is not part of a valid UTF-8 sequence; `nil` while all is valid.
    private(set) var firstInvalidLine: Int?
    /// Line of the first multi-byte UTF-8 sequence (a letter outside ASCII); `nil` when none yet.
    private(set) var firstMultibyteLine: Int?
    /// `true` once any byte of 0x80 or above was seen.
    private(set) var hasNonASCII = false
    /// The start of a multi-byte sequence cut off by the end of the previous chunk.
    private var carry: [UInt8] = []

    /// Scans the next chunk.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        var index = completeCarry(chunk)
        while index < chunk.count {
            if index + 8 <= chunk.count, let base = chunk.baseAddress {
                // Eight ASCII bytes at once: only their line feeds matter.
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    line += Self.lineFeedCount(word)
                    index += 8
                    continue
                }
            }
            let byte = chunk[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") { line += 1 }
                index += 1
                continue
            }
            hasNonASCII = true
            let expected = Self.expectedLength(byte)
            if expected > 0 && index + expected > chunk.count {
                carry = Array(chunk[index...])
                return
            }
            let length = HRExportDecoder.validSequenceLength(chunk, at: index)
            if length > 0 {
                firstMultibyteLine = firstMultibyteLine ?? line
                index += length
            } else {
                firstInvalidLine = firstInvalidLine ?? line
                index += 1
            }
        }
    }

    /// Ends the input; a sequence still cut off counts as invalid.
    mutating func finish() {
        if !carry.isEmpty { firstInvalidLine = firstInvalidLine ?? line }
        carry = []
    }

    /// Completes a carried sequence with the first bytes of `chunk` and returns the index where
    /// normal scanning continues. When the completed sequence is invalid, only its lead byte is
    /// invalid: the bytes carried after it are scanned again and the chunk restarts at its first
    /// byte, so a line feed or a letter right after a broken lead byte still counts.
    private mutating func completeCarry(_ chunk: UnsafeBufferPointer<UInt8>) -> Int {
        guard !carry.isEmpty else { return 0 }
        let carried = carry.count
        let expected = Self.expectedLength(carry[0])
        var index = 0
        while carry.count < expected && index < chunk.count {
            carry.append(chunk[index])
            index += 1
        }
        if carry.count < expected { return chunk.count }
        let length = carry.withUnsafeBufferPointer { HRExportDecoder.validSequenceLength($0, at: 0) }
        let rest = Array(carry[1..<carried])
        carry = []
        if length > 0 {
            firstMultibyteLine = firstMultibyteLine ?? line
            return index
        }
        firstInvalidLine = firstInvalidLine ?? line
        rest.withUnsafeBufferPointer { feed($0) }
        return completeCarry(chunk)
    }

    /// Returns the number of line feeds in a word of eight bytes.
    private static func lineFeedCount(_ word: UInt64) -> Int {
        CSVScanner.matches(word, UInt8(ascii: "\n")).nonzeroBitCount
    }

    /// Sequence length a lead byte announces, 0 for a byte that cannot start a sequence.
    private static func expectedLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }
}
