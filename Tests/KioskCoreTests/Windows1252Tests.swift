import Testing

@testable import KioskCore

@Suite struct Windows1252Tests {
    @Test func highRangeDecodesToTypographicCharacters() {
        let bytes: [UInt8] = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E,
                              0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F]
        #expect(Windows1252.decode(bytes) == "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    }

    @Test func latin1RangeDecodesToSameCodePoints() {
        #expect(Windows1252.decode([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]) == "Müller")
        #expect(Windows1252.decode([0x57, 0x65, 0x69, 0xDF]) == "Weiß")
        #expect(Windows1252.decode([0xC4, 0xD6, 0xDC, 0xE4, 0xF6, 0xA0]) == "ÄÖÜäö\u{00A0}")
    }

    @Test func undefinedBytesDecodeToC1Controls() {
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            #expect(Windows1252.scalar(for: byte).value == UInt32(byte))
        }
    }

    @Test func everyByteDecodesToOneScalar() {
        let all = (0...255).map { UInt8($0) }
        #expect(Windows1252.decode(all).unicodeScalars.count == 256)
    }
}
