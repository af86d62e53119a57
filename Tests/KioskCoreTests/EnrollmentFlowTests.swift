import Testing
@testable import KioskCore

/// Drives the enrollment state machine with typed input and scripted key results, no terminal
/// and no key: each test checks the screen state and the effects the flow asks for.
@Suite struct EnrollmentFlowTests {
    private static let birth = CivilDate(year: 1984, month: 3, day: 7)!
    private static let person = HRRecord(
        personnelNumber: "00471100", surname: "Müller-Lüdenscheidt", givenName: "Jürgen",
        birthDate: birth, department: "Baureferat", orgUnit: "Gartenbau")
    private static let twin = HRRecord(
        personnelNumber: "00471101", surname: "Müller-Lüdenscheidt", givenName: "Jürgen",
        birthDate: birth, department: "Sozialreferat", orgUnit: "Kita Nord")
    private static let device = SecurityKeyDevice(path: "virtual:test", manufacturer: "Test", product: "Virtual Key")
    private static let freshKey = SecurityKeyInfo(aaguid: Array(repeating: 7, count: 16), versions: ["FIDO_2_1"],
                                                  hasPIN: false, minPINLength: 6)

    private func makeFlow(people: [HRRecord] = [person], ineligible: IneligibleReason? = nil) -> EnrollmentFlow {
        var config = KioskConfig()
        config.idleTimeoutSeconds = 120
        let environment = EnrollmentEnvironment(
            config: config,
            search: { query in
                switch query {
                case .personnelNumber(let number, let date):
                    return .found(people.filter { $0.personnelNumber == number && $0.birthDate == date })
                case .name(_, _, let date):
                    return .found(people.filter { $0.birthDate == date })
                }
            },
            eligibility: { _ in ineligible },
            proposeAccount: { _ in AccountProposal(username: "juergen.mueller-lue", email: "juergen.mueller-lue@stadt.example",
                                                   displayName: "Jürgen Müller-Lüdenscheidt") },
            timestamp: { "2026-12-04T10:00:00Z" },
            randomBytes: { count in Array(repeating: 0xAB, count: count) })
        return EnrollmentFlow(environment: environment)
    }

    @discardableResult
    private func type(_ text: String, into flow: EnrollmentFlow) -> [FlowEffect] {
        text.flatMap { flow.handle(.input(.character($0))) }
    }

    private func signInAndLookUp(_ flow: EnrollmentFlow, number: String = "471100", date: String = "07.03.1984") {
        flow.handle(.input(.enter))
        type("hr-clerk-7", into: flow)
        flow.handle(.input(.enter))
        type(number, into: flow)
        flow.handle(.input(.enter))
        type(date, into: flow)
        flow.handle(.input(.enter))
    }

    /// Walks from the welcome screen to the PIN screen of a fresh key.
    private func walkToPIN(_ flow: EnrollmentFlow) {
        signInAndLookUp(flow)
        flow.handle(.input(.enter))
        flow.handle(.input(.enter))
        flow.handle(.keysPresent([Self.device]))
        flow.handle(.keyOpened(Self.device, Self.freshKey))
    }

    @Test func lookupByPersonnelNumberPadsLeadingZeros() {
        let flow = makeFlow()
        signInAndLookUp(flow)
        #expect(flow.step == .confirmPerson(Self.person))
        #expect(flow.clerkID == "hr-clerk-7")
    }

    @Test func lookupWithInvalidDateStaysOnFormWithProblem() {
        let flow = makeFlow()
        signInAndLookUp(flow, date: "31.02.1984")
        guard case .lookup(let form) = flow.step else {
            Issue.record("expected the lookup form, got \(flow.step)")
            return
        }
        #expect(form.problem == .invalidDate)
        #expect(form.focus == .birthDate)
    }

    @Test func lookupWithoutMatchReportsNotFound() {
        let flow = makeFlow()
        signInAndLookUp(flow, number: "99999999")
        guard case .lookup(let form) = flow.step else {
            Issue.record("expected the lookup form, got \(flow.step)")
            return
        }
        #expect(form.problem == .notFound)
    }

    @Test func tooManyMatchesAsksForGivenName() {
        var config = KioskConfig()
        config.idleTimeoutSeconds = 120
        let environment = EnrollmentEnvironment(
            config: config, search: { _ in .tooManyMatches(limit: 5) }, eligibility: { _ in nil },
            proposeAccount: { _ in AccountProposal(username: "x", email: "x@stadt.example", displayName: "X") },
            timestamp: { "2026-12-04T10:00:00Z" }, randomBytes: { Array(repeating: 0, count: $0) })
        let flow = EnrollmentFlow(environment: environment)
        flow.handle(.input(.enter))
        type("clerk", into: flow)
        flow.handle(.input(.enter))
        flow.handle(.input(.toggleLookupMode))
        type("Yilmaz", into: flow)
        flow.handle(.input(.tab))
        flow.handle(.input(.tab))
        type("07031984", into: flow)
        let effects = flow.handle(.input(.enter))
        guard case .lookup(let form) = flow.step else {
            Issue.record("expected the lookup form, got \(flow.step)")
            return
        }
        #expect(form.problem == .tooManyMatches(limit: 5))
        #expect(form.focus == .givenName)
        #expect(effects.contains { if case .log(_, let message, _) = $0 { message.contains("too many") } else { false } })
    }

