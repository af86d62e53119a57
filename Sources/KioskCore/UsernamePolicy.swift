/// Proposes a unique username and e-mail address for a person from the HR export.
///
/// The username follows `usernamePattern` (by default `{first}.{last}`) in lower-case ASCII.
/// Umlauts become ae/oe/ue, ß becomes ss and other accents are dropped. Only the first given name
/// is used, and titles and name particles (von, van, de …) are left out. Spaces and apostrophes
/// are removed, hyphens kept. The result holds only a-z 0-9 . - and fits `usernameMaxLength`
/// (Active Directory's sAMAccountName allows 20). Collisions get a number from 2 upward,
/// shortening the name so the number still fits.
public struct UsernamePolicy: Sendable {
    /// Used when a name has no Latin letters at all, so there is still a valid username.
    public static let fallbackName = "benutzer"

    /// Words that are dropped from surnames: nobiliary particles, articles and noble titles,
    /// compared after transliteration ("Gräfin" becomes "graefin").
    static let particles: Set<String> = [
        "von", "vom", "van", "de", "der", "den", "del", "della", "dello", "dei", "degli", "di", "da",
        "das", "do", "dos", "du", "la", "le", "lo", "zu", "zum", "zur", "und", "y", "ten", "ter", "af", "av",
        "freiherr", "freifrau", "freiin", "graf", "graefin", "prinz", "prinzessin", "baron", "baronin",
        "edler", "edle", "ritter", "fuerst", "fuerstin", "herzog", "herzogin",
    ]

    private let pattern: String
    private let maxLength: Int
    private let emailDomain: String

    /// Creates a policy from the pattern, length limit and e-mail domain in `config`.
    public init(_ config: KioskConfig) {
        pattern = config.usernamePattern
        maxLength = config.usernameMaxLength
        emailDomain = config.emailDomain
    }

    /// Proposes the first free username for `record`, its e-mail address and display name.
    ///
    /// - Parameter taken: returns `true` when a lower-case candidate is already in use (accounts
    ///   in the HR export, names in the outbox). The candidate is always lower-case, so a set
    ///   built with `lowercasedSet(_:)` gives the case-insensitive comparison.
    public func propose(for record: HRRecord, taken: (String) -> Bool) -> AccountProposal {
        let base = baseUsername(givenName: record.givenName, surname: record.surname)
        var username = fit(base, suffix: "")
        var number = 2
        while taken(username) {
            username = fit(base, suffix: String(number))
            number += 1
        }
        return AccountProposal(username: username, email: "\(username)@\(emailDomain)", displayName: record.displayName)
    }

    /// Fills in the pattern and cleans the result, before shortening and numbering.
    /// Falls back to `fallbackName` when the names contain no usable letters.
    public func baseUsername(givenName: String, surname: String) -> String {
        let first = Self.usernamePart(Self.firstGivenName(givenName))
        let last = Self.usernamePart(Self.surnameWithoutParticles(surname))
        let filled = pattern
            .replacingAll("{first}", with: first)
            .replacingAll("{last}", with: last)
            .replacingAll("{f}", with: String(first.prefix(1)))
        let cleaned = Self.tidySeparators(filled)
        return cleaned.isEmpty ? Self.fallbackName : cleaned
    }

    /// Lower-cases every name, for use as the `taken` set of `propose(for:taken:)`.
    public static func lowercasedSet(_ names: some Sequence<String>) -> Set<String> {
        Set(names.map { $0.lowercased() })
    }

    // MARK: - Parts

    /// `base` shortened so that `base + suffix` fits `maxLength`, without a trailing dot or hyphen.
    private func fit(_ base: String, suffix: String) -> String {
        let room = max(1, maxLength - suffix.count)
        var shortened = String(base.prefix(room))
        while let last = shortened.last, last == "." || last == "-" { shortened.removeLast() }
        return Self.tidySeparators(shortened) + suffix
    }

    private static func firstGivenName(_ givenName: String) -> String {
        let words = NameFolding.removingTitles(givenName).split(whereSeparator: \.isWhitespace)
        return words.first.map(String.init) ?? ""
    }

    private static func surnameWithoutParticles(_ surname: String) -> String {
        let words = NameFolding.removingTitles(surname).split(whereSeparator: \.isWhitespace).map(String.init)
        let significant = words.filter { !particles.contains(usernamePart($0)) }
        return (significant.isEmpty ? words : significant).joined(separator: " ")
    }

    /// Transliterates a name to lower-case ASCII and keeps only a-z, 0-9 and single inner hyphens.
    static func usernamePart(_ name: String) -> String {
        let allowed = NameFolding.asciiTransliteration(name).filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return tidySeparators(allowed)
    }

    /// Collapses runs of dots and hyphens to one character and trims them from both ends.
    static func tidySeparators(_ text: String) -> String {
        var result = ""
        for character in text {
            let isSeparator = character == "." || character == "-"
            if isSeparator, let last = result.last, last == "." || last == "-" {
                // A dot wins over a hyphen, so "hans-.mueller" keeps the pattern's dot.
                if character == "." { result.removeLast(); result.append(".") }
                continue
            }
            if isSeparator && result.isEmpty { continue }
            result.append(character)
        }
        while let last = result.last, last == "." || last == "-" { result.removeLast() }
        return result
    }
}

/// Checks username patterns from kiosk.conf.
enum UsernamePattern {
    static let placeholders = ["{first}", "{last}", "{f}"]

    /// `true` when the pattern has a `{first}` or `{last}` placeholder and otherwise only
    /// a-z, 0-9, dots and hyphens.
    static func isValid(_ pattern: String) -> Bool {
        guard pattern.contains("{first}") || pattern.contains("{last}") else { return false }
        var literal = pattern
        for placeholder in placeholders { literal = literal.replacingAll(placeholder, with: "") }
        return literal.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-") }
    }
}

extension String {
    /// Replaces every occurrence of `target`; a Foundation-free `replacingOccurrences`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
