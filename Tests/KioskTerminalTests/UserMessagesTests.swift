import KioskCore
import Testing
import KioskTerminal

@Suite("UserMessages")
struct UserMessagesTests {
    private static let allKeyErrors: [SecurityKeyError] = [
        .noKeyFound, .multipleKeys(count: 3), .keyRemoved, .pinRequired, .pinInvalid(retriesLeft: 4),
        .pinInvalid(retriesLeft: 1), .pinInvalid(retriesLeft: nil), .pinAuthBlocked, .pinBlocked,
        .pinPolicyViolation, .touchTimeout, .operationDenied, .credentialExcluded, .keyStoreFull,
        .unsupportedKey(reason: "AAGUID not on allow-list"), .cancelled, .assertionInvalid,
        .deviceError(call: "fido_dev_make_cred", code: 0x3B),
    ]

    @Test(arguments: Language.allCases)
    func keyErrorsHaveNoTechnicalText(language: Language) throws {
        var localizer = try Fixtures.localizer()
        localizer.language = language
        for error in Self.allKeyErrors {
            let message = UserMessages.keyFailure(error, localizer)
            for text in [message.explanation, message.nextStep] {
                #expect(!text.hasPrefix("failure."), "\(error) has no text")
                #expect(!text.contains("{"), "\(error): \(text)")
                #expect(!text.contains("fido_"), "\(error): \(text)")
                #expect(!text.contains("0x"), "\(error): \(text)")
                #expect(!text.contains("59"), "\(error): \(text)")
                #expect(!text.contains("AAGUID"), "\(error): \(text)")
            }
        }
    }

    @Test(arguments: Language.allCases)
    func failureTextsFitTwoScreenLines(language: Language) throws {
        var localizer = try Fixtures.localizer()
        localizer.language = language
        let reasons = Self.allKeyErrors.map { FailureReason.key($0) }
            + [.outboxWriteFailed(detail: .diskFull), .outboxWriteFailed(detail: .notWritable),
               .outboxWriteFailed(detail: .other), .idleTimeout]
        for reason in reasons {
            let message = UserMessages.failure(reason, localizer)
            #expect(DisplayWidth.wrapped(message.explanation, toColumns: 76).count <= 2, "\(reason)")
            #expect(DisplayWidth.wrapped(message.nextStep, toColumns: 76).count <= 2, "\(reason)")
        }
    }

