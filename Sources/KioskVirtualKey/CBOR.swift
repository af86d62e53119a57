import CCbor

/// A CBOR data item, encoded and decoded through libcbor.
///
/// Covers the subset CTAP2 and WebAuthn use: integers, byte and text strings, arrays, maps,
/// booleans and null. Maps keep their entry order, so encoders write keys in the order given
/// (CTAP2 canonical form wants integer keys ascending; callers list them that way).
public indirect enum CBOR: Sendable, Hashable {
    case unsigned(UInt64)
    /// A negative integer stored as CBOR does: the value is `-1 - n`.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    case map([CBORPair])
    case bool(Bool)
    case null

    /// An integer item from a signed value.
    public static func int(_ value: Int) -> CBOR {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value))
    }

    /// The integer value of an unsigned or negative item, `nil` for other items or overflow.
    public var intValue: Int? {
        switch self {
        case .unsigned(let value): value <= UInt64(Int.max) ? Int(value) : nil
        case .negative(let value): value < UInt64(Int.max) ? -1 - Int(value) : nil
        default: nil
        }
    }

    /// The bytes of a byte string, else `nil`.
    public var bytesValue: [UInt8]? { if case .bytes(let value) = self { value } else { nil } }
    /// The text of a text string, else `nil`.
    public var textValue: String? { if case .text(let value) = self { value } else { nil } }
    /// The elements of an array, else `nil`.
    public var arrayValue: [CBOR]? { if case .array(let value) = self { value } else { nil } }
    /// The entries of a map, else `nil`.
    public var mapValue: [CBORPair]? { if case .map(let value) = self { value } else { nil } }
    /// The value of a boolean, else `nil`.
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }

    /// The value stored under `key` in a map, `nil` when absent or when this is not a map.
    public subscript(key: CBOR) -> CBOR? {
        mapValue?.first { $0.key == key }?.value
    }

    /// The value under an integer key (CTAP2 parameter maps).
    public subscript(int key: Int) -> CBOR? { self[.int(key)] }

    /// The value under a text key (WebAuthn maps such as the attestation object).
    public subscript(text key: String) -> CBOR? { self[.text(key)] }
}

/// One key/value entry of a CBOR map.
public struct CBORPair: Sendable, Hashable {
    public var key: CBOR
    public var value: CBOR

    public init(_ key: CBOR, _ value: CBOR) {
        self.key = key
        self.value = value
    }
}

/// Failures of CBOR encoding and decoding.
public enum CBORError: Error, Sendable, Equatable {
    /// libcbor could not parse the input; `offset` is where it stopped.
    case malformed(offset: Int)
    /// The input parsed but uses a type this subset does not support (tags, floats, indefinite strings).
    case unsupported(String)
    /// Bytes follow the first item where none were expected.
    case trailingBytes(count: Int)
    /// libcbor ran out of memory while building or serialising.
    case encodingFailed
}

