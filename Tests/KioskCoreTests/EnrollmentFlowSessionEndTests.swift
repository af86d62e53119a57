import Testing
@testable import KioskCore

/// Checks how a session ends: the saved screen, the language of the next person, and the
/// confirmation before a finished registration is discarded.
@Suite struct EnrollmentFlowSessionEndTests {
    private func walkToSummary() -> FlowHarness {
        let harness = FlowHarness()
        harness.walkToPIN()
        harness.enter("482915")
        harness.enter("482915")
        harness.send(.pinSet)
        harness.send(.credentialCreated(FlowHarness.credential))
        harness.send(.assertionVerified(AssertionResult(credentialID: [1, 2, 3], signCount: 1, userVerified: true)))
        return harness
    }

    private func walkToSaved() -> FlowHarness {
        let harness = walkToSummary()
        harness.press(.enter)
        if case .summary(let summary) = harness.flow.step {
            harness.send(.recordSaved(enrollmentID: summary.enrollmentID))
        }
        return harness
    }

    @Test func pullingKeyOnSavedScreenEndsSession() {
        let harness = walkToSaved()
        guard case .saved = harness.flow.step else {
            Issue.record("expected the saved screen, got \(harness.flow.step)")
            return
        }
        harness.send(.keysPresent([FlowHarness.device]))
        #expect(harness.flow.holdsPersonalData)
        harness.send(.keysPresent([]))
        #expect(harness.flow.step == .welcome)
        #expect(!harness.flow.holdsPersonalData)
    }

    @Test func keyAlreadyPulledKeepsSavedScreen() {
        let harness = walkToSaved()
        harness.send(.keysPresent([]))
        guard case .saved = harness.flow.step else {
            Issue.record("a key pulled before saving must not skip the saved screen, got \(harness.flow.step)")
            return
        }
    }

    @Test func nextPersonStartsInKioskLanguage() {
        let harness = FlowHarness()
        harness.press(.toggleLanguage)
        #expect(harness.flow.language == .english)
        harness.confirmPerson()
        harness.press(.escape)
        harness.press(.escape)
        harness.press(.escape)
        #expect(harness.flow.step == .welcome)
        #expect(harness.flow.language == .german)
    }

    @Test func firstEscapeAtSummaryOnlyAsks() {
        let fresh = walkToSummary()
        fresh.press(.escape)
        guard case .summary(let summary) = fresh.flow.step else {
            Issue.record("expected the summary, got \(fresh.flow.step)")
            return
        }
        #expect(summary.discardRequested)
        let effects = fresh.press(.enter)
        #expect(effects.savedRecord != nil, "Enter still saves after the question")
    }

    @Test func keyDetailsPreferModelNameFromCatalog() {
        let harness = FlowHarness()
        #expect(harness.flow.keyDetails == nil)
        var info = FlowHarness.freshKey
        info.modelName = "YubiKey 5 Series with NFC"
        info.firmwareVersion = "5.4.3"
        info.remainingDiscoverableCredentials = 24
        harness.walkToPIN(info)
        #expect(harness.flow.keyDetails == KeyDetails(model: "YubiKey 5 Series with NFC", firmware: "5.4.3", remainingSlots: 24))
    }
}