    @Test func keyRemovedUsesAgreedWording() throws {
        let message = UserMessages.keyFailure(.keyRemoved, try Fixtures.localizer())
        #expect(message.explanation + " " + message.nextStep ==
            "Der Schlüssel wurde entfernt. Bitte wieder einstecken und Enter drücken.")
    }

    @Test func wrongPINShowsRetriesAndSingular() throws {
        let localizer = try Fixtures.localizer()
        #expect(UserMessages.keyFailure(.pinInvalid(retriesLeft: 4), localizer).explanation == "Die PIN ist falsch. Noch 4 Versuche.")
        #expect(UserMessages.keyFailure(.pinInvalid(retriesLeft: 1), localizer).explanation.contains("Noch 1 Versuch."))
        #expect(UserMessages.keyFailure(.pinInvalid(retriesLeft: nil), localizer).explanation == "Die PIN ist falsch.")
    }

    @Test func pinAuthBlockedAsksToReplug() throws {
        let message = UserMessages.keyFailure(.pinAuthBlocked, try Fixtures.localizer())
        #expect(message.nextStep.contains("ziehen Sie den Schlüssel ab, stecken Sie ihn wieder ein"))
    }

    @Test func pinBlockedWarnsThatResetErasesAndSendsToIT() throws {
        let message = UserMessages.keyFailure(.pinBlocked, try Fixtures.localizer())
        #expect(message.explanation.contains("Zurücksetzen"))
        #expect(message.explanation.contains("löscht alle Anmeldedaten"))
        #expect(message.nextStep == "Bitte wenden Sie sich an die IT.")
    }

    @Test func multipleKeysAsksForOnlyOne() throws {
        let message = UserMessages.keyFailure(.multipleKeys(count: 3), try Fixtures.localizer(.english))
        #expect(message.explanation == "3 keys are plugged in. Only one is allowed.")
    }

    @Test(arguments: [OutboxFailure.diskFull, .notWritable, .other])
    func outboxFailuresSayNotSavedAndCallIT(failure: OutboxFailure) throws {
        let message = UserMessages.failure(.outboxWriteFailed(detail: failure), try Fixtures.localizer())
        #expect(message.explanation.contains("NICHT gespeichert"))
        #expect(message.nextStep == "Rufen Sie bitte die IT. Danach mit Enter erneut speichern.")
    }

    @Test func idleTimeoutSaysDataWasDeleted() throws {
        let message = UserMessages.failure(.idleTimeout, try Fixtures.localizer(.english))
        #expect(message.explanation.contains("All details were deleted."))
    }

    @Test func everyInputAndPINProblemHasText() throws {
        let localizer = try Fixtures.localizer()
        let inputs: [InputProblem] = [.empty, .invalidPersonnelNumber, .invalidDate, .notFound, .tooManyAttempts(waitSeconds: 30),
                                      .tooManyMatches(limit: 5)]
        for problem in inputs {
            #expect(!UserMessages.inputProblem(problem, localizer).hasPrefix("problem."))
        }
        let pins: [PINProblem] = [.tooShort(minimum: 6), .tooLong, .mismatch, .wrongPIN(retriesLeft: 2), .wrongPIN(retriesLeft: nil), .rejectedByKey]
        for problem in pins {
            #expect(!UserMessages.pinProblem(problem, localizer).hasPrefix("pin."))
        }
        #expect(UserMessages.pinProblem(.tooShort(minimum: 6), localizer).contains("mindestens 6 Zeichen"))
        #expect(UserMessages.inputProblem(.tooManyAttempts(waitSeconds: 30), localizer).contains("30 Sekunden"))
        #expect(UserMessages.inputProblem(.tooManyMatches(limit: 5), localizer).contains("Mehr als 5 Personen"))
    }

    @Test func ineligibleReasonsNameThePersonAndDate() throws {
        let localizer = try Fixtures.localizer()
        #expect(UserMessages.ineligible(.exited(on: Fixtures.date("31.12.2025")), name: "Ayşe", localizer)
            == "Ayşe ist am 31.12.2025 ausgeschieden.")
        #expect(UserMessages.ineligible(.hasAccount(username: "ayse.y"), name: "Ayşe", localizer).contains("ayse.y"))
        for status in EmploymentStatus.allCases {
            #expect(!UserMessages.ineligible(.status(status), name: "Ayşe", localizer).hasPrefix("ineligible."))
        }
    }

    @Test(arguments: Language.allCases)
    func resetProblemsAreDistinctAndFilledIn(language: Language) throws {
        var localizer = try Fixtures.localizer()
        localizer.language = language
        let problems: [ResetProblem] = [.tooLate, .notTouched, .removed, .multipleKeys(count: 2), .failed]
        let texts = problems.map { UserMessages.resetProblem($0, localizer) }
        #expect(Set(texts).count == problems.count)
        for text in texts {
            #expect(!text.hasPrefix("resetKey."), "missing text: \(text)")
            #expect(!text.contains("{"), "unfilled placeholder: \(text)")
        }
        #expect(texts[3].contains("2"))
    }

    @Test(arguments: Language.allCases)
    func newPINProblemsHaveText(language: Language) throws {
        var localizer = try Fixtures.localizer()
        localizer.language = language
        for problem in [PINProblem.trivial, .sameAsCurrent] {
            let text = UserMessages.pinProblem(problem, localizer)
            #expect(!text.hasPrefix("pin.problem."), "\(problem) has no text")
        }
    }
}
