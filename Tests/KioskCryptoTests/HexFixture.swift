/// Decodes the hex strings that the test vectors are written in; traps on malformed fixtures.
func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    precondition(digits.count % 2 == 0, "hex fixture has an odd length")
    return stride(from: 0, to: digits.count, by: 2).map { index in
        let text = String(decoding: digits[index..<index + 2], as: UTF8.self)
        guard let value = UInt8(text, radix: 16) else { preconditionFailure("invalid hex fixture \(text)") }
        return value
    }
}