    @Test func homonymsMustBeChosenByClerk() {
        let flow = makeFlow(people: [Self.person, Self.twin])
        flow.handle(.input(.enter))
        type("clerk", into: flow)
        flow.handle(.input(.enter))
        flow.handle(.input(.toggleLookupMode))
        type("Mueller", into: flow)
        flow.handle(.input(.tab))
        flow.handle(.input(.tab))
        type("07031984", into: flow)
        flow.handle(.input(.enter))
        #expect(flow.step == .chooseCandidate(candidates: [Self.person, Self.twin], selected: 0))
        flow.handle(.input(.down))
        flow.handle(.input(.enter))
        #expect(flow.step == .confirmPerson(Self.twin))
    }

    @Test func personWithAccountGetsKeyChoice() {
        let flow = makeFlow(ineligible: .hasAccount(username: "j.mueller"))
        signInAndLookUp(flow)
        flow.handle(.input(.enter))
        let account = ExistingAccount(username: "j.mueller", email: "j.mueller@stadt.example")
        #expect(flow.step == .existingAccount(Self.person, account, selected: .additional))
        flow.handle(.input(.escape))
        #expect(flow.step == .confirmPerson(Self.person))
    }

    @Test func otherIneligiblePersonIsToldSo() {
        let flow = makeFlow(ineligible: .status(.pensioner))
        signInAndLookUp(flow)
        flow.handle(.input(.enter))
        #expect(flow.step == .ineligible(Self.person, .status(.pensioner)))
        flow.handle(.input(.escape))
        #expect(flow.step == .lookup(LookupForm()), "Esc returns to an empty search, as the screen says")
    }

    @Test func twoKeysPluggedInAskForOne() {
        let flow = makeFlow()
        signInAndLookUp(flow)
        flow.handle(.input(.enter))
        let effects = flow.handle(.input(.enter))
        #expect(effects.contains { if case .watchForKeys = $0 { true } else { false } })
        let other = SecurityKeyDevice(path: "virtual:other", manufacturer: "Test", product: "Other")
        flow.handle(.keysPresent([Self.device, other]))
        #expect(flow.step == .insertKey(problem: .multipleKeys(count: 2)))
    }

    @Test func newPINTooShortForKeyIsRejected() {
        let flow = makeFlow()
        walkToPIN(flow)
        type("12345", into: flow)
        flow.handle(.input(.enter))
        guard case .pin(let prompt) = flow.step else {
            Issue.record("expected the PIN screen, got \(flow.step)")
            return
        }
        #expect(prompt.problem == .tooShort(minimum: 6))
        #expect(prompt.stage == .first)
        #expect(prompt.typedCount == 0)
    }

    @Test func newPINOver63BytesIsRejected() {
        let flow = makeFlow()
        walkToPIN(flow)
        type(String(repeating: "ü", count: 32), into: flow)
        flow.handle(.input(.enter))
        guard case .pin(let prompt) = flow.step else {
            Issue.record("expected the PIN screen, got \(flow.step)")
            return
        }
        #expect(prompt.problem == .tooLong)
    }

    @Test func mismatchedPINConfirmationStartsOver() {
        let flow = makeFlow()
        walkToPIN(flow)
        type("482915", into: flow)
        flow.handle(.input(.enter))
        type("482916", into: flow)
        flow.handle(.input(.enter))
        guard case .pin(let prompt) = flow.step else {
            Issue.record("expected the PIN screen, got \(flow.step)")
            return
        }
        #expect(prompt.problem == .mismatch)
        #expect(prompt.stage == .first)
    }

