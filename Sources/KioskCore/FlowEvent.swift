/// A key press as the enrollment flow understands it; the terminal layer maps its keys to these.
public enum UserInput: Sendable, Equatable {
    case character(Character)
    case enter
    case escape
    case backspace
    case tab
    case up
    case down
    /// Switches between German and English (F2).
    case toggleLanguage
    /// Switches the lookup between personnel number and name (F3).
    case toggleLookupMode
}

/// Everything that can happen to an enrollment: input from the clerk or employee, results
/// of the work the flow asked for, and the passing of time.
public enum FlowEvent: Sendable {
    case input(UserInput)
    /// Seconds on a monotonic clock; drives the idle timeout.
    case tick(now: Double)
    /// The key watcher's latest view of the plugged-in keys.
    case keysPresent([SecurityKeyDevice])
    case keyOpened(SecurityKeyDevice, SecurityKeyInfo)
    case pinRetries(Int)
    case pinSet
    case credentialCreated(RegisteredCredential)
    case assertionVerified(AssertionResult)
    case keyOperationFailed(SecurityKeyError)
    case recordSaved(enrollmentID: String)
    case recordFailed(OutboxFailure)
}

/// Work the flow asks its host to do. The host runs key operations off the UI thread and
/// feeds the result back as a `FlowEvent`.
public enum FlowEffect: Sendable {
    /// Start (or keep) watching for plugged-in keys and report them with `.keysPresent`.
    case watchForKeys
    case stopWatchingForKeys
    case openKey(SecurityKeyDevice)
    case readPINRetries
    case setPIN(SecretBytes)
    case makeCredential(CredentialRequest, pin: SecretBytes)
    case getAssertion(AssertionRequest, pin: SecretBytes)
    /// Abort whatever the key is doing; the pending call then reports `.cancelled`.
    case cancelKeyOperation
    case closeKey
    case saveRecord(OutboxRecord)
    /// Milestone for the log; carries no personal data.
    case log(LogLevel, String, [String: String])
}

/// A lookup the clerk submitted: always two identifiers, never a browse.
public enum LookupQuery: Sendable, Equatable {
    case personnelNumber(String, birthDate: CivilDate)
    case name(surname: String, givenName: String?, birthDate: CivilDate)
}

/// Result of a lookup as the flow needs it.
public enum LookupOutcome: Sendable, Equatable {
    /// Matching people; empty when nobody matched.
    case found([HRRecord])
    /// Too many failed lookups in a row: the clerk must wait.
    case throttled(waitSeconds: Int)
    /// More than `limit` people match, so none are shown: the clerk narrows the search (given
    /// name, or personnel number instead of name).
    case tooManyMatches(limit: Int)
}

/// What the flow needs from the world, passed in so tests can drive it without files or keys.
public struct EnrollmentEnvironment: Sendable {
    public var config: KioskConfig
    public var search: @Sendable (LookupQuery) -> LookupOutcome
    /// Why a person may not get a new account, or `nil` when they may.
    public var eligibility: @Sendable (HRRecord) -> IneligibleReason?
    public var proposeAccount: @Sendable (HRRecord) -> AccountProposal
    /// Current time as ISO 8601 UTC, for the record's timestamps.
    public var timestamp: @Sendable () -> String
    /// Random bytes for challenges, user handles and enrollment ids.
    public var randomBytes: @Sendable (Int) -> [UInt8]

    public init(
        config: KioskConfig,
        search: @escaping @Sendable (LookupQuery) -> LookupOutcome,
        eligibility: @escaping @Sendable (HRRecord) -> IneligibleReason?,
        proposeAccount: @escaping @Sendable (HRRecord) -> AccountProposal,
        timestamp: @escaping @Sendable () -> String,
        randomBytes: @escaping @Sendable (Int) -> [UInt8]
    ) {
        self.config = config
        self.search = search
        self.eligibility = eligibility
        self.proposeAccount = proposeAccount
        self.timestamp = timestamp
        self.randomBytes = randomBytes
    }
}
