/// The enrollment as a state machine: an event goes in, the next screen state and a list of
/// effects come out. It has no access to curses, USB or files. The host performs the effects
/// and reports their results back as events.
///
/// Not thread-safe: call `handle` from the UI thread only.
public final class EnrollmentFlow {
    public internal(set) var step: EnrollmentStep = .welcome
    public private(set) var language: Language
    /// Clerk signed in at this terminal, until the next idle timeout.
    public private(set) var clerkID: String?

    let environment: EnrollmentEnvironment
    var session: EnrollmentSession?
    /// The last lookup form, so Escape from the result screens returns to what was typed.
    var lastForm: LookupForm?
    var now: Double = 0
    var lastInputAt: Double = 0
    /// Seconds the saved screen stays before the kiosk returns to the welcome screen.
    static let savedScreenSeconds: Double = 30
    static let maxClerkIDLength = 32

    public init(environment: EnrollmentEnvironment) {
        self.environment = environment
        self.language = environment.config.defaultLanguage
    }

    /// `true` while the flow keeps any personal data of the person being enrolled.
    public var holdsPersonalData: Bool { session != nil || lastForm != nil }

    /// Returns the seconds left before the idle timeout ends the session, during its last 30 seconds.
    /// Returns `nil` earlier and on screens where no idle timeout runs (welcome, a touch in progress).
    /// - Parameter now: seconds on the same monotonic clock as the `.tick` events.
    public func idleSecondsLeft(now: Double) -> Int? {
        switch step {
        case .welcome, .failed(.idleTimeout), .saved, .touchKey, .resetKey(ResetProgress(stage: .touch)):
            return nil
        default:
            let left = Double(environment.config.idleTimeoutSeconds) - (now - lastInputAt)
            guard left <= Self.idleWarningSeconds else { return nil }
            return max(0, Int(left.rounded(.up)))
        }
    }

    /// How long before the idle timeout the screen warns.
    static let idleWarningSeconds: Double = 30

    /// Applies one event and returns the work the host must do next, in order.
    @discardableResult
    public func handle(_ event: FlowEvent) -> [FlowEffect] {
        let before = step
        let person = session?.person
        let clerk = clerkID
        var effects = dispatch(event)
        if let stop = stopAudit(before: before, person: person, clerkID: clerk) { effects.append(.audit(stop)) }
        return effects
    }

    private func dispatch(_ event: FlowEvent) -> [FlowEffect] {
        switch event {
        case .tick(let now):
            return handleTick(now)
        case .input(let input):
            lastInputAt = now
            if input == .toggleLanguage {
                language = language == .german ? .english : .german
                return []
            }
            return handleInput(input)
        default:
            return handleKeyEvent(event)
        }
    }

    // MARK: - Time

    private func handleTick(_ now: Double) -> [FlowEffect] {
        self.now = now
        let idle = now - lastInputAt
        switch step {
        case .welcome, .failed(.idleTimeout):
            return []
        case .saved where idle >= Self.savedScreenSeconds:
            return reset(to: .welcome)
        case .touchKey, .resetKey(ResetProgress(stage: .touch)):
            // The key's own touch timeout ends this wait; cutting it short would orphan a credential
            // or leave a half-done reset.
            return []
        default:
            guard idle >= Double(environment.config.idleTimeoutSeconds) else { return [] }
            clerkID = nil
            var effects = reset(to: .failed(.idleTimeout))
            effects.append(.log(.info, "session ended by idle timeout", [:]))
            return effects
        }
    }

    /// Drops all personal data and secrets, releases the key and shows `next`.
    func reset(to next: EnrollmentStep) -> [FlowEffect] {
        session?.wipeSecrets()
        session = nil
        lastForm = nil
        // The next person starts in the kiosk's language, not in the one the last person chose.
        language = environment.config.defaultLanguage
        step = next
        return [.stopWatchingForKeys, .cancelKeyOperation, .closeKey]
    }

    // MARK: - Input per screen

