import KioskCore

/// Lookup inputs as clerks type them, derived from the loaded records with a seeded generator
/// so every run measures the same mix.
struct BenchQueries {
    /// Share of each kind of input, out of 100.
    static let mix: [(kind: Kind, percent: Int)] = [
        (.surnameOnly, 25), (.surnameAndGivenName, 25), (.asciiSpelling, 15), (.personnelNumber, 20), (.typo, 15),
    ]

    /// Kinds of input in the mix.
    enum Kind: String, CaseIterable {
        /// Surname as stored, birth date.
        case surnameOnly = "surname+date"
        /// Surname and first given name, birth date.
        case surnameAndGivenName = "surname+given+date"
        /// Surname and given name typed in upper-case ASCII (Mueller, YILMAZ), birth date.
        case asciiSpelling = "ascii surname+given+date"
        /// Personnel number without leading zeros, birth date.
        case personnelNumber = "number+date"
        /// Surname with one letter replaced, birth date: matches no record.
        case typo = "typo surname+date"
    }

    /// Builds `count` queries.
    static func make(from records: [HRRecord], count: Int, seed: UInt64) -> [(Kind, LookupQuery)] {
        var generator = SplitMix64(seed: seed)
        var queries: [(Kind, LookupQuery)] = []
        queries.reserveCapacity(count)
        for _ in 0..<count {
            let record = records[Int(generator.next() % UInt64(records.count))]
            let kind = pickKind(Int(generator.next() % 100))
            queries.append((kind, query(kind, for: record, generator: &generator)))
        }
        return queries
    }

    private static func pickKind(_ roll: Int) -> Kind {
        var total = 0
        for entry in mix {
            total += entry.percent
            if roll < total { return entry.kind }
        }
        return .surnameOnly
    }

    private static func query(_ kind: Kind, for record: HRRecord, generator: inout SplitMix64) -> LookupQuery {
        let firstGiven = String(record.givenName.split(separator: " ").first ?? "")
        switch kind {
        case .surnameOnly:
            return .name(surname: record.surname, givenName: nil, birthDate: record.birthDate)
        case .surnameAndGivenName:
            return .name(surname: record.surname, givenName: firstGiven, birthDate: record.birthDate)
        case .asciiSpelling:
            return .name(surname: NameFolding.asciiTransliteration(record.surname).uppercased(),
                         givenName: NameFolding.asciiTransliteration(firstGiven), birthDate: record.birthDate)
        case .personnelNumber:
            let trimmed = record.personnelNumber.drop { $0 == "0" }
            return .personnelNumber(String(trimmed), birthDate: record.birthDate)
        case .typo:
            var letters = Array(record.surname)
            let position = Int(generator.next() % UInt64(max(letters.count, 1)))
            if !letters.isEmpty { letters[position] = letters[position] == "x" ? "q" : "x" }
            return .name(surname: String(letters), givenName: nil, birthDate: record.birthDate)
        }
    }
}

/// A small seeded random number generator (SplitMix64), so query sets repeat across runs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
