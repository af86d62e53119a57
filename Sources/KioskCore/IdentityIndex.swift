/// Finds people in the HR export by two identifiers: personnel number and birth date, or name
/// and birth date.
///
/// The birth date is always required and names must match a whole name or a whole part of a
/// double name, so the index cannot be used to list or browse people. Name matching ignores
/// case, accents and the German umlaut spelling (Müller = Mueller = MULLER), ß/ss, titles and
/// the order of parts in a double name ("Schmidt" finds "Schmidt-Öztürk"). Records are grouped
/// by birth date, so a lookup compares only the few people born on that day.
public struct IdentityIndex: Sendable {
    private struct Entry: Sendable {
        let record: HRRecord
        /// Match keys of the whole surname and of each of its parts.
        let surnameKeys: NameKeys
        /// Match keys of the whole given name and of each of its parts.
        let givenNameKeys: NameKeys
    }

    /// Every record once; the two maps below hold positions in this array, so a record is not
    /// stored twice.
    private let entries: [Entry]
    private let entryPositionsByBirthDate: [CivilDate: [Int32]]
    private let entryPositionByPersonnelNumber: [String: Int32]

    /// Builds the index. For records with the same personnel number the last one wins; the
    /// importer already rejects such duplicates.
    public init(records: [HRRecord]) {
        var entries: [Entry] = []
        var byDate: [CivilDate: [Int32]] = [:]
        var byNumber: [String: Int32] = [:]
        entries.reserveCapacity(records.count)
        byNumber.reserveCapacity(records.count)
        for record in records {
            let position = Int32(entries.count)
            entries.append(Entry(
                record: record, surnameKeys: NameKeys(Self.keys(for: record.surname)),
                givenNameKeys: NameKeys(Self.keys(for: record.givenName))))
            byDate[record.birthDate, default: []].append(position)
            byNumber[record.personnelNumber] = position
        }
        self.entries = entries
        entryPositionsByBirthDate = byDate
        entryPositionByPersonnelNumber = byNumber
    }

    /// Number of indexed records (people with distinct personnel numbers).
    public var count: Int { entryPositionByPersonnelNumber.count }

    /// Finds the person with this personnel number, if the birth date matches too.
    ///
    /// - Parameter personnelNumber: 1 to 8 digits; shorter input is padded with leading zeros
    ///   because exports keep them and clerks often leave them out. Spaces around it are ignored.
    /// - Returns: `nil` when the number is malformed, unknown or the birth date differs. The three
    ///   cases are not distinguished, so a wrong date reveals nothing about the number.
    public func lookup(personnelNumber: String, birthDate: CivilDate) -> HRRecord? {
        let digits = personnelNumber.trimmingSpaces()
        guard (1...8).contains(digits.utf8.count), digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        let padded = String(repeating: "0", count: 8 - digits.utf8.count) + digits
        guard let position = entryPositionByPersonnelNumber[padded] else { return nil }
        let record = entries[Int(position)].record
        return record.birthDate == birthDate ? record : nil
    }

    /// Finds everyone born on `birthDate` whose surname matches, and whose given name matches
    /// when one is typed, best match first.
    ///
    /// A name matches when its match key equals the key of the whole stored name or of one of
    /// its parts (split at spaces and hyphens, titles removed). There is no prefix matching.
    /// When nothing matches and the typed surname contains particles (von, van, de …), they are
    /// left out and the lookup runs once more.
    /// Ranking: a name spelled as stored (ignoring case) comes first, then a folded match (Mueller
    /// for Müller), then a match on one part of a double name. Ties go by personnel number.
    /// - Parameter givenName: `nil` or blank to match on surname and birth date only.
    /// - Returns: all matching records (several for homonyms); empty when none match or the
    ///   surname has no letters.
    public func lookup(surname: String, givenName: String?, birthDate: CivilDate) -> [HRRecord] {
        let surnameParts = NameFolding.parts(of: surname)
        let found = lookup(surnameParts: surnameParts, givenName: givenName, birthDate: birthDate)
        // A particle typed but not stored ("von Heide" for "Heide") is dropped on a second try.
        let withoutParticles = surnameParts.filter { !UsernamePolicy.particles.contains(NameFolding.asciiTransliteration($0)) }
        guard found.isEmpty, !withoutParticles.isEmpty, withoutParticles.count < surnameParts.count else { return found }
        return lookup(surnameParts: withoutParticles, givenName: givenName, birthDate: birthDate)
    }

