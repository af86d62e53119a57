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
    /// Opens the list of enrollments the IAM rejected (F4), from the lookup screen.
    case showSyncConflicts
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
    /// The new PIN is set, by `setPIN` or by `changePIN`.
    case pinSet
    /// The reset finished; `info` is what the key reports afterwards (normally no PIN).
    case keyReset(SecurityKeyInfo)
    case credentialCreated(RegisteredCredential)
    case assertionVerified(AssertionResult)
    case keyOperationFailed(SecurityKeyError)
    case recordSaved(enrollmentID: String)
    case recordFailed(OutboxFailure)
}

/// Work the flow requests from its host. The host runs key operations off the UI thread and
/// feeds the result back as a `FlowEvent`.
public enum FlowEffect: Sendable {
    /// Start (or keep) watching for plugged-in keys and report them with `.keysPresent`.
    case watchForKeys
    case stopWatchingForKeys
    case openKey(SecurityKeyDevice)
    case readPINRetries
    case setPIN(SecretBytes)
    /// Replace the current PIN; reported with `.pinSet`.
    case changePIN(old: SecretBytes, new: SecretBytes)
    /// Erase the key (CTAP authenticatorReset); only after the employee's consent. Reported with `.keyReset`.
    case resetKey
    case makeCredential(CredentialRequest, pin: SecretBytes)
    case getAssertion(AssertionRequest, pin: SecretBytes)
    /// Abort whatever the key is doing; the pending call then reports `.cancelled`.
    case cancelKeyOperation
    case closeKey
    case saveRecord(OutboxRecord)
    /// An enrollment stopped without a record: the host appends it to the signed audit log.
    case audit(EnrollmentStop)
    /// Milestone for the log; carries no personal data.
    case log(LogLevel, String, [String: String])
}

/// The step and reason at which an enrollment stopped, for the audit log (ids and codes only, never names or PINs).
public struct EnrollmentStop: Sendable, Equatable {
    /// The person's personnel number; `nil` before a person was confirmed.
    public var personnelNumber: String?
    public var clerkID: String?
    /// `EnrollmentStep.auditName` of the screen where it stopped.
    public var step: String
    /// A short code such as "cancelled", "idle-timeout" or "key-keyRemoved".
    public var reason: String

    public init(personnelNumber: String?, clerkID: String?, step: String, reason: String) {
        self.personnelNumber = personnelNumber
        self.clerkID = clerkID
        self.step = step
        self.reason = reason
    }
}

/// A lookup the clerk submitted: always two identifiers, never a browse.
public enum LookupQuery: Sendable, Equatable {
    case personnelNumber(String, birthDate: CivilDate)
    case name(surname: String, givenName: String?, birthDate: CivilDate)
}

/// Result of a lookup as the flow needs it.
public enum LookupOutcome: Sendable, Equatable {
    /// Matching people; empty when no one matched.
    case found([HRRecord])
    /// Too many failed lookups in a row: the clerk must wait.
    case throttled(waitSeconds: Int)
    /// More than `limit` people match, so none are shown: the clerk narrows the search (given
    /// name, or personnel number instead of name).
    case tooManyMatches(limit: Int)
}

/// The flow's dependencies on the world, passed in so tests can drive it without files or keys.
public struct EnrollmentEnvironment: Sendable {
    public var config: KioskConfig
    public var search: @Sendable (LookupQuery) -> LookupOutcome
    /// The reason a person may not get a new account, or `nil` when they may.
    public var eligibility: @Sendable (HRRecord) -> IneligibleReason?
    public var proposeAccount: @Sendable (HRRecord) -> AccountProposal
    /// Current time as ISO 8601 UTC, for the record's timestamps.
    public var timestamp: @Sendable () -> String
    /// Random bytes for challenges, user handles and enrollment ids.
    public var randomBytes: @Sendable (Int) -> [UInt8]
    /// Returns the person's earlier enrollments in this kiosk's outbox, by personnel number.
    public var earlierEnrollments: @Sendable (String) -> EarlierEnrollments
    /// Returns this kiosk's enrollments in sync state `conflict`, oldest first, or an empty list.
    public var syncConflicts: @Sendable () -> [SyncConflictNotice] = { [] }

    public init(
        config: KioskConfig,
        search: @escaping @Sendable (LookupQuery) -> LookupOutcome,
        eligibility: @escaping @Sendable (HRRecord) -> IneligibleReason?,
        proposeAccount: @escaping @Sendable (HRRecord) -> AccountProposal,
        timestamp: @escaping @Sendable () -> String,
        randomBytes: @escaping @Sendable (Int) -> [UInt8],
        earlierEnrollments: @escaping @Sendable (String) -> EarlierEnrollments = { _ in EarlierEnrollments() }
    ) {
        self.config = config
        self.search = search
        self.eligibility = eligibility
        self.proposeAccount = proposeAccount
        self.timestamp = timestamp
        self.randomBytes = randomBytes
        self.earlierEnrollments = earlierEnrollments
    }
}

/// A person's enrollments in this kiosk's outbox, as an additional or replacement key needs them.
public struct EarlierEnrollments: Sendable, Equatable {
    /// Username and e-mail of the latest record; `nil` when the outbox contains no record of the person.
    public var username: String?
    public var email: String?
    /// User handle of the latest record, reused so that all keys of a person share one handle.
    public var userHandle: [UInt8]?
    /// Credential ids of every record, oldest first, never twice.
    public var credentialIDs: [[UInt8]]
    /// `true` when one of the records created the account (kind new-account), so that the
    /// credential list covers every key the person got since, as far as this kiosk can tell.
    public var includesNewAccount: Bool

    public init(username: String? = nil, email: String? = nil, userHandle: [UInt8]? = nil,
                credentialIDs: [[UInt8]] = [], includesNewAccount: Bool = false) {
        self.username = username
        self.email = email
        self.userHandle = userHandle
        self.credentialIDs = credentialIDs
        self.includesNewAccount = includesNewAccount
    }
}
