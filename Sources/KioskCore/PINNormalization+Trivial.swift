// MARK: - PINs that are too easy to guess

extension PINNormalization {
    /// PINs that people choose most often, in lower case. A key allows 8 wrong tries, so a
    /// finder of the key who tries these first must not get in.
    static let commonPINs: Set<String> = [
        "0000", "1111", "1212", "1234", "4321", "2580", "0852", "1004", "6969",
        "12345", "54321", "123456", "654321", "000000", "111111", "112233", "121212", "123123",
        "123321", "159753", "696969", "1234567", "7654321", "12345678", "87654321", "123456789",
        "1234567890", "0987654321", "abcd", "abcdef", "abc123", "qwer", "qwertz", "qwerty",
        "asdf", "asdfgh", "yxcvbn", "password", "passwort", "pass", "geheim", "hallo",
        "passwort1", "password1", "letmein", "admin", "test", "test123",
    ]

    /// Maximum length of a block whose repetition counts as trivial: "1212", "123123", "abab".
    private static let maxRepeatedBlock = 3

    /// Whether a new PIN is too easy to guess.
    ///
    /// Trivial are a PIN from `commonPINs` (ignoring ASCII case), one character repeated, and a
    /// run of ascending or descending digits or letters ("3456", "fedcba"). So are a short block
    /// repeated ("1212", "123123") and the person's birth date as DDMMYYYY, DDMMYY, YYYYMMDD,
    /// DD.MM.YYYY, DD.MM.YY, DDMM or YYYY.
    /// - Parameter birthDate: the person's birth date; `nil` skips the date check.
    public static func isTrivial(_ pin: SecretBytes, birthDate: CivilDate?) -> Bool {
        var scalars = pin.withBytes { decodeLowercased($0) }
        defer {
            for index in scalars.indices { scalars[index] = 0 }
        }
        guard !scalars.isEmpty else { return false }
        if scalars.allSatisfy({ $0 == scalars[0] }) { return true }
        if isRun(scalars) || isRepeatedBlock(scalars) { return true }
        if matchesAny(scalars, commonPINs) { return true }
        if let birthDate, matchesAny(scalars, birthDateForms(birthDate)) { return true }
        return false
    }

    /// Decodes UTF-8 into Unicode scalar values with ASCII letters lowered, into a buffer the caller wipes.
    private static func decodeLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let value = scalar.value
                scalars.append((0x41...0x5A).contains(value) ? value + 0x20 : value)
            case .emptyInput, .error:
                break decoding
            }
        }
        return scalars
    }

    /// Digits or letters that each go up by one, or each go down by one.
    private static func isRun(_ scalars: [UInt32]) -> Bool {
        guard scalars.count >= 3 else { return false }
        let digits: ClosedRange<UInt32> = 0x30...0x39
        let letters: ClosedRange<UInt32> = 0x61...0x7A
        guard scalars.allSatisfy(digits.contains) || scalars.allSatisfy(letters.contains) else { return false }
        let steps = zip(scalars.dropFirst(), scalars).map { Int64($0) - Int64($1) }
        return steps.allSatisfy { $0 == 1 } || steps.allSatisfy { $0 == -1 }
    }

    private static func isRepeatedBlock(_ scalars: [UInt32]) -> Bool {
        for length in 1...maxRepeatedBlock where scalars.count >= 2 * length && scalars.count % length == 0 {
            if scalars.indices.allSatisfy({ scalars[$0] == scalars[$0 % length] }) { return true }
        }
        return false
    }

    /// Compares without building a String of the PIN: each candidate is ASCII.
    private static func matchesAny(_ scalars: [UInt32], _ candidates: some Sequence<String>) -> Bool {
        candidates.contains { candidate in
            let values = candidate.unicodeScalars.map(\.value)
            return values.count == scalars.count && values == scalars
        }
    }

    static func birthDateForms(_ date: CivilDate) -> [String] {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value % 100) }
        let day = two(date.day), month = two(date.month), year = String(date.year), shortYear = two(date.year % 100)
        return [day + month + year, day + month + shortYear, year + month + day,
                "\(day).\(month).\(year)", "\(day).\(month).\(shortYear)", day + month, year]
    }
}
