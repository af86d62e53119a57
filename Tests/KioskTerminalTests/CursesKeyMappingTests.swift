@preconcurrency import CNcursesw
import Testing
@testable import KioskTerminal

@Suite("CursesKeyMapping")
struct CursesKeyMappingTests {
    private func character(_ code: UInt32) -> KeyEvent? {
        CursesKeyMapping.event(result: OK, code: wint_t(code))
    }

    private func functionKey(_ code: Int32) -> KeyEvent? {
        CursesKeyMapping.event(result: KEY_CODE_YES, code: wint_t(code))
    }

    @Test func wideCharactersBecomeCharacters() {
        #expect(character(0xFC) == .character("ü"))
        #expect(character(0x15F) == .character("ş"))
        #expect(character(0x1E9E) == .character("ẞ"))
        #expect(character(0x61) == .character("a"))
    }

    @Test func controlCharactersMapToKeys() {
        #expect(character(3) == .interrupt)
        #expect(character(8) == .backspace)
        #expect(character(127) == .backspace)
        #expect(character(9) == .tab)
        #expect(character(10) == .enter)
        #expect(character(13) == .enter)
        #expect(character(27) == .escape)
        #expect(character(1) == nil)
    }

    @Test func functionKeysMapToEvents() {
        #expect(functionKey(KEY_UP) == .up)
        #expect(functionKey(KEY_DOWN) == .down)
        #expect(functionKey(KEY_LEFT) == .left)
        #expect(functionKey(KEY_RIGHT) == .right)
        #expect(functionKey(KEY_ENTER) == .enter)
        #expect(functionKey(KEY_BACKSPACE) == .backspace)
        #expect(functionKey(KEY_RESIZE) == .resize)
        #expect(functionKey(KEY_F0 + 2) == .function(2))
        #expect(functionKey(KEY_F0 + 12) == .function(12))
        #expect(functionKey(KEY_F0 + 13) == nil)
        #expect(functionKey(KEY_IC) == nil)
    }

    @Test func invalidScalarIsDropped() {
        #expect(character(0xD800) == nil)
    }
}
