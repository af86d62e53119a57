/// Turns the raw bytes of an HR export into text, following `hr.encoding`.
enum HRExportDecoder {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `bytes` and returns the text without byte order mark, and the encoding used
    /// (never `.auto`).
    ///
    /// `.auto` picks UTF-8 when the bytes are valid UTF-8 (with or without BOM) and
    /// Windows-1252 otherwise. A Windows-1252 umlaut is a lone byte 0xC4–0xFC that UTF-8 reads as a
    /// lead byte needing continuation bytes, so real Windows-1252 names almost never pass as UTF-8.
    /// - Throws: `.utf16File` for a UTF-16 byte order mark, `.invalidUTF8` for `.utf8` with bad bytes, `.utf8FileWithWindows1252Setting`
    ///   for `.windows1252` with a file that is evidently UTF-8.
    static func decode(_ bytes: [UInt8], as encoding: HREncoding) throws(HRImportError) -> (String, HREncoding) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16File }
        let hasBOM = bytes.starts(with: byteOrderMark)
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let validText = String(validating: body, as: UTF8.self)

        switch encoding {
        case .utf8:
            guard let validText else {
                let offset = firstInvalidUTF8Offset(body) ?? 0
                throw .invalidUTF8(line: 1 + body[..<offset].count(where: { $0 == UInt8(ascii: "\n") }))
            }
            return (validText, .utf8)
        case .windows1252:
            if hasBOM || (validText != nil && body.contains(where: { $0 >= 0x80 })) {
                throw .utf8FileWithWindows1252Setting
            }
            return (Windows1252.decode(body), .windows1252)
        case .auto:
            if let validText { return (validText, .utf8) }
            return (Windows1252.decode(body), .windows1252)
        }
    }

    /// Returns the offset of the first byte that is not part of a valid UTF-8 sequence, or `nil`
    /// when all of `bytes` is valid UTF-8.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
