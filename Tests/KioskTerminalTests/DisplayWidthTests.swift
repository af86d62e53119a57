import Testing
import KioskTerminal

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func germanTurkishPolishLettersTakeOneColumn() {
        #expect(DisplayWidth.columns(of: "Größe") == 5)
        #expect(DisplayWidth.columns(of: "ÄÖÜäöüßẞ") == 8)
        #expect(DisplayWidth.columns(of: "Ayşe Yılmaz Çağlar Öğüt") == 23)
        #expect(DisplayWidth.columns(of: "Łódź Wąsowska Żółkiewska") == 24)
    }

    @Test func combiningMarksTakeNoColumn() {
        let decomposed = "Mu\u{0308}ller"
        #expect(decomposed.unicodeScalars.count == 7)
        #expect(DisplayWidth.columns(of: decomposed) == 6)
        #expect(DisplayWidth.columns(of: "\u{0308}" as Unicode.Scalar) == 0)
    }

    @Test func controlAndFormatCharactersTakeNoColumn() {
        #expect(DisplayWidth.columns(of: "\u{07}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.columns(of: "\u{200B}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.columns(of: "\u{AD}" as Unicode.Scalar) == 0)
    }

    @Test func cjkIdeographsTakeTwoColumns() {
        #expect(DisplayWidth.columns(of: "東京") == 4)
        #expect(DisplayWidth.columns(of: "한국") == 4)
        #expect(DisplayWidth.columns(of: "ｶ") == 1)
    }

    @Test func truncationKeepsShortTextUnchanged() {
        #expect(DisplayWidth.truncated("Jürgen", toColumns: 6) == "Jürgen")
        #expect(DisplayWidth.truncated("Jürgen", toColumns: 10) == "Jürgen")
    }

    @Test func truncationEndsWithEllipsisWithinWidth() {
        #expect(DisplayWidth.truncated("Müller-Lüdenscheidt", toColumns: 10) == "Müller-Lü…")
        #expect(DisplayWidth.truncated("Jürgen", toColumns: 1) == "…")
        #expect(DisplayWidth.truncated("Jürgen", toColumns: 0) == "")
    }

    @Test func truncationNeverSplitsWideCharacter() {
        let cut = DisplayWidth.truncated("東京都庁", toColumns: 6)
        #expect(cut == "東京…")
        #expect(DisplayWidth.columns(of: cut) == 5)
    }

    @Test func truncationKeepsCombiningMarkWithBase() {
        #expect(DisplayWidth.truncated("Mu\u{0308}ller-Schmidt", toColumns: 4) == "Mu\u{0308}l…")
    }

    @Test func paddingFillsToExactWidth() {
        #expect(DisplayWidth.padded("Öz", toColumns: 5) == "Öz   ")
        #expect(DisplayWidth.padded("Özdemir", toColumns: 5) == "Özde…")
    }

    @Test func wrappingBreaksAtSpaces() {
        let lines = DisplayWidth.wrapped("Der Schlüssel wurde entfernt. Bitte wieder einstecken.", toColumns: 20)
        #expect(lines == ["Der Schlüssel wurde", "entfernt. Bitte", "wieder einstecken."])
    }

    @Test func wrappingKeepsExplicitLineBreaks() {
        #expect(DisplayWidth.wrapped("eins\nzwei drei", toColumns: 40) == ["eins", "zwei drei"])
        #expect(DisplayWidth.wrapped("", toColumns: 40) == [""])
    }

    @Test func wrappingTruncatesOverlongWord() {
        #expect(DisplayWidth.wrapped("Donaudampfschifffahrt ok", toColumns: 8) == ["Donauda…", "ok"])
    }
}
