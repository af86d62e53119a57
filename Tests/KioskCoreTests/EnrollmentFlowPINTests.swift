import Testing
@testable import KioskCore

/// PIN states a key can arrive in: retries shown, PIN_AUTH_BLOCKED, PIN_BLOCKED with the
/// consented reset, forcePINChange, trivial PINs and a key pulled while typing.
@Suite struct EnrollmentFlowPINTests {
    @Test func existingPINShowsRetriesBeforeFirstTry() {
        let harness = FlowHarness()
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        let effects = harness.send(.keyOpened(FlowHarness.device, FlowHarness.keyWithPIN))
        #expect(effects.readsRetries)
        harness.send(.pinRetries(5))
        #expect(harness.prompt == PINPrompt(mode: .enterExisting, minLength: 6, retriesLeft: 5))
    }

    @Test func zeroRetriesOnOpenOffersReset() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        let effects = harness.send(.pinRetries(0))
        #expect(harness.flow.step == .resetConsent(ResetConsent()))
        #expect(effects.closesKey)
    }

    @Test func wrongPINWithUnknownRetriesRereadsThem() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        let effects = harness.send(.keyOperationFailed(.pinInvalid(retriesLeft: nil)))
        #expect(harness.prompt?.problem == .wrongPIN(retriesLeft: nil))
        #expect(effects.readsRetries)
    }

    @Test func pinAuthBlockedAsksToUnplugAndReplug() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        let blocked = harness.send(.keyOperationFailed(.pinAuthBlocked))
        #expect(harness.flow.step == .replugKey(.unplug))
        #expect(blocked.closesKey)
        #expect(blocked.watchesKeys)

        harness.send(.keysPresent([FlowHarness.device]))
        #expect(harness.flow.step == .replugKey(.unplug), "the key is still in")
        harness.send(.keysPresent([]))
        #expect(harness.flow.step == .replugKey(.plugIn))
        let back = harness.send(.keysPresent([FlowHarness.device]))
        #expect(back.opensKey)
        let opened = harness.send(.keyOpened(FlowHarness.device, FlowHarness.keyWithPIN))
        #expect(opened.readsRetries)
        #expect(harness.prompt?.mode == .enterExisting)
    }

    @Test func escapeWhileReplugReturnsToProposal() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        harness.send(.keyOperationFailed(.pinAuthBlocked))
        harness.press(.escape)
        guard case .accountProposal = harness.flow.step else {
            Issue.record("expected the account proposal, got \(harness.flow.step)")
            return
        }
    }

    @Test func pinBlockedNeedsTypedConsent() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        harness.send(.keyOperationFailed(.pinBlocked))
        #expect(harness.flow.step == .resetConsent(ResetConsent()))

        let refused = harness.enter("ok")
        #expect(harness.flow.step == .resetConsent(ResetConsent(notConfirmed: true)))
        #expect(!refused.watchesKeys)
        #expect(harness.press(.enter).isEmpty, "Enter alone must not reset")

        let agreed = harness.enter("ja")
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .unplug)))
        #expect(agreed.watchesKeys)
        #expect(!agreed.resetsKey, "the reset waits for the replug")
    }

    @Test func englishYesAlsoConsents() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.send(.pinRetries(0))
        harness.enter("Yes")
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .unplug)))
    }

    @Test func escapeFromConsentKeepsKeyUntouched() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.send(.pinRetries(0))
        harness.type("JA")
        let effects = harness.press(.escape)
        #expect(!effects.resetsKey)
        guard case .accountProposal = harness.flow.step else {
            Issue.record("expected the account proposal, got \(harness.flow.step)")
            return
        }
    }

    /// Walks from a blocked PIN through consent, unplug and plug-in to the reset request.
    private func walkToResetTouch(_ harness: FlowHarness) -> [FlowEffect] {
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.send(.pinRetries(0))
        harness.enter("JA")
        harness.send(.keysPresent([]))
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .plugIn)))
        let plugged = harness.send(.keysPresent([FlowHarness.device]))
        #expect(plugged.opensKey)
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .touch)))
        let opened = harness.send(.keyOpened(FlowHarness.device, FlowHarness.keyWithPIN))
        #expect(opened.readsRetries, "the kiosk checks that this key is the blocked one")
        #expect(!opened.resetsKey)
        return harness.send(.pinRetries(0))
    }

    @Test func replugOfUnblockedKeySkipsReset() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.send(.pinRetries(0))
        harness.enter("JA")
        harness.send(.keysPresent([]))
        harness.send(.keysPresent([FlowHarness.otherDevice]))
        harness.send(.keyOpened(FlowHarness.otherDevice, FlowHarness.keyWithPIN))
        let effects = harness.send(.pinRetries(8))
        #expect(!effects.resetsKey, "a key whose PIN still works must not be erased")
        #expect(harness.prompt == PINPrompt(mode: .enterExisting, minLength: 6, retriesLeft: 8))
    }

    @Test func replugOfKeyWithoutPINSkipsReset() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.send(.pinRetries(0))
        harness.enter("JA")
        harness.send(.keysPresent([]))
        harness.send(.keysPresent([FlowHarness.device]))
        let effects = harness.send(.keyOpened(FlowHarness.device, FlowHarness.freshKey))
        #expect(!effects.resetsKey)
        #expect(harness.prompt == PINPrompt(mode: .setNew, minLength: 6))
    }

    @Test func resetAfterReplugLeadsToNewPIN() {
        let harness = FlowHarness()
        #expect(walkToResetTouch(harness).resetsKey)
        harness.send(.keyReset(FlowHarness.freshKey))
        #expect(harness.prompt == PINPrompt(mode: .setNew, minLength: 6))
        harness.enter("482915")
        #expect(harness.enter("482915").has { if case .setPIN = $0 { true } else { false } })
    }

    @Test func resetOutcomeWithPINStillSetStartsOver() {
        let harness = FlowHarness()
        _ = walkToResetTouch(harness)
        harness.send(.keyReset(FlowHarness.keyWithPIN))
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .unplug, problem: .failed)))
    }

    @Test(arguments: [
        (SecurityKeyError.operationDenied, ResetProblem.tooLate),
        (.touchTimeout, .notTouched),
        (.keyRemoved, .removed),
        (.deviceError(call: "fido_dev_reset", code: -1), .failed),
    ])
    func resetFailureStartsOverFromUnplug(error: SecurityKeyError, problem: ResetProblem) {
        let harness = FlowHarness()
        _ = walkToResetTouch(harness)
        let effects = harness.send(.keyOperationFailed(error))
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .unplug, problem: problem)))
        #expect(effects.closesKey)
        #expect(effects.watchesKeys)
    }

    @Test func cancelledResetReturnsToProposal() {
        let harness = FlowHarness()
        _ = walkToResetTouch(harness)
        #expect(harness.press(.escape).has { if case .cancelKeyOperation = $0 { true } else { false } })
        #expect(harness.send(.keyReset(FlowHarness.freshKey)).isEmpty, "a late result must be ignored")
        guard case .accountProposal = harness.flow.step else {
            Issue.record("expected the account proposal, got \(harness.flow.step)")
            return
        }
    }

    @Test func twoKeysDuringResetPlugInWaitForOne() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.send(.pinRetries(0))
        harness.enter("JA")
        harness.send(.keysPresent([]))
        let effects = harness.send(.keysPresent([FlowHarness.device, FlowHarness.otherDevice]))
        #expect(!effects.opensKey)
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .plugIn, problem: .multipleKeys(count: 2))))
    }

    @Test func resetTouchIsNotCutByIdleTimeout() {
        let harness = FlowHarness()
        harness.send(.tick(now: 0))
        _ = walkToResetTouch(harness)
        harness.send(.tick(now: 500))
        #expect(harness.flow.step == .resetKey(ResetProgress(stage: .touch)))
        #expect(harness.flow.idleSecondsLeft(now: 500) == nil)
    }

    @Test func forcedPINChangeAsksCurrentThenNewPIN() throws {
        let harness = FlowHarness()
        var info = FlowHarness.keyWithPIN
        info.forcePINChange = true
        harness.walkToPIN(info)
        #expect(harness.prompt?.mode == .enterCurrent)
        harness.enter("482915")
        #expect(harness.prompt == PINPrompt(mode: .changeNew, minLength: 6))
        harness.enter("482915")
        #expect(harness.prompt?.problem == .sameAsCurrent)
        harness.enter("739164")
        let effects = harness.enter("739164")
        #expect(effects.has { if case .changePIN = $0 { true } else { false } })
        #expect(harness.flow.step == .touchKey(.register))
        #expect(harness.send(.pinSet).makeCredentialRequest != nil)
    }

    @Test func forcedChangeWithWrongCurrentPINAsksAgain() {
        let harness = FlowHarness()
        var info = FlowHarness.keyWithPIN
        info.forcePINChange = true
        harness.walkToPIN(info)
        harness.enter("482915")
        harness.enter("739164")
        harness.enter("739164")
        harness.send(.keyOperationFailed(.pinInvalid(retriesLeft: 6)))
        #expect(harness.prompt == PINPrompt(mode: .enterCurrent, minLength: 6, retriesLeft: 6,
                                            problem: .wrongPIN(retriesLeft: 6)))
    }

    @Test(arguments: ["123456", "000000", "654321", "07031984", "070384", "19840307", "07.03.1984", "PASSWORT"])
    func trivialNewPINIsRejected(pin: String) {
        let harness = FlowHarness()
        harness.walkToPIN()
        harness.enter(pin)
        #expect(harness.prompt?.problem == .trivial, "\(pin)")
        #expect(harness.prompt?.stage == .first)
    }

    @Test func trivialExistingPINIsAccepted() {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        let effects = harness.enter("123456")
        #expect(effects.makeCredentialRequest != nil, "an existing PIN is the key's business, not ours")
    }

    @Test func keyRemovedDuringPINEntryWipesAndWaits() {
        let harness = FlowHarness()
        harness.walkToPIN()
        harness.type("4829")
        let removed = harness.send(.keysPresent([]))
        #expect(harness.flow.step == .insertKey(problem: .removed))
        #expect(removed.closesKey)
        let back = harness.send(.keysPresent([FlowHarness.device]))
        #expect(back.opensKey)
        harness.send(.keyOpened(FlowHarness.device, FlowHarness.freshKey))
        #expect(harness.prompt?.typedCount == 0, "typed PIN characters must not survive the removal")
    }

    @Test func secondKeyDuringPINEntryIsIgnored() {
        let harness = FlowHarness()
        harness.walkToPIN()
        harness.send(.keysPresent([FlowHarness.device, FlowHarness.otherDevice]))
        #expect(harness.prompt?.mode == .setNew)
    }

    @Test(arguments: [SecurityKeyError.touchTimeout, .credentialExcluded, .operationDenied])
    func touchFailureShowsReasonThenRetries(error: SecurityKeyError) {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        harness.send(.keyOperationFailed(error))
        #expect(harness.flow.step == .failed(.key(error)))
        let effects = harness.press(.enter)
        #expect(harness.flow.step == .insertKey(problem: nil))
        #expect(effects.watchesKeys)
    }

    @Test(arguments: [SecurityKeyError.keyNotApproved(reason: "AAGUID not allowed"), .keyStoreFull])
    func rejectedKeyMustBeSwappedForAnother(error: SecurityKeyError) {
        let harness = FlowHarness()
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        harness.send(.keyOperationFailed(error))
        harness.press(.enter)
        #expect(harness.flow.step == .insertKey(problem: .otherKeyNeeded))
        let stillPlugged = harness.send(.keysPresent([FlowHarness.device]))
        #expect(!stillPlugged.has { if case .openKey = $0 { true } else { false } }, "the rejected key is not opened again")
        harness.send(.keysPresent([]))
        #expect(harness.flow.step == .insertKey(problem: nil))
        let other = harness.send(.keysPresent([FlowHarness.otherDevice]))
        #expect(other.has { if case .openKey(FlowHarness.otherDevice) = $0 { true } else { false } })
    }

    @Test func keyThatFailedToOpenIsRetriedOnlyAfterUnplug() {
        let harness = FlowHarness()
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOperationFailed(.deviceError(call: "fido_dev_open", code: -7)))
        #expect(harness.flow.step == .insertKey(problem: .openFailed))
        #expect(!harness.send(.keysPresent([FlowHarness.device])).opensKey)
        harness.send(.keysPresent([]))
        #expect(harness.send(.keysPresent([FlowHarness.device])).opensKey)
    }

    @Test func busyKeyAfterTimeoutAsksToReplug() {
        let harness = FlowHarness()
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOperationFailed(.keyRemoved))
        #expect(harness.flow.step == .insertKey(problem: .removed))
        let effects = harness.send(.keysPresent([FlowHarness.device]))
        #expect(!effects.opensKey, "a key that still blinks fails every open")
        #expect(harness.flow.step == .insertKey(problem: .openFailed))
        harness.send(.keysPresent([]))
        #expect(harness.flow.step == .insertKey(problem: nil))
        #expect(harness.send(.keysPresent([FlowHarness.device])).opensKey)
    }

    @Test func enterOnOpenProblemTriesTheKeyAgain() {
        let harness = FlowHarness()
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOperationFailed(.deviceError(call: "fido_dev_open", code: -7)))
        #expect(harness.press(.enter).watchesKeys)
        #expect(harness.flow.step == .insertKey(problem: nil))
        #expect(harness.send(.keysPresent([FlowHarness.device])).opensKey)
    }

    @Test func keyRemovedBeforeOpenWaitsForIt() {
        let harness = FlowHarness()
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOperationFailed(.keyRemoved))
        harness.send(.keysPresent([]))
        #expect(harness.flow.step == .insertKey(problem: .removed))
        #expect(harness.send(.keysPresent([FlowHarness.device])).opensKey)
    }

    @Test func idleWarningCountsDownInLastThirtySeconds() {
        let harness = FlowHarness()
        harness.send(.tick(now: 0))
        harness.confirmPerson()
        #expect(harness.flow.idleSecondsLeft(now: 80) == nil)
        #expect(harness.flow.idleSecondsLeft(now: 90) == 30)
        #expect(harness.flow.idleSecondsLeft(now: 110.5) == 10)
        harness.send(.tick(now: 100))
        harness.press(.escape)
        #expect(harness.flow.idleSecondsLeft(now: 110) == nil, "input restarts the countdown")
    }

    @Test func idleWarningIsHiddenOnWelcomeAndDuringTouch() {
        let harness = FlowHarness()
        #expect(harness.flow.idleSecondsLeft(now: 1000) == nil)
        harness.walkToPIN(FlowHarness.keyWithPIN)
        harness.enter("482915")
        #expect(harness.flow.step == .touchKey(.register))
        #expect(harness.flow.idleSecondsLeft(now: 1000) == nil)
    }
}
