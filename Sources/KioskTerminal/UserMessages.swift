import KioskCore

/// A message for the person at the kiosk: what happened, then what to do next.
public struct UserMessage: Sendable, Equatable {
    /// Account of what happened, in one or two short sentences.
    public var explanation: String
    /// The next step, in one sentence.
    public var nextStep: String

    public init(explanation: String, nextStep: String) {
        self.explanation = explanation
        self.nextStep = nextStep
    }
}

/// Turns problems and failures into screen text, so each wording lives in one place.
///
/// No text contains technical details such as FIDO_ERR codes or libfido2 call names, because
/// the person at the kiosk cannot act on them. Those belong in the log.
public enum UserMessages {
    /// Returns the message for a failed enrollment step.
    public static func failure(_ reason: FailureReason, _ localizer: Localizer) -> UserMessage {
        switch reason {
        case .key(let error): keyFailure(error, localizer)
        case .outboxWriteFailed(.diskFull): pair("failure.diskFull", localizer)
        case .outboxWriteFailed(.notWritable): pair("failure.notWritable", localizer)
        case .outboxWriteFailed(.other): pair("failure.outboxOther", localizer)
        case .idleTimeout: pair("failure.idle", localizer)
        }
    }

    /// Returns the message for a security key error.
    public static func keyFailure(_ error: SecurityKeyError, _ localizer: Localizer) -> UserMessage {
        switch error {
        case .noKeyFound: pair("failure.noKeyFound", localizer)
        case .multipleKeys(let count): pair("failure.multipleKeys", localizer, String(count))
        case .keyRemoved: pair("failure.keyRemoved", localizer)
        case .pinRequired: pair("failure.pinRequired", localizer)
        case .pinInvalid(let retries?) where retries == 1: pair("failure.pinInvalid.one", localizer)
        case .pinInvalid(let retries?): pair("failure.pinInvalid.count", localizer, String(retries))
        case .pinInvalid(nil): pair("failure.pinInvalid", localizer)
        case .pinAuthBlocked: pair("failure.pinAuthBlocked", localizer)
        case .pinBlocked: pair("failure.pinBlocked", localizer)
        case .pinPolicyViolation: pair("failure.pinPolicy", localizer)
        case .touchTimeout: pair("failure.touchTimeout", localizer)
        case .operationDenied: pair("failure.denied", localizer)
        case .credentialExcluded: pair("failure.excluded", localizer)
        case .keyStoreFull: pair("failure.keyStoreFull", localizer)
        case .unsupportedKey: pair("failure.unsupportedKey", localizer)
        case .keyNotApproved: pair("failure.keyNotApproved", localizer)
        case .cancelled: pair("failure.cancelled", localizer)
        case .assertionInvalid: pair("failure.assertionInvalid", localizer)
        case .deviceError: pair("failure.deviceError", localizer)
        }
    }

    /// Returns the message for a problem with the plugged-in keys, for the insert-key screen.
    public static func keyProblem(_ problem: KeyProblem, _ localizer: Localizer) -> UserMessage {
        switch problem {
        case .multipleKeys(let count): pair("insert.problem.multipleKeys", localizer, String(count))
        case .removed: pair("insert.problem.removed", localizer)
        case .openFailed: pair("failure.openFailed", localizer)
        case .otherKeyNeeded: pair("insert.problem.otherKey", localizer)
        }
    }

    /// Returns the message for a rejected PIN entry.
    public static func pinProblem(_ problem: PINProblem, _ localizer: Localizer) -> String {
        switch problem {
        case .tooShort(let minimum): localizer.text("pin.problem.tooShort", String(minimum))
        case .tooLong: localizer.text("pin.problem.tooLong")
        case .mismatch: localizer.text("pin.problem.mismatch")
        case .wrongPIN(let retries?) where retries == 1: localizer.text("pin.problem.wrong.one")
        case .wrongPIN(let retries?): localizer.text("pin.problem.wrong.count", String(retries))
        case .wrongPIN(nil): localizer.text("pin.problem.wrong")
        case .rejectedByKey: localizer.text("pin.problem.rejected")
        case .trivial: localizer.text("pin.problem.trivial")
        case .sameAsCurrent: localizer.text("pin.problem.sameAsCurrent")
        }
    }

    /// Returns the message for a reset attempt that did not work.
    public static func resetProblem(_ problem: ResetProblem, _ localizer: Localizer) -> String {
        switch problem {
        case .tooLate: localizer.text("resetKey.problem.tooLate")
        case .notTouched: localizer.text("resetKey.problem.notTouched")
        case .removed: localizer.text("resetKey.problem.removed")
        case .multipleKeys(let count): localizer.text("resetKey.problem.multipleKeys", String(count))
        case .failed: localizer.text("resetKey.problem.failed")
        }
    }

    /// Returns the message for rejected input on the sign-in and lookup screens.
    public static func inputProblem(_ problem: InputProblem, _ localizer: Localizer) -> String {
        switch problem {
        case .empty: localizer.text("problem.empty")
        case .invalidPersonnelNumber: localizer.text("problem.invalidPersonnelNumber")
        case .invalidDate: localizer.text("problem.invalidDate")
        case .notFound: localizer.text("problem.notFound")
        case .tooManyAttempts(let seconds): localizer.text("problem.tooManyAttempts", String(seconds))
        case .tooManyMatches(let limit): localizer.text("problem.tooManyMatches", String(limit))
        }
    }

    /// Returns the reason a person cannot get a new account, naming the person.
    public static func ineligible(_ reason: IneligibleReason, name: String, _ localizer: Localizer) -> String {
        switch reason {
        case .hasAccount(let username): localizer.text("ineligible.hasAccount", name, username)
        case .status(let status): localizer.text("ineligible.status." + statusKey(status), name)
        case .employeeGroup(let group): localizer.text("ineligible.employeeGroup", name, group)
        case .exited(let date): localizer.text("ineligible.exited", name, date.german)
        case .notYetStarted(let date): localizer.text("ineligible.notYetStarted", name, date.german)
        }
    }

    private static func statusKey(_ status: EmploymentStatus) -> String {
        switch status {
        case .active: "active"
        case .onLeave: "onLeave"
        case .left: "left"
        case .pensioner: "pensioner"
        }
    }

    private static func pair(_ key: String, _ localizer: Localizer, _ arguments: String...) -> UserMessage {
        UserMessage(explanation: localizer.text(key + ".what", arguments: arguments),
                    nextStep: localizer.text(key + ".next", arguments: arguments))
    }
}
