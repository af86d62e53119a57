import Foundation
import Testing

@testable import KioskCore

private let birth = CivilDate(year: 1980, month: 2, day: 1)!
private let otherBirth = CivilDate(year: 1981, month: 3, day: 4)!

private let records = [
    HRRecord(personnelNumber: "00012345", surname: "Müller", givenName: "Hans-Peter", birthDate: birth),
    HRRecord(personnelNumber: "10000002", surname: "Weiß", givenName: "Anna Maria", title: "Dr.", birthDate: birth),
    HRRecord(personnelNumber: "10000003", surname: "Schmidt-Öztürk", givenName: "Ayşe", birthDate: birth),
    HRRecord(personnelNumber: "10000004", surname: "Yılmaz", givenName: "Işıl", birthDate: birth),
    HRRecord(personnelNumber: "10000005", surname: "Müller", givenName: "Hans-Peter", birthDate: otherBirth),
    HRRecord(personnelNumber: "10000007", surname: "Kaya", givenName: "Ali", birthDate: birth),
    HRRecord(personnelNumber: "10000006", surname: "Kaya", givenName: "Ali", birthDate: birth),
    HRRecord(personnelNumber: "10000008", surname: "von Bülow", givenName: "Karl", birthDate: birth),
    HRRecord(personnelNumber: "10000009", surname: "Dr. Wagner", givenName: "Eva", birthDate: birth),
    HRRecord(personnelNumber: "10000010", surname: "Gra-Edler", givenName: "Jörg", birthDate: birth),
]
private let index = IdentityIndex(records: records)

@Suite struct IdentityIndexTests {
    @Test func personnelNumberAndBirthDateFindOne() {
        #expect(index.lookup(personnelNumber: "10000003", birthDate: birth)?.surname == "Schmidt-Öztürk")
    }

    @Test func personnelNumberWithWrongBirthDateFindsNothing() {
        #expect(index.lookup(personnelNumber: "10000003", birthDate: otherBirth) == nil)
    }

    @Test func personnelNumberWithoutLeadingZerosIsPadded() {
        #expect(index.lookup(personnelNumber: " 12345 ", birthDate: birth)?.personnelNumber == "00012345")
    }

    @Test(arguments: ["", "abc", "123456789", "1234 5678"])
    func malformedPersonnelNumberFindsNothing(number: String) {
        #expect(index.lookup(personnelNumber: number, birthDate: birth) == nil)
    }

    @Test(arguments: ["Müller", "Mueller", "MULLER", "müller", "  müller "])
    func muellerSpellingsFindMueller(surname: String) {
        let found = index.lookup(surname: surname, givenName: nil, birthDate: birth)
        #expect(found.map(\.personnelNumber) == ["00012345"])
    }

    @Test func weissFindsWeiss() {
        #expect(index.lookup(surname: "Weiss", givenName: "anna", birthDate: birth).map(\.personnelNumber) == ["10000002"])
    }

    @Test func eitherPartOfDoubleNameFinds() {
        for surname in ["Schmidt", "Öztürk", "Ozturk", "Schmidt-Öztürk", "schmidt oeztuerk"] {
            #expect(index.lookup(surname: surname, givenName: "Ayse", birthDate: birth).count == 1)
        }
    }

    @Test func decomposedUmlautInQueryMatches() {
        #expect(index.lookup(surname: "Mu\u{0308}ller", givenName: "Hans-Peter", birthDate: birth).count == 1)
    }

    @Test func doubleNameMatchesAcrossHyphenBoundary() {
        for surname in ["Gra-Edler", "gra edler", "GRAEDLER", "Gra Edler"] {
            #expect(index.lookup(surname: surname, givenName: "Joerg", birthDate: birth).count == 1)
        }
    }

    @Test func givenNamePartFindsDoubleGivenName() {
        #expect(index.lookup(surname: "Müller", givenName: "Peter", birthDate: birth).count == 1)
        #expect(index.lookup(surname: "Müller", givenName: "Hans Peter", birthDate: birth).count == 1)
        #expect(index.lookup(surname: "Müller", givenName: "Klaus", birthDate: birth).isEmpty)
    }

    @Test func turkishLettersMatchAsciiSpelling() {
        #expect(index.lookup(surname: "YILMAZ", givenName: "Isil", birthDate: birth).count == 1)
    }

    @Test func titleInNameOrQueryIsIgnored() {
        #expect(index.lookup(surname: "Wagner", givenName: "Eva", birthDate: birth).count == 1)
        #expect(index.lookup(surname: "Dr. Weiß", givenName: nil, birthDate: birth).count == 1)
    }

    @Test func typedParticleNotInStoredNameIsIgnored() {
        let people = [HRRecord(personnelNumber: "50000001", surname: "Heide", givenName: "Jan", birthDate: birth),
                      HRRecord(personnelNumber: "50000002", surname: "van Dijk", givenName: "Piet", birthDate: birth)]
        let particles = IdentityIndex(records: people)
        #expect(particles.lookup(surname: "von der Heide", givenName: nil, birthDate: birth).count == 1)
        #expect(particles.lookup(surname: "Dijk", givenName: "Piet", birthDate: birth).count == 1)
        #expect(particles.lookup(surname: "von", givenName: nil, birthDate: birth).isEmpty)
    }

    @Test func particleNameFoundWithAndWithoutParticle() {
        #expect(index.lookup(surname: "Bülow", givenName: "Karl", birthDate: birth).count == 1)
        #expect(index.lookup(surname: "von Buelow", givenName: "Karl", birthDate: birth).count == 1)
    }

    @Test func homonymsReturnAllCandidatesSorted() {
        let found = index.lookup(surname: "Kaya", givenName: "Ali", birthDate: birth)
        #expect(found.map(\.personnelNumber) == ["10000006", "10000007"])
    }

