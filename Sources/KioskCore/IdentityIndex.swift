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
        /// Match keys of the whole surname and of each of its parts. An array rather than a Set,
        /// because it has only one to a few elements and building a Set per record slowed indexing.
        let surnameKeys: [String]
        /// Match keys of the whole given name and of each of its parts.
        let givenNameKeys: [String]
    }

    private let entriesByBirthDate: [CivilDate: [Entry]]
    private let recordByPersonnelNumber: [String: HRRecord]

    /// Builds the index. For records with the same personnel number the last one wins; the
    /// importer already rejects such duplicates.
    public init(records: [HRRecord]) {
        var byDate: [CivilDate: [Entry]] = [:]
        var byNumber: [String: HRRecord] = [:]
        byNumber.reserveCapacity(records.count)
        for record in records {
            let entry = Entry(
                record: record, surnameKeys: Self.keys(for: record.surname), givenNameKeys: Self.keys(for: record.givenName))
            byDate[record.birthDate, default: []].append(entry)
            byNumber[record.personnelNumber] = record
        }
        entriesByBirthDate = byDate
        recordByPersonnelNumber = byNumber
    }

    /// Number of indexed records.
    public var count: Int { recordByPersonnelNumber.count }

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
        guard let record = recordByPersonnelNumber[padded], record.birthDate == birthDate else { return nil }
        return record
    }

    /// Finds everyone born on `birthDate` whose surname matches, and whose given name matches
    /// when one is typed.
    ///
    /// A name matches when its match key equals the key of the whole stored name or of one of
    /// its parts (split at spaces and hyphens, titles removed). There is no prefix matching.
    /// - Parameter givenName: `nil` or blank to match on surname and birth date only.
    /// - Returns: all matching records sorted by personnel number (several for homonyms); empty
    ///   when none match or the surname has no letters.
    public func lookup(surname: String, givenName: String?, birthDate: CivilDate) -> [HRRecord] {
        let surnameKey = Self.wholeKey(NameFolding.parts(of: surname))
        guard !surnameKey.isEmpty, let candidates = entriesByBirthDate[birthDate] else { return [] }
        let givenKey = givenName.map { Self.wholeKey(NameFolding.parts(of: $0)) } ?? ""

        return candidates
            .filter { $0.surnameKeys.contains(surnameKey) && (givenKey.isEmpty || $0.givenNameKeys.contains(givenKey)) }
            .map(\.record)
            .sorted { $0.personnelNumber < $1.personnelNumber }
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
