/// The screens of one enrollment, in order. Screens render this state; the flow changes it.
///
/// Each case carries only what its screen shows. Personal data lives in `EnrollmentSession`
/// and is dropped when the flow returns to `.welcome`.
public enum EnrollmentStep: Sendable, Equatable {
    /// Language choice and "press Enter to start".
    case welcome
    /// Clerk enters the clerk id (once per session).
    case clerkSignIn(LineInput)
    /// Lookup by personnel number or by name, each with the birth date.
    case lookup(LookupForm)
    /// Enrollments the central IAM rejected (for example a username taken the same day), shown
    /// to the clerk after sign-in and on F4. `selected` is the highlighted notice.
    case syncConflicts([SyncConflictNotice], selected: Int)
    /// Several people match (homonyms): the clerk picks one.
    case chooseCandidate(candidates: [HRRecord], selected: Int)
    /// Clerk compares the person with the photo ID and confirms.
    case confirmPerson(HRRecord)
    /// The person cannot enroll here, and the screen gives the reason.
    case ineligible(HRRecord, IneligibleReason)
    /// Proposed username and e-mail; the clerk accepts.
    case accountProposal(HRRecord, AccountProposal)
    /// The person already has an account: the clerk chooses an additional or a replacement key.
    case existingAccount(HRRecord, ExistingAccount, selected: KeyChoice)
    /// Before a replacement the screen states that the earlier keys stop working, and the employee confirms.
    case confirmReplacement(HRRecord, ExistingAccount)
    /// Waiting for exactly one key to be plugged in.
    case insertKey(problem: KeyProblem?)
    /// PIN entry. Only the number of typed characters is in the state, never the PIN.
    case pin(PINPrompt)
    /// After three wrong PINs (PIN_AUTH_BLOCKED): unplug the key and plug it in again.
    case replugKey(ReplugStage)
    /// The PIN is blocked. The screen explains that only a reset helps and that it erases the key, then requests consent.
    case resetConsent(ResetConsent)
    /// Guides through the reset: unplug, plug in, touch within seconds.
    case resetKey(ResetProgress)
    /// Waiting for the touch that creates the credential or signs in.
    case touchKey(TouchPurpose)
    /// Everything is ready; the clerk saves the enrollment.
    case summary(EnrollmentSummary)
    /// The record is in the outbox.
    case saved(EnrollmentSummary)
    /// A step failed; the screen explains and offers a way back.
    case failed(FailureReason)

    /// Position in the progress line "step N of M"; 0 for screens outside the count.
    public var stepNumber: Int {
        switch self {
        case .welcome, .clerkSignIn, .syncConflicts: 0
        case .lookup: 1
        case .chooseCandidate, .confirmPerson, .ineligible: 2
        case .accountProposal, .existingAccount, .confirmReplacement: 3
        case .insertKey: 4
        case .pin, .replugKey, .resetConsent, .resetKey: 5
        case .touchKey(.register): 6
        case .touchKey(.testSignIn): 7
        case .summary: 8
        case .saved: 9
        case .failed: 0
        }
    }

    /// Number of counted steps.
    public static let stepCount = 9
}

/// One line of text being typed, with an optional validation problem.
public struct LineInput: Sendable, Equatable {
    public var text: String
    public var problem: InputProblem?

    public init(text: String = "", problem: InputProblem? = nil) {
        self.text = text
        self.problem = problem
    }
}

/// The lookup form: two modes, each needing two identifiers.
public struct LookupForm: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case personnelNumber, name }
    public enum Field: Sendable, Equatable { case personnelNumber, surname, givenName, birthDate }

    public var mode: Mode
    public var personnelNumber: String
    public var surname: String
    public var givenName: String
    public var birthDate: String
    public var focus: Field
    public var problem: InputProblem?

    public init(mode: Mode = .personnelNumber) {
        self.mode = mode
        personnelNumber = ""
        surname = ""
        givenName = ""
        birthDate = ""
        focus = mode == .personnelNumber ? .personnelNumber : .surname
        problem = nil
    }

    /// Fields shown in the current mode, top to bottom.
    public var fields: [Field] {
        mode == .personnelNumber ? [.personnelNumber, .birthDate] : [.surname, .givenName, .birthDate]
    }
}

