@testable import KioskCore

/// A flow with one person and scripted environment, plus helpers that type and walk it to a
/// step, shared by the flow test suites.
struct FlowHarness {
    static let birth = CivilDate(year: 1984, month: 3, day: 7)!
    static let person = HRRecord(
        personnelNumber: "00471100", surname: "Müller-Lüdenscheidt", givenName: "Jürgen",
        birthDate: birth, department: "Baureferat", orgUnit: "Gartenbau")
    static let device = SecurityKeyDevice(path: "virtual:test", manufacturer: "Test", product: "Virtual Key")
    static let otherDevice = SecurityKeyDevice(path: "virtual:other", manufacturer: "Test", product: "Other Key")
    static let freshKey = SecurityKeyInfo(aaguid: Array(repeating: 7, count: 16), versions: ["FIDO_2_1"],
                                          hasPIN: false, minPINLength: 6)
    static var keyWithPIN: SecurityKeyInfo {
        var info = freshKey
        info.hasPIN = true
        return info
    }
    static let credential = RegisteredCredential(
        credentialID: [1, 2, 3], publicKeyCOSE: [0xA5], aaguid: Array(repeating: 7, count: 16), signCount: 0,
        attestationFormat: "packed", attestationObject: [0xA3], authenticatorData: [])

    let flow: EnrollmentFlow

    /// - Parameters:
    ///   - account: the username eligibility reports as existing, or `nil` for a new account.
    ///   - earlier: the person's records in the outbox.
    ///   - conflicts: the enrollments the IAM rejected, for the clerk's conflict screen.
    init(account: String? = nil, earlier: EarlierEnrollments = EarlierEnrollments(), conflicts: [SyncConflictNotice] = []) {
        var config = KioskConfig()
        config.idleTimeoutSeconds = 120
        config.emailDomain = "stadt.example"
        var environment = EnrollmentEnvironment(
            config: config,
            search: { _ in .found([FlowHarness.person]) },
            eligibility: { _ in account.map { .hasAccount(username: $0) } },
            proposeAccount: { _ in AccountProposal(username: "juergen.mueller-lue", email: "juergen.mueller-lue@stadt.example",
                                                   displayName: "Jürgen Müller-Lüdenscheidt") },
            timestamp: { "2026-12-04T10:00:00Z" },
            randomBytes: { count in Array(repeating: 0xAB, count: count) },
            earlierEnrollments: { _ in earlier })
        environment.syncConflicts = { conflicts }
        flow = EnrollmentFlow(environment: environment)
    }

    @discardableResult
    func type(_ text: String) -> [FlowEffect] {
        text.flatMap { flow.handle(.input(.character($0))) }
    }

    @discardableResult
    func press(_ input: UserInput) -> [FlowEffect] {
        flow.handle(.input(input))
    }

    @discardableResult
    func send(_ event: FlowEvent) -> [FlowEffect] {
        flow.handle(event)
    }

    /// Types `text` and presses Enter, returning the effects of the Enter.
    @discardableResult
    func enter(_ text: String) -> [FlowEffect] {
        type(text)
        return press(.enter)
    }

    /// Signs in, looks the person up and confirms the ID check.
    func confirmPerson() {
        press(.enter)
        enter("hr-clerk-7")
        enter("471100")
        enter("07.03.1984")
        press(.enter)
    }

    /// Walks to the PIN screen of a key described by `info`.
    func walkToPIN(_ info: SecurityKeyInfo = FlowHarness.freshKey) {
        confirmPerson()
        press(.enter)
        send(.keysPresent([Self.device]))
        send(.keyOpened(Self.device, info))
    }

    /// The PIN prompt on screen, or `nil` on any other step.
    var prompt: PINPrompt? {
        if case .pin(let prompt) = flow.step { prompt } else { nil }
    }
}

extension Array where Element == FlowEffect {
    /// Returns whether any effect matches `match`.
    func has(_ match: (FlowEffect) -> Bool) -> Bool { contains(where: match) }

    var makeCredentialRequest: CredentialRequest? {
        compactMap { effect -> CredentialRequest? in
            if case .makeCredential(let request, _) = effect { request } else { nil }
        }.first
    }

    var savedRecord: OutboxRecord? {
        compactMap { effect -> OutboxRecord? in
            if case .saveRecord(let record) = effect { record } else { nil }
        }.first
    }

    var opensKey: Bool { has { if case .openKey = $0 { true } else { false } } }
    var watchesKeys: Bool { has { if case .watchForKeys = $0 { true } else { false } } }
    var closesKey: Bool { has { if case .closeKey = $0 { true } else { false } } }
    var resetsKey: Bool { has { if case .resetKey = $0 { true } else { false } } }
    var readsRetries: Bool { has { if case .readPINRetries = $0 { true } else { false } } }
}
