import Testing

@testable import KioskCore

@Suite struct NameFoldingTests {
    @Test(arguments: ["Müller", "Mueller", "MULLER", "müller", "MÜLLER", "Mu\u{0308}ller"])
    func muellerSpellingsShareKey(name: String) {
        #expect(NameFolding.matchKey(name) == "muller")
    }

    @Test func eszettEqualsDoubleS() {
        #expect(NameFolding.matchKey("Weiß") == NameFolding.matchKey("Weiss"))
        #expect(NameFolding.matchKey("STRAẞE") == NameFolding.matchKey("Strasse"))
    }

    @Test func turkishPolishAndSerbianLettersFold() {
        #expect(NameFolding.matchKey("Şahin") == NameFolding.matchKey("Sahin"))
        #expect(NameFolding.matchKey("Yılmaz") == NameFolding.matchKey("YILMAZ"))
        #expect(NameFolding.matchKey("İpek") == NameFolding.matchKey("Ipek"))
        #expect(NameFolding.matchKey("Michał") == NameFolding.matchKey("Michal"))
        #expect(NameFolding.matchKey("Đorđević") == NameFolding.matchKey("Djordjevic"))
        #expect(NameFolding.matchKey("Đorđević") == NameFolding.matchKey("Dordevic"))
    }

    @Test func apostrophesSpacesAndHyphensAreIgnoredInKey() {
        #expect(NameFolding.matchKey("D'Angelo") == "dangelo")
        #expect(NameFolding.matchKey("D’Angelo") == "dangelo")
        #expect(NameFolding.matchKey("Schmidt-Öztürk") == NameFolding.matchKey("schmidt oztürk"))
    }

    @Test func asciiTransliterationFollowsGermanRules() {
        #expect(NameFolding.asciiTransliteration("Jürgen Größe") == "juergen groesse")
        #expect(NameFolding.asciiTransliteration("Ærøskøbing") == "aeroeskoebing")
        #expect(NameFolding.asciiTransliteration("Łukasz Ćirić") == "lukasz ciric")
        #expect(NameFolding.asciiTransliteration("Ștefan Ţuţea") == "stefan tutea")
    }

    @Test func greekScriptIsTransliterated() {
        #expect(NameFolding.asciiTransliteration("Παπαδόπουλος") == "papadopoulos")
        #expect(NameFolding.asciiTransliteration("ΓΕΩΡΓΙΟΣ") == "georgios")
        #expect(NameFolding.matchKey("Χρήστος") == NameFolding.matchKey("Christos"))
    }

    @Test func cyrillicScriptGivesEmptyKey() {
        #expect(NameFolding.matchKey("Иванов") == "")
    }

    @Test(arguments: [
        ("Şükrü Gündoğdu", "Sukru Gundogdu"), ("IŞIK", "Isik"), ("Çağrı", "Cagri"),
        ("Żółkiewski", "Zolkiewski"), ("Grzegorz Wąsik", "Grzegorz Wasik"), ("Ślęzak", "Slezak"),
        ("Čačić", "Cacic"), ("Šimić Žužić", "Simic Zuzic"), ("Đurđa", "Djurdja"),
        ("Geórgios Papadópoulos", "Georgios Papadopoulos"), ("Ștefănescu", "Stefanescu"),
        ("Ştefănescu", "Stefanescu"), ("Țîrlea", "Tirlea"), ("Ţîrlea", "Tirlea"), ("Ioana Mureșan", "Ioana Muresan"),
    ])
    func mixedWorkforceNamesMatchAsciiSpelling(written: String, typed: String) {
        #expect(NameFolding.matchKey(written) == NameFolding.matchKey(typed))
    }

    @Test func titlesAreRemovedAndPartsSplit() {
        #expect(NameFolding.removingTitles("Prof. Dr. Meier") == "Meier")
        #expect(NameFolding.removingTitles("Dr.-Ing.") == "Dr.-Ing.")
        #expect(NameFolding.parts(of: "Dr. Schmidt-Öztürk") == ["Schmidt", "Öztürk"])
        #expect(NameFolding.parts(of: "Maria  Magdalena") == ["Maria", "Magdalena"])
    }
}
