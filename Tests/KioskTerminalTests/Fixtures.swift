import KioskCore
import KioskTerminal
import Testing

/// Shared test data for the terminal tests: the real locale tables and sample steps.
enum Fixtures {
    /// `Assets/locale` of this checkout, found from this file's path.
    static let localeDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Assets/locale"
    }()

    /// A localizer over the real tables in `language`.
    static func localizer(_ language: Language = .german) throws -> Localizer {
        try Localizer(directory: localeDirectory, language: language)
    }

    /// A screen context for kiosk "sp-rathaus-03" with clerk "m.keller".
    static func context(_ language: Language = .german, clerk: String? = "m.keller") throws -> ScreenContext {
        ScreenContext(localizer: try localizer(language), kioskID: "sp-rathaus-03", clerkID: clerk)
    }

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(german: text) else { preconditionFailure("bad fixture date \(text)") }
        return date
    }

    static let ayse = HRRecord(
        personnelNumber: "00412345", surname: "Yılmaz-Berger", givenName: "Ayşe", title: "Dr.",
        birthDate: date("07.03.1985"), department: "Referat für Bildung", orgUnit: "KITA-Ost 3")

    static let ayseNamesake = HRRecord(
        personnelNumber: "00498765", surname: "Yılmaz-Berger", givenName: "Ayşe",
        birthDate: date("07.03.1985"), department: "Baureferat", orgUnit: "Gartenbau Nord")

    static let summary = EnrollmentSummary(
        displayName: "Dr. Ayşe Yılmaz-Berger", username: "ayse.yilmaz-berger",
        email: "ayse.yilmaz-berger@stadt.example", keyProduct: "YubiKey 5 NFC",
        enrollmentID: "E-2026-0412-7Q3K")

    /// One step per case and sub-case worth looking at, with a short name for messages.
    static let allSteps: [(name: String, step: EnrollmentStep)] = [
        ("welcome", .welcome),
        ("clerkSignIn", .clerkSignIn(LineInput(text: "m.keller", problem: .empty))),
        ("lookup.number", .lookup(numberForm)),
        ("lookup.name", .lookup(nameForm)),
        ("chooseCandidate", .chooseCandidate(candidates: [ayse, ayseNamesake], selected: 1)),
        ("confirmPerson", .confirmPerson(ayse)),
        ("ineligible.account", .ineligible(ayse, .hasAccount(username: "ayse.yilmaz"))),
        ("ineligible.status", .ineligible(ayse, .status(.pensioner))),
        ("ineligible.exited", .ineligible(ayse, .exited(on: date("31.12.2025")))),
        ("ineligible.notYetStarted", .ineligible(ayse, .notYetStarted(on: date("01.02.2027")))),
        ("accountProposal", .accountProposal(ayse, AccountProposal(
            username: "ayse.yilmaz-berger", email: "ayse.yilmaz-berger@stadt.example",
            displayName: "Dr. Ayşe Yılmaz-Berger"))),
        ("existingAccount", .existingAccount(ayse, existingAccount, selected: .additional)),
        ("existingAccount.replacement", .existingAccount(ayse, existingAccount, selected: .replacement)),
        ("confirmReplacement", .confirmReplacement(ayse, existingAccount)),
        ("insertKey", .insertKey(problem: nil)),
        ("insertKey.multiple", .insertKey(problem: .multipleKeys(count: 2))),
        ("pin.setNew", .pin(PINPrompt(mode: .setNew, typedCount: 3, problem: .tooShort(minimum: 4)))),
        ("pin.confirm", .pin(PINPrompt(mode: .setNew, stage: .confirm, typedCount: 6))),
        ("pin.enter", .pin(PINPrompt(mode: .enterExisting, typedCount: 4, retriesLeft: 5, problem: .wrongPIN(retriesLeft: 5)))),
        ("pin.current", .pin(PINPrompt(mode: .enterCurrent, typedCount: 6, retriesLeft: 7))),
        ("pin.changeNew", .pin(PINPrompt(mode: .changeNew, typedCount: 6, problem: .sameAsCurrent))),
        ("pin.trivial", .pin(PINPrompt(mode: .setNew, problem: .trivial))),
        ("replugKey.unplug", .replugKey(.unplug)),
        ("replugKey.plugIn", .replugKey(.plugIn)),
        ("resetConsent", .resetConsent(ResetConsent(typed: "NEIN", notConfirmed: true))),
        ("resetKey.unplug", .resetKey(ResetProgress(stage: .unplug, problem: .tooLate))),
        ("resetKey.plugIn", .resetKey(ResetProgress(stage: .plugIn, problem: .multipleKeys(count: 2)))),
        ("resetKey.touch", .resetKey(ResetProgress(stage: .touch))),
        ("touchKey.register", .touchKey(.register)),
        ("touchKey.test", .touchKey(.testSignIn)),
        ("summary", .summary(summary)),
        ("saved", .saved(summary)),
        ("summary.replacement", .summary(replacementSummary)),
        ("saved.additional", .saved(additionalSummary)),
        ("failed.keyRemoved", .failed(.key(.keyRemoved))),
        ("failed.pinBlocked", .failed(.key(.pinBlocked))),
        ("failed.diskFull", .failed(.outboxWriteFailed(detail: .diskFull))),
        ("failed.idle", .failed(.idleTimeout)),
        ("syncConflicts", .syncConflicts(conflicts, selected: 1)),
    ]

    /// Four rejected enrollments: two taken usernames (one name over 64 bytes), a 400 and a record
    /// without a stored status.
    static let conflicts = [
        SyncConflictNotice(enrollmentID: "1b4e28ba-2fa1-4d2e-883f-0016d3cca427", enrolledAt: "2026-12-03T09:14:27Z",
                           username: "ayse.yilmaz-berger", displayName: "Dr. Ayşe Yılmaz-Berger", reason: .usernameTaken),
        SyncConflictNotice(enrollmentID: "6fa459ea-ee8a-3ca4-894e-db77e160355e", enrolledAt: "2026-12-03T11:02:00Z",
                           username: "hans-juergen.mueller-luedenscheidt-schulze",
                           displayName: "Prof. Dr. Hans-Jürgen Müller-Lüdenscheidt-Schulze von Großenhain-Überlingen",
                           reason: .usernameTaken),
        SyncConflictNotice(enrollmentID: "9c5b94b1-35ad-49bb-b118-8e8fc24abf80", enrolledAt: "2026-12-03T15:40:59Z",
                           username: "guel.oezdemir", displayName: "Gül Özdemir", reason: .rejected(status: 400)),
        SyncConflictNotice(enrollmentID: "d1e0a3c2-4b7f-4e3a-9f61-0a2b3c4d5e6f", enrolledAt: "kaputt",
                           username: "li.wei", displayName: "Li Wei", reason: .rejected(status: 0)),
    ]

    static let existingAccount = ExistingAccount(
        username: "ayse.yilmaz", email: "ayse.yilmaz@stadt.example", knownCredentialCount: 2)

    static var replacementSummary: EnrollmentSummary {
        var summary = summary
        summary.kind = .replacementKey
        return summary
    }

    static var additionalSummary: EnrollmentSummary {
        var summary = summary
        summary.kind = .additionalKey
        return summary
    }

    static var numberForm: LookupForm {
        var form = LookupForm(mode: .personnelNumber)
        form.personnelNumber = "00412345"
        form.focus = .birthDate
        form.birthDate = "07.03.19"
        return form
    }

    static var nameForm: LookupForm {
        var form = LookupForm(mode: .name)
        form.surname = "Yılmaz-Berger"
        form.givenName = "Ayşe"
        form.focus = .givenName
        form.problem = .notFound
        return form
    }
}

/// Compares screens line by line, ignoring trailing spaces and trailing empty lines.
func expectScreen(_ terminal: MemoryTerminal, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    func normalized(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var trimmed = String(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
    let actual = normalized(terminal.text)
    let wanted = normalized(expected)
    #expect(actual.count == wanted.count, "line count", sourceLocation: sourceLocation)
    for (index, (got, want)) in zip(actual, wanted).enumerated() where got != want {
        Issue.record("line \(index): got \"\(got)\", expected \"\(want)\"", sourceLocation: sourceLocation)
    }
}
