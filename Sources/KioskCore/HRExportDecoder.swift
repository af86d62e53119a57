/// Turns the raw bytes of an HR export into text, following `hr.encoding`.
enum HRExportDecoder {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `bytes` and returns the text as UTF-8 bytes without byte order mark, and the
    /// encoding used (never `.auto`).
    ///
    /// `.auto` picks UTF-8 when the bytes are valid UTF-8 (with or without BOM) and
    /// Windows-1252 otherwise. A Windows-1252 umlaut is a lone byte 0xC4–0xFC that UTF-8 reads as a
    /// lead byte needing continuation bytes, so real Windows-1252 names almost never pass as UTF-8.
    ///
    /// A file that is not valid UTF-8 but contains UTF-8 sequences for non-ASCII letters mixes two
    /// encodings (typically rows appended by another tool). No single decoding reads every name
    /// right, so such a file is rejected whatever `hr.encoding` is set to.
    /// - Throws: `.utf16File` for a UTF-16 byte order mark, `.mixedEncodings` for a file with both
    ///   UTF-8 and non-UTF-8 lines, `.invalidUTF8` for `.utf8` with bad bytes,
    ///   `.utf8FileWithWindows1252Setting` for `.windows1252` with a file that is evidently UTF-8.
    static func decode(_ bytes: [UInt8], as encoding: HREncoding) throws(HRImportError) -> ([UInt8], HREncoding) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16File }
        let hasBOM = bytes.starts(with: byteOrderMark)
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let firstInvalidOffset = firstInvalidUTF8Offset(body)
        let mixed = firstInvalidOffset == nil ? nil : mixedEncodingLines(body)
        let invalidLine = firstInvalidOffset.map { 1 + body[..<$0].count(where: { $0 == UInt8(ascii: "\n") }) }
        let chosen = try chooseEncoding(
            encoding, hasByteOrderMark: hasBOM, firstInvalidLine: invalidLine, firstMultibyteLine: mixed?.utf8Line,
            hasNonASCII: firstInvalidOffset != nil || body.contains(where: { $0 >= 0x80 }))
        return chosen == .utf8 ? (body, .utf8) : (Windows1252.utf8(body), .windows1252)
    }

    /// Picks the encoding to read a file in from what a scan of its bytes found, or throws when
    /// no encoding reads it right; shared by `decode(_:as:)` and `HRFileSearch`.
    ///
    /// - Parameters:
    ///   - firstInvalidLine: the first line with a byte that is not UTF-8; `nil` for valid UTF-8.
    ///   - firstMultibyteLine: the first line with a multi-byte UTF-8 sequence. Only consulted when
    ///     the file is not valid UTF-8; `nil` when there is none.
    /// - Returns: `.utf8` or `.windows1252`.
    static func chooseEncoding(
        _ setting: HREncoding, hasByteOrderMark: Bool, firstInvalidLine: Int?, firstMultibyteLine: Int?, hasNonASCII: Bool
    ) throws(HRImportError) -> HREncoding {
        if let invalid = firstInvalidLine, let utf8Line = firstMultibyteLine {
            throw .mixedEncodings(utf8Line: utf8Line, otherLine: invalid)
        }
        let isValidUTF8 = firstInvalidLine == nil
        switch setting {
        case .utf8:
            if let line = firstInvalidLine { throw .invalidUTF8(line: line) }
            return .utf8
        case .windows1252:
            if hasByteOrderMark || (isValidUTF8 && hasNonASCII) { throw .utf8FileWithWindows1252Setting }
            return .windows1252
        case .auto:
            return isValidUTF8 ? .utf8 : .windows1252
        }
    }

    /// Returns the first line holding a multi-byte UTF-8 sequence and the first line holding a byte
    /// that is not valid UTF-8, or `nil` when the bytes contain no multi-byte UTF-8 sequence.
    ///
    /// In Windows-1252 text a valid UTF-8 pair means two letters such as "Ã¼", which do not occur
    /// in names, so a multi-byte UTF-8 sequence in a file that is not valid UTF-8 marks a mix.
    static func mixedEncodingLines(_ bytes: [UInt8]) -> (utf8Line: Int, otherLine: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var utf8Line: Int?
        var otherLine: Int?
        while utf8Line == nil || otherLine == nil {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 {
                    utf8Line = utf8Line ?? line
                } else if encoded.first == UInt8(ascii: "\n") {
                    line += 1
                }
            case .error:
                otherLine = otherLine ?? line
            case .emptyInput:
                return nil
            }
        }
        guard let utf8Line, let otherLine else { return nil }
        return (utf8Line, otherLine)
    }

    /// Returns the offset of the first byte that is not part of a valid UTF-8 sequence, or `nil`
    /// when all of `bytes` is valid UTF-8.
    ///
    /// ASCII bytes are skipped without decoding, because HR exports are mostly ASCII and this
    /// check runs over the whole file.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                if buffer[offset] < 0x80 {
                    offset += 1
                    continue
                }
                let length = validSequenceLength(buffer, at: offset)
                guard length > 0 else { return offset }
                offset += length
            }
            return nil
        }
    }

    /// Returns the length of the valid multi-byte UTF-8 sequence starting at `offset`, or 0 when
    /// the bytes there are not one (overlong forms, surrogates and values above U+10FFFF included).
    static func validSequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = buffer[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard offset + length <= buffer.count, secondRange.contains(buffer[offset + 1]) else { return 0 }
        for index in (offset + 2)..<(offset + length) where !(0x80...0xBF).contains(buffer[index]) {
            return 0
        }
        return length
    }
}
