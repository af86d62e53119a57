import Testing
@testable import KioskCore

/// The trivial-PIN check: common PINs, repeats, runs and the birth date in common forms.
@Suite struct PINNormalizationTests {
    private static let birth = CivilDate(year: 1984, month: 3, day: 7)!

    @Test(arguments: [
        "123456", "000000", "111111", "1234", "0000", "12345678", "654321", "abcdef", "password", "passwort",
        "qwertz", "QWERTZ", "PassWort", "aaaaaa", "üüüüüü", "3456", "987654", "fedcba", "1212", "123123", "abab",
        "07031984", "070384", "19840307", "07.03.1984", "07.03.84", "0703", "1984",
    ])
    func trivialPINIsDetected(pin: String) {
        #expect(PINNormalization.isTrivial(SecretBytes(utf8: pin), birthDate: Self.birth), "\(pin)")
    }

    @Test(arguments: ["482915", "Grüße7", "4711abc", "135792", "07031985", "abcdeg", "12341235", "zyxwvut1"])
    func ordinaryPINIsAccepted(pin: String) {
        #expect(!PINNormalization.isTrivial(SecretBytes(utf8: pin), birthDate: Self.birth), "\(pin)")
    }

    @Test func birthDateIsCheckedOnlyWhenKnown() {
        #expect(!PINNormalization.isTrivial(SecretBytes(utf8: "07031984"), birthDate: nil))
    }

    @Test func birthDateFormsUseTwoDigitDayAndMonth() {
        let forms = PINNormalization.birthDateForms(CivilDate(year: 2005, month: 11, day: 1)!)
        #expect(forms == ["01112005", "011105", "20051101", "01.11.2005", "01.11.05", "0111", "2005"])
    }
}