    @Test func sameNameOtherBirthDateIsSeparate() {
        #expect(index.lookup(surname: "Müller", givenName: nil, birthDate: otherBirth).map(\.personnelNumber) == ["10000005"])
    }

    @Test func noBrowsingWithoutNameOrByPrefix() {
        #expect(index.lookup(surname: "", givenName: nil, birthDate: birth).isEmpty)
        #expect(index.lookup(surname: " - ", givenName: "Ali", birthDate: birth).isEmpty)
        #expect(index.lookup(surname: "M", givenName: nil, birthDate: birth).isEmpty)
        #expect(index.lookup(surname: "Müll", givenName: nil, birthDate: birth).isEmpty)
    }

    @Test func unknownBirthDateFindsNothing() {
        let date = CivilDate(year: 1999, month: 9, day: 9)!
        #expect(index.lookup(surname: "Müller", givenName: nil, birthDate: date).isEmpty)
    }

    @Test func exactSpellingRanksBeforeFoldedAndPartMatch() {
        let people = [
            HRRecord(personnelNumber: "20000001", surname: "Schmidt-Mueller", givenName: "Jan", birthDate: birth),
            HRRecord(personnelNumber: "20000002", surname: "Mueller", givenName: "Jan", birthDate: birth),
            HRRecord(personnelNumber: "20000003", surname: "Müller", givenName: "Jan", birthDate: birth),
        ]
        let ranked = IdentityIndex(records: people)
        #expect(ranked.lookup(surname: "Müller", givenName: "Jan", birthDate: birth).map(\.personnelNumber)
            == ["20000003", "20000002", "20000001"])
        #expect(ranked.lookup(surname: "mueller", givenName: nil, birthDate: birth).map(\.personnelNumber)
            == ["20000002", "20000003", "20000001"])
    }

    @Test func exactGivenNameRanksBeforeGivenNamePart() {
        let people = [
            HRRecord(personnelNumber: "20000001", surname: "Kaya", givenName: "Ali Osman", birthDate: birth),
            HRRecord(personnelNumber: "20000002", surname: "Kaya", givenName: "Ali", birthDate: birth),
        ]
        let found = IdentityIndex(records: people).lookup(surname: "Kaya", givenName: "ali", birthDate: birth)
        #expect(found.map(\.personnelNumber) == ["20000002", "20000001"])
    }

    @Test func searchCapsCandidatesAndReportsTooMany() {
        let people = (1...6).map { number in
            HRRecord(personnelNumber: "3000000\(number)", surname: "Yılmaz", givenName: "Given\(number)", birthDate: birth)
        }
        let crowded = IdentityIndex(records: people)
        #expect(crowded.search(.name(surname: "Yilmaz", givenName: nil, birthDate: birth)) == .tooManyMatches(limit: 5))
        #expect(crowded.search(.name(surname: "Yilmaz", givenName: nil, birthDate: birth), limit: 6) == .found(people))
        guard case .found(let narrowed) = crowded.search(.name(surname: "Yilmaz", givenName: "Given3", birthDate: birth)) else {
            Issue.record("expected a narrowed result")
            return
        }
        #expect(narrowed.map(\.personnelNumber) == ["30000003"])
    }

    @Test func searchByPersonnelNumberFindsOneOrNone() {
        #expect(index.search(.personnelNumber("12345", birthDate: birth)) == .found([records[0]]))
        #expect(index.search(.personnelNumber("12345", birthDate: otherBirth)) == .found([]))
    }

    @Test func greekAndRomanianSpellingsFind() {
        let people = [
            HRRecord(personnelNumber: "40000001", surname: "Papadopoulos", givenName: "Georgios", birthDate: birth),
            HRRecord(personnelNumber: "40000002", surname: "Mureșan", givenName: "Ștefan", birthDate: birth),
            HRRecord(personnelNumber: "40000003", surname: "Wąsowski-Łuczak", givenName: "Żaneta", birthDate: birth),
        ]
        let mixed = IdentityIndex(records: people)
        #expect(mixed.lookup(surname: "Παπαδόπουλος", givenName: "Γεώργιος", birthDate: birth).count == 1)
        #expect(mixed.lookup(surname: "Muresan", givenName: "Stefan", birthDate: birth).count == 1)
        #expect(mixed.lookup(surname: "Luczak", givenName: "Zaneta", birthDate: birth).count == 1)
    }

    @Test func countIsNumberOfRecords() {
        #expect(index.count == records.count)
    }

    @Test func demoExportHomonymsAreBothFound() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let demo = try HRImporter(KioskConfig()).load(path: root.appendingPathComponent("Assets/demo-hr.csv").path)
        let demoIndex = IdentityIndex(records: demo.records)
        let date = try #require(CivilDate(german: "11.02.1963"))
        let found = demoIndex.lookup(surname: "HEGEDUS", givenName: "gabor", birthDate: date)
        #expect(found.map(\.personnelNumber) == ["41446260", "64206890"])
    }

    @Test func hundredThousandRecordsIndexAndLookUp() {
        let many = (0..<100_000).map { number in
            HRRecord(
                personnelNumber: String(10_000_000 + number), surname: "Name\(number % 5000)", givenName: "Vorname",
                birthDate: CivilDate(year: 1950 + number % 50, month: 1 + number % 12, day: 1 + number % 28)!)
        }
        let big = IdentityIndex(records: many)
        let probe = many[54321]
        #expect(big.lookup(surname: probe.surname, givenName: "vorname", birthDate: probe.birthDate).contains(probe))
        #expect(big.lookup(personnelNumber: probe.personnelNumber, birthDate: probe.birthDate) == probe)
    }
}
