// MARK: - States of existing accounts, PIN recovery and key reset

/// An IT account the person already has, from the HR export's account column or from an
/// earlier enrollment in this kiosk's outbox.
public struct ExistingAccount: Sendable, Equatable {
    public var username: String
    public var email: String
    /// Number of this person's credentials in this kiosk's outbox, 0 when there are none.
    public var knownCredentialCount: Int

    public init(username: String, email: String, knownCredentialCount: Int = 0) {
        self.username = username
        self.email = email
        self.knownCredentialCount = knownCredentialCount
    }
}

/// The clerk's choice for a person who already has an account.
public enum KeyChoice: Sendable, Equatable, CaseIterable {
    /// Register one more key; the earlier keys keep working.
    case additional
    /// The person lost a key: register a new one and revoke the earlier ones.
    case replacement
}

/// Progress of unplugging and replugging the key.
public enum ReplugStage: Sendable, Equatable {
    /// Waiting until no key is plugged in.
    case unplug
    /// Waiting until the key is back.
    case plugIn
}

/// The consent screen before a reset: the employee types the word for yes to agree.
public struct ResetConsent: Sendable, Equatable {
    /// The word typed so far (not secret: "JA" or "YES").
    public var typed: String
    /// `true` after Enter with anything but the word for yes.
    public var notConfirmed: Bool

    public init(typed: String = "", notConfirmed: Bool = false) {
        self.typed = typed
        self.notConfirmed = notConfirmed
    }
}

/// Steps of the guided reset: the key accepts a reset only a few seconds after it was plugged in.
public enum ResetStage: Sendable, Equatable {
    case unplug
    case plugIn
    /// The reset was sent; the key waits for a touch.
    case touch
}

/// Reason the last reset attempt failed. The screen then requests a fresh start from unplugging.
public enum ResetProblem: Sendable, Equatable {
    /// The key refused because the reset came too long after plugging in.
    case tooLate
    case notTouched
    case removed
    case multipleKeys(count: Int)
    /// Any other failure; the log has the detail.
    case failed
}

/// State of the reset screen.
public struct ResetProgress: Sendable, Equatable {
    public var stage: ResetStage
    public var problem: ResetProblem?

    public init(stage: ResetStage, problem: ResetProblem? = nil) {
        self.stage = stage
        self.problem = problem
    }
}