    private func lookup(surnameParts: [String], givenName: String?, birthDate: CivilDate) -> [HRRecord] {
        let surnameKey = Self.wholeKey(surnameParts)
        guard !surnameKey.isEmpty, let positions = entryPositionsByBirthDate[birthDate] else { return [] }
        let candidates = positions.map { entries[Int($0)] }
        let givenParts = givenName.map(NameFolding.parts(of:)) ?? []
        let givenKey = Self.wholeKey(givenParts)

        let typedSurname = Self.spelling(surnameParts)
        let typedGiven = Self.spelling(givenParts)
        return candidates
            .filter { $0.surnameKeys.contains(surnameKey) && (givenKey.isEmpty || $0.givenNameKeys.contains(givenKey)) }
            .map { entry in
                let surnameRank = Self.rank(entry.record.surname, typed: typedSurname, key: surnameKey, keys: entry.surnameKeys)
                let givenRank = givenKey.isEmpty
                    ? 0 : Self.rank(entry.record.givenName, typed: typedGiven, key: givenKey, keys: entry.givenNameKeys)
                return (rank: surnameRank + givenRank, record: entry.record)
            }
            .sorted { ($0.rank, $0.record.personnelNumber) < ($1.rank, $1.record.personnelNumber) }
            .map(\.record)
    }

    /// Runs `query` and caps the result, so a lookup never lists more than a few people.
    ///
    /// - Parameter limit: the most candidates returned; with more matches the result is
    ///   `.tooManyMatches(limit:)` and contains no record, so the clerk adds the given name or searches
    ///   by personnel number instead of browsing a long list.
    /// - Returns: `.found` with at most `limit` records, best first (empty when nobody matched),
    ///   or `.tooManyMatches`. Never `.throttled`; throttling is the caller's job.
    public func search(_ query: LookupQuery, limit: Int = IdentityIndex.maxCandidates) -> LookupOutcome {
        let found: [HRRecord]
        switch query {
        case .personnelNumber(let number, let birthDate):
            found = lookup(personnelNumber: number, birthDate: birthDate).map { [$0] } ?? []
        case .name(let surname, let givenName, let birthDate):
            found = lookup(surname: surname, givenName: givenName, birthDate: birthDate)
        }
        return found.count > limit ? .tooManyMatches(limit: limit) : .found(found)
    }

    /// Default cap of `search(_:limit:)`: the candidate list fits one screen at 80x24, and true
    /// homonyms (same name and birth date) are rarely more than two or three.
    public static let maxCandidates = 5

    // MARK: - Ranking

    /// Returns 0 when the stored name is spelled as typed (ignoring case and titles), 1 when the
    /// whole name matches after folding, 2 when only one part of a double name matches.
    private static func rank(_ stored: String, typed: String, key: String, keys: NameKeys) -> Int {
        if spelling(NameFolding.parts(of: stored)) == typed { return 0 }
        return keys.isWholeName(key) ? 1 : 2
    }

    /// Name parts lower-cased and joined by one space, for the exact-spelling comparison.
    private static func spelling(_ parts: [String]) -> String {
        parts.joined(separator: " ").lowercased()
    }

    /// Returns the match keys of a name as a whole and of each part, without empty keys.
    ///
    /// A double name gets two whole-name keys, because the ae/oe/ue collapse can span the
    /// hyphen: "Gra-Edler" typed as "Gra Edler" gives "graedler", typed as "Graedler" "gradler".
    private static func keys(for name: String) -> [String] {
        let parts = NameFolding.parts(of: name)
        var keys = [wholeKey(parts)]
        if parts.count > 1 {
            keys.append(NameFolding.matchKey(parts.joined()))
            keys += parts.map(NameFolding.matchKey)
        }
        return keys.filter { !$0.isEmpty }
    }

    /// Returns the key of a whole name as the concatenated keys of its parts, for stored and
    /// typed names alike.
    private static func wholeKey(_ parts: [String]) -> String {
        parts.map(NameFolding.matchKey).joined()
    }
}

/// The match keys of one name: the whole-name key first, then (for names of several parts) the
/// key of the parts joined and the key of each part. Most names have one part, and keeping the
/// first key outside the array saves an allocation per name in an index of 100,000 people.
private struct NameKeys: Sendable {
    private let first: String
    private let rest: [String]

    init(_ keys: [String]) {
        first = keys.first ?? ""
        rest = Array(keys.dropFirst())
    }

    /// `true` when `key` is one of the keys; never for the empty key.
    func contains(_ key: String) -> Bool {
        !key.isEmpty && (first == key || rest.contains(key))
    }

    /// `true` when `key` matches the whole name rather than one part of it.
    func isWholeName(_ key: String) -> Bool {
        first == key || rest.first == key
    }
}