    private func handleInput(_ input: UserInput) -> [FlowEffect] {
        switch step {
        case .welcome:
            return input == .enter ? start() : []
        case .clerkSignIn(let line):
            return handleClerkInput(line, input)
        case .lookup(let form):
            return handleLookupInput(form, input)
        case .syncConflicts(let notices, let selected):
            return handleConflictInput(notices, selected, input)
        case .chooseCandidate(let candidates, let selected):
            return handleChoiceInput(candidates, selected, input)
        case .confirmPerson(let person):
            return handleConfirmInput(person, input)
        case .ineligible:
            // Back to an empty search, as the screen says: the clerk may look up the next person.
            guard input == .enter || input == .escape else { return [] }
            lastForm = nil
            step = .lookup(LookupForm())
            return []
        case .accountProposal(let person, _):
            return handleProposalInput(person, input)
        case .existingAccount(let person, let account, let selected):
            return handleKeyChoiceInput(person, account, selected, input)
        case .confirmReplacement(let person, let account):
            return handleReplacementInput(person, account, input)
        case .replugKey:
            return input == .escape ? backToProposal() : []
        case .resetConsent(let consent):
            return handleResetConsentInput(consent, input)
        case .resetKey:
            return handleResetInput(input)
        case .insertKey(let problem):
            return handleInsertKeyInput(problem, input)
        case .pin(let prompt):
            return handlePINInput(prompt, input)
        case .touchKey:
            return input == .escape ? [.cancelKeyOperation] : []
        case .summary:
            return handleSummaryInput(input)
        case .saved:
            return input == .enter || input == .escape ? reset(to: .welcome) : []
        case .failed(let reason):
            return handleFailureInput(reason, input)
        }
    }

    func start() -> [FlowEffect] {
        guard clerkID != nil else {
            step = .clerkSignIn(LineInput())
            return []
        }
        session = EnrollmentSession(startedAt: environment.timestamp())
        step = .lookup(LookupForm())
        return [.log(.info, "enrollment started", [:])]
    }

    private func handleClerkInput(_ line: LineInput, _ input: UserInput) -> [FlowEffect] {
        var line = line
        line.problem = nil
        switch input {
        case .character(let character):
            let allowed = character.isLetter || character.isNumber || "._-".contains(character)
            if allowed && line.text.count < Self.maxClerkIDLength { line.text.append(character) }
        case .backspace:
            if !line.text.isEmpty { line.text.removeLast() }
        case .enter:
            guard !line.text.isEmpty else {
                line.problem = .empty
                break
            }
            clerkID = line.text
            return showConflictsOrStart()
        case .escape:
            step = .welcome
            return []
        default:
            break
        }
        step = .clerkSignIn(line)
        return []
    }

    private func handleChoiceInput(_ candidates: [HRRecord], _ selected: Int, _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .up:
            step = .chooseCandidate(candidates: candidates, selected: max(0, selected - 1))
        case .down:
            step = .chooseCandidate(candidates: candidates, selected: min(candidates.count - 1, selected + 1))
        case .enter:
            step = .confirmPerson(candidates[selected])
        case .escape:
            step = .lookup(lastForm ?? LookupForm())
        default:
            break
        }
        return []
    }

    private func handleConfirmInput(_ person: HRRecord, _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .enter:
            let reason = environment.eligibility(person)
            if case .hasAccount(let username)? = reason {
                return offerKeyChoice(person, username: username)
            }
            if let reason {
                step = .ineligible(person, reason)
                return [.log(.info, "person not eligible", ["reason": reasonCode(reason)])]
            }
            let proposal = environment.proposeAccount(person)
            session?.person = person
            session?.proposal = proposal
            step = .accountProposal(person, proposal)
        case .escape:
            step = .lookup(lastForm ?? LookupForm())
        default:
            break
        }
        return []
    }

    private func handleProposalInput(_ person: HRRecord, _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .enter:
            step = .insertKey(problem: nil)
            return [.watchForKeys]
        case .escape:
            step = .confirmPerson(person)
        default:
            break
        }
        return []
    }

    private func reasonCode(_ reason: IneligibleReason) -> String {
        switch reason {
        case .hasAccount: "has-account"
        case .status(let status): "status-\(status.rawValue)"
        case .employeeGroup: "employee-group"
        case .exited: "exited"
        case .notYetStarted: "not-yet-started"
        }
    }
}
