import Foundation
import Testing

@testable import KioskCore

private func record(_ given: String, _ surname: String, title: String = "") -> HRRecord {
    HRRecord(personnelNumber: "12345678", surname: surname, givenName: given, title: title,
             birthDate: CivilDate(year: 1980, month: 1, day: 1)!)
}

private let policy = UsernamePolicy(KioskConfig())

private func username(_ given: String, _ surname: String, taken: Set<String> = []) -> String {
    policy.propose(for: record(given, surname), taken: { taken.contains($0) }).username
}

@Suite struct UsernamePolicyTests {
    @Test(arguments: [
        ("Jürgen", "Größe", "juergen.groesse"),
        ("Änne", "Öztürk", "aenne.oeztuerk"),
        ("Max", "Weiß", "max.weiss"),
        ("José", "García", "jose.garcia"),
        ("François", "Lefèvre", "francois.lefevre"),
        ("Işıl", "Yılmaz", "isil.yilmaz"),
        ("Ayşe", "Şahin", "ayse.sahin"),
        ("İbrahim", "Çelik", "ibrahim.celik"),
        ("Łukasz", "Wałęsa", "lukasz.walesa"),
        ("Đorđe", "Đukić", "djordje.djukic"),
        ("Søren", "Kærgaard", "soeren.kaergaard"),
        ("Ștefan", "Ţuţea", "stefan.tutea"),
    ])
    func lettersAreTransliterated(given: String, surname: String, expected: String) {
        #expect(username(given, surname) == expected)
    }

    @Test(arguments: [
        ("Hans-Peter", "Müller", "hans-peter.mueller"),
        ("Maria Magdalena", "Huber", "maria.huber"),
        ("Anna", "Schmidt-Öztürk", "anna.schmidt-oeztuer"),
        ("Karl", "von Bülow", "karl.buelow"),
        ("Carl", "Freifrau von und zu Guttenberg", "carl.guttenberg"),
        ("Gina", "De Luca", "gina.luca"),
        ("Piet", "van der Meer", "piet.meer"),
        ("Luca", "D'Angelo", "luca.dangelo"),
        ("Sean", "O’Brien", "sean.obrien"),
        ("Rosa", "Lo Bianco", "rosa.bianco"),
        ("Eva", "Dr. Wagner", "eva.wagner"),
        ("Dr. Eva", "Wagner", "eva.wagner"),
        ("Anna", "van", "anna.van"),
    ])
    func namePartsFollowPolicy(given: String, surname: String, expected: String) {
        #expect(username(given, surname) == expected)
    }

    @Test func titleColumnIsNotPartOfUsername() {
        let proposal = policy.propose(for: record("Eva", "Wagner", title: "Prof. Dr."), taken: { _ in false })
        #expect(proposal.username == "eva.wagner")
        #expect(proposal.displayName == "Prof. Dr. Eva Wagner")
    }

    @Test func overLongNameIsCutToTwenty() {
        #expect(username("Maximilian", "Hohenlohe-Waldenburg") == "maximilian.hohenlohe")
    }

    @Test func cutNeverEndsInHyphenOrDot() {
        #expect(username("Christina", "Abcdefghi-Xyz") == "christina.abcdefghi")
        #expect(username("Abcdefghijklmnopqrs", "Xyz") == "abcdefghijklmnopqrs")
    }

    @Test func collisionsAreNumbered() {
        let taken: Set = ["max.mustermann", "max.mustermann2"]
        #expect(username("Max", "Mustermann") == "max.mustermann")
        #expect(username("Max", "Mustermann", taken: ["max.mustermann"]) == "max.mustermann2")
        #expect(username("Max", "Mustermann", taken: taken) == "max.mustermann3")
    }

    @Test func takenComparisonIsCaseInsensitive() {
        let taken = UsernamePolicy.lowercasedSet(["Max.Mustermann"])
        #expect(username("Max", "Mustermann", taken: taken) == "max.mustermann2")
    }

    @Test func numberFitsLimitByShortening() {
        var taken: Set = ["maximilian.hohenlohe"]
        #expect(username("Maximilian", "Hohenlohe", taken: taken) == "maximilian.hohenloh2")
        for number in 2...9 { taken.insert("maximilian.hohenloh\(number)") }
        #expect(username("Maximilian", "Hohenlohe", taken: taken) == "maximilian.hohenlo10")
    }

    @Test func numberAfterCutDropsDotBeforeIt() {
        #expect(username("Abcdefghijklmnopqr", "Xy", taken: ["abcdefghijklmnopqr.x"]) == "abcdefghijklmnopqr2")
    }

    @Test func emptyOrNonLatinNamesStillGiveUsername() {
        #expect(username("Anna", "Иванова") == "anna")
        #expect(username("", "Kaya") == "kaya")
        #expect(username("Анна", "Иванова") == UsernamePolicy.fallbackName)
    }

    @Test func greekScriptNamesAreTransliterated() {
        #expect(username("Ελένη", "Παπαδοπούλου") == "eleni.papadopoulou")
        #expect(username("Ευάγγελος", "Αυγερινός") == "evaggelos.avgerinos")
    }

    @Test func emailUsesConfiguredDomain() {
        var config = KioskConfig()
        config.emailDomain = "muenchen.example"
        let proposal = UsernamePolicy(config).propose(for: record("Jürgen", "Größe"), taken: { _ in false })
        #expect(proposal.email == "juergen.groesse@muenchen.example")
    }

    @Test func patternAndLengthComeFromConfig() {
        var config = KioskConfig()
        config.usernamePattern = "{f}{last}"
        config.usernameMaxLength = 8
        let custom = UsernamePolicy(config)
        #expect(custom.propose(for: record("Max", "Mustermann"), taken: { _ in false }).username == "mmusterm")
        #expect(custom.propose(for: record("Max", "Mustermann"), taken: { $0 == "mmusterm" }).username == "mmuster2")
    }

    @Test func doubledSeparatorsInPatternCollapse() {
        var config = KioskConfig()
        config.usernamePattern = "{first}..{last}"
        #expect(UsernamePolicy(config).baseUsername(givenName: "Anna-", surname: "-Kaya") == "anna.kaya")
    }

    @Test func demoExportUsernamesAreAllValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let records = try HRImporter(KioskConfig()).load(path: root.appendingPathComponent("Assets/demo-hr.csv").path).records
        var taken: Set<String> = []
        for person in records {
            let name = policy.propose(for: person, taken: { taken.contains($0) }).username
            #expect(!taken.contains(name))
            taken.insert(name)
            #expect((1...20).contains(name.count))
            #expect(name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" })
            #expect(!name.contains(".."))
            #expect(name.first != ".")
            #expect(name.first != "-")
            #expect(name.last != ".")
            #expect(name.last != "-")
        }
    }
}