/// The reason typed input was not accepted.
public enum InputProblem: Sendable, Equatable {
    case empty
    case invalidPersonnelNumber
    case invalidDate
    case notFound
    /// Too many failed lookups: wait this many seconds.
    case tooManyAttempts(waitSeconds: Int)
    /// More than `limit` people match the name and birth date: add the given name or search by
    /// personnel number.
    case tooManyMatches(limit: Int)
}

/// The reason a person cannot get a new account here.
public enum IneligibleReason: Sendable, Equatable {
    case hasAccount(username: String)
    case status(EmploymentStatus)
    /// The person's Beschaeftigtengruppe is not in `account.eligible_groups`; empty when the
    /// export has no group for them.
    case employeeGroup(String)
    case exited(on: CivilDate)
    case notYetStarted(on: CivilDate)
}

/// The account the kiosk proposes.
public struct AccountProposal: Sendable, Equatable {
    public var username: String
    public var email: String
    public var displayName: String

    public init(username: String, email: String, displayName: String) {
        self.username = username
        self.email = email
        self.displayName = displayName
    }
}

/// A problem with the plugged-in keys.
public enum KeyProblem: Sendable, Equatable {
    /// The plugged-in key was rejected (model not approved, store full): another key is needed.
    case otherKeyNeeded
    case multipleKeys(count: Int)
    case removed
    case openFailed
}

/// State of the PIN screen.
public struct PINPrompt: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// The key has no PIN: choose one and type it twice.
        case setNew
        /// The key has a PIN: type it.
        case enterExisting
        /// The key demands a PIN change (forcePINChange): type the current PIN first.
        case enterCurrent
        /// After the current PIN: choose the new PIN and type it twice.
        case changeNew
    }
    public enum Stage: Sendable, Equatable { case first, confirm }

    public var mode: Mode
    public var stage: Stage
    /// Number of characters typed so far; the screen shows this many dots.
    public var typedCount: Int
    public var minLength: Int
    public var retriesLeft: Int?
    public var problem: PINProblem?

    public init(mode: Mode, stage: Stage = .first, typedCount: Int = 0, minLength: Int = 4,
                retriesLeft: Int? = nil, problem: PINProblem? = nil) {
        self.mode = mode
        self.stage = stage
        self.typedCount = typedCount
        self.minLength = minLength
        self.retriesLeft = retriesLeft
        self.problem = problem
    }
}

/// The reason a PIN was not accepted.
public enum PINProblem: Sendable, Equatable {
    case tooShort(minimum: Int)
    /// Over 63 bytes in UTF-8, the CTAP maximum.
    case tooLong
    case mismatch
    case wrongPIN(retriesLeft: Int?)
    case rejectedByKey
    /// Too easy to guess: a common PIN, one repeated character, a simple sequence or the birth date.
    case trivial
    /// The new PIN equals the current one, which a forced change does not accept.
    case sameAsCurrent
}

/// The purpose of a touch: registration or test sign-in.
public enum TouchPurpose: Sendable, Equatable { case register, testSignIn }

/// The content of the summary and saved screens.
public struct EnrollmentSummary: Sendable, Equatable {
    public var displayName: String
    public var username: String
    public var email: String
    public var keyProduct: String
    public var enrollmentID: String
    /// New account, additional key or replacement; the screens name the last two.
    public var kind: EnrollmentKind
    /// `true` after a first Esc on the summary: the screen requests confirmation before discarding the enrollment.
    public var discardRequested = false

    public init(displayName: String, username: String, email: String, keyProduct: String, enrollmentID: String,
                kind: EnrollmentKind = .newAccount) {
        self.displayName = displayName
        self.username = username
        self.email = email
        self.keyProduct = keyProduct
        self.enrollmentID = enrollmentID
        self.kind = kind
    }
}

/// The reason an enrollment stopped.
public enum FailureReason: Sendable, Equatable {
    case key(SecurityKeyError)
    case outboxWriteFailed(detail: OutboxFailure)
    case idleTimeout
}

/// Outbox write failures the screen distinguishes.
public enum OutboxFailure: Sendable, Equatable {
    case diskFull
    case notWritable
    case other
}