extension CBOR {
    /// Serialises the item with libcbor.
    public func encoded() throws(CBORError) -> [UInt8] {
        guard let root = makeItem() else { throw .encodingFailed }
        var item: UnsafeMutablePointer<cbor_item_t>? = root
        defer { cbor_decref(&item) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var capacity = 0
        let length = cbor_serialize_alloc(item, &buffer, &capacity)
        guard length > 0, let buffer else { throw .encodingFailed }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// Decodes exactly one item that fills `bytes` completely.
    public static func decode(_ bytes: [UInt8]) throws(CBORError) -> CBOR {
        let (value, consumed) = try decodePrefix(bytes)
        guard consumed == bytes.count else { throw .trailingBytes(count: bytes.count - consumed) }
        return value
    }

    /// Decodes the first item of `bytes` and returns it with the number of bytes it took.
    ///
    /// Used where CBOR is embedded in a longer binary structure, such as the credential public
    /// key inside WebAuthn authenticator data.
    public static func decodePrefix(_ bytes: [UInt8]) throws(CBORError) -> (CBOR, Int) {
        var result = cbor_load_result()
        let loaded = bytes.withUnsafeBufferPointer { buffer in
            cbor_load(buffer.baseAddress, buffer.count, &result)
        }
        guard let root = loaded, result.error.code == CBOR_ERR_NONE else {
            throw .malformed(offset: result.error.position)
        }
        var item: UnsafeMutablePointer<cbor_item_t>? = root
        defer { cbor_decref(&item) }
        return (try CBOR(item: root), result.read)
    }

    private init(item: UnsafeMutablePointer<cbor_item_t>) throws(CBORError) {
        switch cbor_typeof(item) {
        case CBOR_TYPE_UINT: self = .unsigned(cbor_get_int(item))
        case CBOR_TYPE_NEGINT: self = .negative(cbor_get_int(item))
        case CBOR_TYPE_BYTESTRING:
            guard cbor_bytestring_is_definite(item) else { throw .unsupported("indefinite byte string") }
            self = .bytes(Array(UnsafeBufferPointer(start: cbor_bytestring_handle(item), count: cbor_bytestring_length(item))))
        case CBOR_TYPE_STRING:
            guard cbor_string_is_definite(item) else { throw .unsupported("indefinite text string") }
            let utf8 = UnsafeBufferPointer(start: cbor_string_handle(item), count: cbor_string_length(item))
            self = .text(String(decoding: utf8, as: UTF8.self))
        case CBOR_TYPE_ARRAY:
            let handle = cbor_array_handle(item)
            var elements: [CBOR] = []
            for index in 0..<cbor_array_size(item) {
                guard let element = handle?[index] else { throw .unsupported("empty array slot") }
                elements.append(try CBOR(item: element))
            }
            self = .array(elements)
        case CBOR_TYPE_MAP:
            self = .map(try CBOR.pairs(of: item))
        case CBOR_TYPE_FLOAT_CTRL where cbor_is_bool(item):
            self = .bool(cbor_get_bool(item))
        case CBOR_TYPE_FLOAT_CTRL where cbor_is_null(item):
            self = .null
        default:
            throw .unsupported("CBOR type \(cbor_typeof(item).rawValue)")
        }
    }

    private static func pairs(of item: UnsafeMutablePointer<cbor_item_t>) throws(CBORError) -> [CBORPair] {
        guard let handle = cbor_map_handle(item) else { return [] }
        var entries: [CBORPair] = []
        for index in 0..<cbor_map_size(item) {
            guard let key = handle[index].key, let value = handle[index].value else {
                throw .unsupported("incomplete map entry")
            }
            entries.append(CBORPair(try CBOR(item: key), try CBOR(item: value)))
        }
        return entries
    }

    /// Builds a libcbor item with reference count 1, or `nil` when allocation fails.
    private func makeItem() -> UnsafeMutablePointer<cbor_item_t>? {
        switch self {
        case .unsigned(let value): return CBOR.makeInteger(value, negative: false)
        case .negative(let value): return CBOR.makeInteger(value, negative: true)
        case .bytes(let value): return cbor_build_bytestring(value, value.count)
        case .text(let value):
            let utf8 = Array(value.utf8)
            return utf8.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cbor_build_stringn($0.baseAddress, $0.count) }
            }
        case .bool(let value): return cbor_build_bool(value)
        case .null: return cbor_new_null()
        case .array(let elements): return CBOR.makeArray(elements)
        case .map(let entries): return CBOR.makeMap(entries)
        }
    }

    /// Builds an integer in its shortest width. libcbor keeps the width it is given, but CTAP2
    /// canonical CBOR wants the shortest form, and libfido2 1.12 rejects wider map keys.
    private static func makeInteger(_ value: UInt64, negative: Bool) -> UnsafeMutablePointer<cbor_item_t>? {
        switch value {
        case 0...UInt64(UInt8.max): negative ? cbor_build_negint8(UInt8(value)) : cbor_build_uint8(UInt8(value))
        case 0...UInt64(UInt16.max): negative ? cbor_build_negint16(UInt16(value)) : cbor_build_uint16(UInt16(value))
        case 0...UInt64(UInt32.max): negative ? cbor_build_negint32(UInt32(value)) : cbor_build_uint32(UInt32(value))
        default: negative ? cbor_build_negint64(value) : cbor_build_uint64(value)
        }
    }

    private static func makeArray(_ elements: [CBOR]) -> UnsafeMutablePointer<cbor_item_t>? {
        guard let array = cbor_new_definite_array(elements.count) else { return nil }
        for element in elements {
            guard let child = element.makeItem(), cbor_array_push(array, cbor_move(child)) else {
                var array: UnsafeMutablePointer<cbor_item_t>? = array
                cbor_decref(&array)
                return nil
            }
        }
        return array
    }

    private static func makeMap(_ entries: [CBORPair]) -> UnsafeMutablePointer<cbor_item_t>? {
        guard let map = cbor_new_definite_map(entries.count) else { return nil }
        for entry in entries {
            guard let key = entry.key.makeItem(), let value = entry.value.makeItem(),
                cbor_map_add(map, cbor_pair(key: cbor_move(key), value: cbor_move(value)))
            else {
                var map: UnsafeMutablePointer<cbor_item_t>? = map
                cbor_decref(&map)
                return nil
            }
        }
        return map
    }
}
