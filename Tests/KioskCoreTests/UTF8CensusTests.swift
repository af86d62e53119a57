import Testing

@testable import KioskCore

/// Runs a census over `bytes` in chunks of `size` bytes.
private func census(_ bytes: [UInt8], chunkSize size: Int) -> UTF8Census {
    var census = UTF8Census()
    bytes.withUnsafeBufferPointer { buffer in
        var start = 0
        while start < buffer.count {
            let end = min(buffer.count, start + size)
            census.feed(UnsafeBufferPointer(rebasing: buffer[start..<end]))
            start = end
        }
    }
    census.finish()
    return census
}

@Suite struct UTF8CensusTests {
    @Test func validUTF8HasNoInvalidLine() {
        let bytes = Array("Kopf;Zeile\nMüller;Łukasz\nYılmaz;€\n".utf8)
        for size in [1, 2, 3, 5, 8, 100] {
            let result = census(bytes, chunkSize: size)
            #expect(result.firstInvalidLine == nil, "chunk size \(size)")
            #expect(result.firstMultibyteLine == 2, "chunk size \(size)")
            #expect(result.line == 4, "chunk size \(size)")
        }
    }

    @Test func windows1252ByteIsInvalidOnItsLine() {
        // Line 3 has ü as 0xFC; a lead byte 0xC4 directly before a line feed on line 2.
        let bytes = Array("a;b\nM".utf8) + [0xC4, 0x0A] + Array("x".utf8) + [0xFC] + Array("rgen\n".utf8)
        for size in [1, 2, 3, 8, 100] {
            let result = census(bytes, chunkSize: size)
            #expect(result.firstInvalidLine == 2, "chunk size \(size)")
            #expect(result.firstMultibyteLine == nil, "chunk size \(size)")
            #expect(result.line == 4, "chunk size \(size)")
        }
    }

    @Test func censusAgreesWithWholeFileCheck() {
        let bytes = Array("Personalnummer;Nachname\n00000001;Öztürk\n".utf8) + [0x4D, 0xFC, 0x6C, 0x0A]
            + Array("00000003;Ελένη\n".utf8) + [0xE4]
        let whole = HRExportDecoder.mixedEncodingLines(bytes)
        for size in [1, 2, 3, 4, 9, 64] {
            let result = census(bytes, chunkSize: size)
            #expect(result.firstMultibyteLine == whole?.utf8Line, "chunk size \(size)")
            #expect(result.firstInvalidLine == whole?.otherLine, "chunk size \(size)")
        }
    }

    @Test func truncatedSequenceAtEndIsInvalid() {
        #expect(census([0x61, 0x0A, 0xE2, 0x82], chunkSize: 1).firstInvalidLine == 2)
    }
}
