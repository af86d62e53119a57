import KioskVirtualKey
import Testing

@Suite("CBOR encoding and decoding through libcbor")
struct CBORTests {
    @Test(arguments: [
        (0, [0x00]), (23, [0x17]), (24, [0x18, 0x18]), (1000, [0x19, 0x03, 0xE8]),
        (-1, [0x20]), (-7, [0x26]), (-25, [0x38, 0x18]), (70_000, [0x1A, 0x00, 0x01, 0x11, 0x70]),
    ] as [(Int, [UInt8])])
    func integersUseShortestForm(value: Int, expected: [UInt8]) throws {
        #expect(try CBOR.int(value).encoded() == expected)
        #expect(try CBOR.decode(expected).intValue == value)
    }

    @Test func mapRoundTripKeepsOrderAndTypes() throws {
        let value = CBOR.map([
            CBORPair(.text("fmt"), .text("packed")),
            CBORPair(.int(-2), .bytes([1, 2, 3])),
            CBORPair(.text("list"), .array([.bool(true), .bool(false), .null])),
        ])
        #expect(try CBOR.decode(value.encoded()) == value)
    }

    @Test func textKeepsUmlautsAndEmoji() throws {
        let text = CBOR.text("Jürgen Groß-Öztürk 🙂")
        #expect(try CBOR.decode(text.encoded()) == text)
    }

    @Test func decodeRejectsTrailingBytes() {
        #expect(throws: CBORError.trailingBytes(count: 1)) { _ = try CBOR.decode([0x01, 0x02]) }
    }

    @Test func decodeRejectsTruncatedInput() {
        #expect(throws: CBORError.self) { _ = try CBOR.decode([0x59, 0x01]) }
        #expect(throws: CBORError.self) { _ = try CBOR.decode([]) }
    }

    @Test func decodePrefixReportsItemLength() throws {
        let (value, length) = try CBOR.decodePrefix([0x43, 0xAA, 0xBB, 0xCC, 0xFF, 0xFF])
        #expect(value == .bytes([0xAA, 0xBB, 0xCC]))
        #expect(length == 4)
    }

    @Test func subscriptsFindIntegerAndTextKeys() {
        let value = CBOR.map([CBORPair(.int(3), .text("three")), CBORPair(.text("alg"), .int(-7))])
        #expect(value[int: 3]?.textValue == "three")
        #expect(value[text: "alg"]?.intValue == -7)
        #expect(value[int: 4] == nil)
        #expect(CBOR.int(1)[int: 1] == nil)
    }
}
