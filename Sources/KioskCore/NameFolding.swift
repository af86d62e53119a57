import Foundation

/// Turns personal names into plain ASCII forms for matching and for usernames.
///
/// German convention writes ä ö ü ß as ae oe ue ss when umlauts are unavailable, so both forms
/// must be treated as the same name. Letters without a decomposition (ł, ı, đ, æ, ø …) get an
/// explicit replacement; every other accent is dropped after Unicode compatibility decomposition.
/// Greek letters are transliterated letter by letter in the manner of ELOT 743: β → v, η → i,
/// χ → ch, and υ → u after ο, v after α and ε, y elsewhere. So a name in Greek script still
/// matches its passport spelling in most cases. The rules for γγ, μπ and ντ are left out. Letters of other non-Latin scripts (Cyrillic, Arabic) are dropped.
public enum NameFolding {
    /// Replacements for letters that decomposition does not reduce to ASCII, and for the
    /// German umlauts, which are written with an e rather than without their dots.
    private static let replacements: [Unicode.Scalar: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue",
        "ß": "ss", "ẞ": "ss",
        "ł": "l", "Ł": "l", "ı": "i", "İ": "i",
        "đ": "dj", "Đ": "dj", "ð": "d", "Ð": "d",
        "æ": "ae", "Æ": "ae", "ø": "oe", "Ø": "oe", "œ": "oe", "Œ": "oe",
        "þ": "th", "Þ": "th", "ħ": "h", "Ħ": "h",
    ]

    /// Lower-case Greek letters without accents, to Latin; upper case is lowered first.
    private static let greek: [Unicode.Scalar: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    ]

    /// Transliterates a name to lower-case ASCII: umlauts become ae/oe/ue, ß becomes ss, other
    /// accents are dropped. ASCII characters (spaces, hyphens, apostrophes, digits) stay as they are.
    ///
    /// "Müller-Lüdenscheidt" → "mueller-luedenscheidt", "Yılmaz" → "yilmaz", "Đorđe" → "djordje".
    public static func asciiTransliteration(_ name: String) -> String {
        // Most names are plain ASCII already; skipping normalisation for them speeds up indexing.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        var result = String.UnicodeScalarView()
        var previousGreek: Unicode.Scalar?
        // Imported names are NFC already; only text with combining marks needs composing first.
        let hasCombiningMark = name.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
        let composed = hasCombiningMark ? name.precomposedStringWithCanonicalMapping : name
        for scalar in composed.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
                previousGreek = nil
            } else if let replacement = replacements[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                for part in decomposition(of: scalar) {
                    if part.isASCII {
                        result.append(part)
                    } else if let latin = greek[part] {
                        result.append(contentsOf: greekUpsilon(part, after: previousGreek, default: latin).unicodeScalars)
                        previousGreek = part
                    }
                }
            }
        }
        return String(result).lowercased()
    }

    /// Lower-cased compatibility decompositions of the Latin, Greek and Latin Extended
    /// Additional letters, computed once, because Foundation's decomposition per letter was the
    /// largest cost of indexing 100,000 names.
    private static let decompositions: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for range in [0xC0...0x24F, 0x370...0x3FF, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                table[scalar] = slowDecomposition(of: scalar)
            }
        }
        return table
    }()

    private static func decomposition(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        decompositions[scalar] ?? slowDecomposition(of: scalar)
    }

    private static func slowDecomposition(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        Array(String(scalar).lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars)
    }

    /// Returns a key under which spellings of one name compare equal: Müller, Mueller, MULLER and
    /// müller all give "muller"; Weiß and Weiss give "weiss"; Şahin and Sahin give "sahin".
    ///
    /// Only a-z and 0-9 remain, and the umlaut spellings ae/oe/ue collapse to a/o/u (dj to d for
    /// Serbian đ). That collapse also joins some unrelated names (Michael and Michal). Lookups
    /// always require the birth date as well, so such a false match only adds a candidate.
    /// An empty key means the name had no Latin letters or digits.
    public static func matchKey(_ name: String) -> String {
        let letters = asciiTransliteration(name).utf8.filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        var key: [UInt8] = []
        key.reserveCapacity(letters.count)
        for byte in letters {
            if let last = key.last, isCollapsedPair(last, byte) { continue }
            key.append(byte)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Removes academic titles from a name. Words containing a dot ("Dr.", "Prof.", "Dr.-Ing.")
    /// count as titles, because names proper do not contain one.
    /// Returns the remaining words joined by single spaces, or the whole name when no word is left.
    public static func removingTitles(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        let nameWords = words.filter { !$0.utf8.contains(UInt8(ascii: ".")) }
        return nameWords.isEmpty ? name : nameWords.joined(separator: " ")
    }

    /// Splits a name at spaces and hyphens and drops titles: "Schmidt-Öztürk" gives
    /// ["Schmidt", "Öztürk"], "Maria Magdalena" gives ["Maria", "Magdalena"].
    public static func parts(of name: String) -> [String] {
        // Split on scalars, not Characters: grapheme breaking made this the slowest step of indexing.
        let tokens = name.unicodeScalars.split(whereSeparator: { $0 == "-" || $0.properties.isWhitespace })
            .map { String(String.UnicodeScalarView($0)) }
        let nameTokens = tokens.filter { !$0.utf8.contains(UInt8(ascii: ".")) }
        return nameTokens.isEmpty ? tokens : nameTokens
    }

    /// Returns the Latin spelling of υ by the vowel before it (ου → ou, αυ → av, ευ → ev), or
    /// `latin` for every other letter.
    private static func greekUpsilon(_ letter: Unicode.Scalar, after previous: Unicode.Scalar?, default latin: String) -> String {
        guard letter == "υ", let previous else { return latin }
        switch previous {
        case "ο": return "u"
        case "α", "ε": return "v"
        default: return latin
        }
    }

    /// `true` when `next` after `previous` is the e of ae/oe/ue or the j of dj.
    private static func isCollapsedPair(_ previous: UInt8, _ next: UInt8) -> Bool {
        switch (previous, next) {
        case (0x61, 0x65), (0x6F, 0x65), (0x75, 0x65): true  // ae, oe, ue
        case (0x64, 0x6A): true  // dj
        default: false
        }
    }
}
