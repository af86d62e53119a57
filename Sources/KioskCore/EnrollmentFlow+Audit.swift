// MARK: - Audit of enrollments that stop without a record

extension EnrollmentFlow {
    /// Returns the audit entry for an enrollment that just failed or was dropped, or `nil`.
    ///
    /// A step that turns into `.failed` records where and why. A session with a person that is
    /// wiped without reaching `.saved` records a cancellation at the step it was on.
    func stopAudit(before: EnrollmentStep, person: HRRecord?, clerkID: String?) -> EnrollmentStop? {
        if case .failed(let reason) = step, before != step {
            return EnrollmentStop(personnelNumber: person?.personnelNumber, clerkID: clerkID,
                                  step: before.auditName, reason: Self.auditReason(reason))
        }
        guard let person, session?.person == nil else { return nil }
        if case .saved = before { return nil }
        return EnrollmentStop(personnelNumber: person.personnelNumber, clerkID: clerkID,
                              step: before.auditName, reason: "cancelled")
    }

    /// Returns a short code for the audit log: the key error's case name, never personal data.
    static func auditReason(_ reason: FailureReason) -> String {
        switch reason {
        case .idleTimeout: "idle-timeout"
        case .outboxWriteFailed(let detail): "outbox-\(detail)"
        case .key(let error): "key-" + (String(describing: error).split(separator: "(").first.map(String.init) ?? "error")
        }
    }
}

extension EnrollmentStep {
    /// A stable name of the screen for audit entries; carries no personal data.
    public var auditName: String {
        switch self {
        case .welcome: "welcome"
        case .clerkSignIn: "clerk-sign-in"
        case .syncConflicts: "sync-conflicts"
        case .lookup: "lookup"
        case .chooseCandidate: "choose-candidate"
        case .confirmPerson: "confirm-person"
        case .ineligible: "ineligible"
        case .accountProposal: "account-proposal"
        case .existingAccount: "existing-account"
        case .confirmReplacement: "confirm-replacement"
        case .insertKey: "insert-key"
        case .pin: "pin"
        case .replugKey: "replug-key"
        case .resetConsent: "reset-consent"
        case .resetKey: "reset-key"
        case .touchKey(.register): "touch-register"
        case .touchKey(.testSignIn): "touch-test-sign-in"
        case .summary: "summary"
        case .saved: "saved"
        case .failed: "failed"
        }
    }
}