    @Test func fullEnrollmentProducesRecordWithClientData() throws {
        let flow = makeFlow()
        walkToPIN(flow)
        type("482915", into: flow)
        flow.handle(.input(.enter))
        type("482915", into: flow)
        let setEffects = flow.handle(.input(.enter))
        #expect(setEffects.contains { if case .setPIN = $0 { true } else { false } })
        let makeEffects = flow.handle(.pinSet)
        let request = try #require(makeEffects.compactMap { effect -> CredentialRequest? in
            if case .makeCredential(let request, _) = effect { request } else { nil }
        }.first)
        #expect(request.displayName == "Jürgen Müller-Lüdenscheidt")
        #expect(String(decoding: request.clientDataJSON, as: UTF8.self).hasPrefix("{\"type\":\"webauthn.create\""))

        let credential = RegisteredCredential(
            credentialID: [1, 2, 3], publicKeyCOSE: [0xA5], aaguid: Array(repeating: 7, count: 16), signCount: 0,
            attestationFormat: "packed", attestationObject: [0xA3], authenticatorData: [])
        flow.handle(.credentialCreated(credential))
        #expect(flow.step == .touchKey(.testSignIn))
        flow.handle(.assertionVerified(AssertionResult(credentialID: [1, 2, 3], signCount: 1, userVerified: true)))
        guard case .summary(let summary) = flow.step else {
            Issue.record("expected the summary, got \(flow.step)")
            return
        }
        let saveEffects = flow.handle(.input(.enter))
        let record = try #require(saveEffects.compactMap { effect -> OutboxRecord? in
            if case .saveRecord(let record) = effect { record } else { nil }
        }.first)
        #expect(record.personnelNumber == "00471100")
        #expect(record.clerkID == "hr-clerk-7")
        #expect(record.credential.clientDataJSON == Base64URL.encode(request.clientDataJSON))
        #expect(record.credential.userHandle == Base64URL.encode(request.userHandle))
        #expect(record.credential.testSignInVerified)
        #expect(flow.handle(.input(.enter)).isEmpty, "a second Enter must not save twice")
        flow.handle(.recordSaved(enrollmentID: summary.enrollmentID))
        #expect(flow.step == .saved(summary))
        flow.handle(.input(.enter))
        #expect(flow.step == .welcome)
        #expect(!flow.holdsPersonalData)
    }

    @Test func wrongExistingPINShowsRetriesLeft() {
        let flow = makeFlow()
        signInAndLookUp(flow)
        flow.handle(.input(.enter))
        flow.handle(.input(.enter))
        flow.handle(.keysPresent([Self.device]))
        var withPIN = Self.freshKey
        withPIN.hasPIN = true
        let effects = flow.handle(.keyOpened(Self.device, withPIN))
        #expect(effects.contains { if case .readPINRetries = $0 { true } else { false } })
        type("000000", into: flow)
        flow.handle(.input(.enter))
        flow.handle(.keyOperationFailed(.pinInvalid(retriesLeft: 5)))
        guard case .pin(let prompt) = flow.step else {
            Issue.record("expected the PIN screen, got \(flow.step)")
            return
        }
        #expect(prompt.problem == .wrongPIN(retriesLeft: 5))
        #expect(prompt.mode == .enterExisting)
    }

    @Test func keyRemovedDuringTouchFailsThenRetriesFromInsertKey() {
        let flow = makeFlow()
        walkToPIN(flow)
        type("482915", into: flow)
        flow.handle(.input(.enter))
        type("482915", into: flow)
        flow.handle(.input(.enter))
        flow.handle(.pinSet)
        flow.handle(.keyOperationFailed(.keyRemoved))
        #expect(flow.step == .failed(.key(.keyRemoved)))
        let effects = flow.handle(.input(.enter))
        #expect(flow.step == .insertKey(problem: nil))
        #expect(effects.contains { if case .watchForKeys = $0 { true } else { false } })
    }

    @Test func failedOutboxWriteKeepsRecordForRetry() throws {
        let flow = makeFlow()
        walkToPIN(flow)
        type("482915", into: flow)
        flow.handle(.input(.enter))
        type("482915", into: flow)
        flow.handle(.input(.enter))
        flow.handle(.pinSet)
        let credential = RegisteredCredential(
            credentialID: [9], publicKeyCOSE: [0xA5], aaguid: Array(repeating: 7, count: 16), signCount: 0,
            attestationFormat: "packed", attestationObject: [0xA3], authenticatorData: [])
        flow.handle(.credentialCreated(credential))
        flow.handle(.assertionVerified(AssertionResult(credentialID: [9], signCount: 1, userVerified: true)))
        flow.handle(.input(.enter))
        flow.handle(.recordFailed(.diskFull))
        #expect(flow.step == .failed(.outboxWriteFailed(detail: .diskFull)))
        let retry = flow.handle(.input(.enter))
        #expect(retry.contains { if case .saveRecord = $0 { true } else { false } })
    }

    @Test func idleTimeoutWipesPersonAndClerk() {
        let flow = makeFlow()
        flow.handle(.tick(now: 0))
        signInAndLookUp(flow)
        #expect(flow.holdsPersonalData)
        flow.handle(.tick(now: 119))
        #expect(flow.step == .confirmPerson(Self.person))
        flow.handle(.tick(now: 121))
        #expect(flow.step == .failed(.idleTimeout))
        #expect(!flow.holdsPersonalData)
        #expect(flow.clerkID == nil)
    }

    @Test func escapeDuringLookupReturnsToWelcome() {
        let flow = makeFlow()
        flow.handle(.input(.enter))
        type("clerk", into: flow)
        flow.handle(.input(.enter))
        type("4711", into: flow)
        flow.handle(.input(.escape))
        #expect(flow.step == .welcome)
        #expect(!flow.holdsPersonalData)
    }
}
