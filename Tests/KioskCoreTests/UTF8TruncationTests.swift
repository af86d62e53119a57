import Testing

@testable import KioskCore

@Suite struct UTF8TruncationTests {
    @Test func shortTextIsUnchanged() {
        #expect(UTF8Truncation.truncate("Ayşe Yılmaz") == "Ayşe Yılmaz")
    }

    @Test func exactly64BytesIsUnchanged() {
        let text = String(repeating: "a", count: 62) + "ü"
        #expect(text.utf8.count == 64)
        #expect(UTF8Truncation.truncate(text) == text)
    }

    @Test func twoByteLetterAtLimitIsDroppedWhole() {
        let text = String(repeating: "a", count: 63) + "ü"
        #expect(UTF8Truncation.truncate(text) == String(repeating: "a", count: 63))
    }

    @Test func longGermanNameCutsOnCharacterBoundary() {
        let name = "Freifrau von und zu Hohenlohe-Waldenburg-Schillingsfürst Maria Magdalena"
        let cut = UTF8Truncation.truncate(name)
        #expect(cut.utf8.count <= 64)
        #expect(name.hasPrefix(cut))
        #expect(cut.utf8.count >= 61)
    }

    @Test func combiningMarksStayWithTheirLetter() {
        // "e" + combining acute is 3 bytes; cutting between them would leave a bare "e".
        let text = String(repeating: "a", count: 62) + "e\u{0301}x"
        let cut = UTF8Truncation.truncate(text)
        #expect(cut == String(repeating: "a", count: 62))
        #expect(!cut.unicodeScalars.contains("\u{0301}"))
    }

    @Test func fourByteCharactersAndSmallLimits() {
        #expect(UTF8Truncation.truncate("😀😀", maxBytes: 7) == "😀")
        #expect(UTF8Truncation.truncate("😀", maxBytes: 3) == "")
        #expect(UTF8Truncation.truncate("abc", maxBytes: 0) == "")
    }

    @Test func resultIsAlwaysValidAndWithinLimit() {
        let text = String(repeating: "Ğüß€😀e\u{0308}", count: 20)
        for limit in 0...80 {
            let cut = UTF8Truncation.truncate(text, maxBytes: limit)
            #expect(cut.utf8.count <= limit)
            #expect(text.hasPrefix(cut))
        }
    }
}
