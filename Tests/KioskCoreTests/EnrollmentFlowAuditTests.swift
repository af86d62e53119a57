import Testing
@testable import KioskCore

/// Checks the audit effects of enrollments that stop without a record: where, why and whom, as ids.
@Suite struct EnrollmentFlowAuditTests {
    private func stops(_ effects: [FlowEffect]) -> [EnrollmentStop] {
        effects.compactMap { effect in if case .audit(let stop) = effect { stop } else { nil } }
    }

    /// Walks a fresh key through PIN, registration and test sign-in to the summary screen.
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

    @Test func keyPulledDuringTouchIsAudited() {
        let harness = FlowHarness()
        harness.walkToPIN()
        harness.enter("482915")
        harness.enter("482915")
        harness.send(.pinSet)
        let effects = harness.send(.keyOperationFailed(.keyRemoved))
        #expect(stops(effects) == [EnrollmentStop(personnelNumber: "00471100", clerkID: "hr-clerk-7",
                                                   step: "touch-register", reason: "key-keyRemoved")])
    }

    @Test func escapeAtSummaryIsAuditedAsCancelled() {
        let harness = walkToSummary()
        #expect(stops(harness.press(.escape)).isEmpty, "the first Esc only asks")
        let effects = harness.press(.escape)
        #expect(stops(effects) == [EnrollmentStop(personnelNumber: "00471100", clerkID: "hr-clerk-7",
                                                   step: "summary", reason: "cancelled")])
    }

    @Test func idleTimeoutIsAuditedWithClerk() {
        let harness = FlowHarness()
        harness.send(.tick(now: 0))
        harness.confirmPerson()
        let effects = harness.send(.tick(now: 500))
        #expect(stops(effects) == [EnrollmentStop(personnelNumber: "00471100", clerkID: "hr-clerk-7",
                                                   step: "account-proposal", reason: "idle-timeout")])
    }

    @Test func savedEnrollmentIsNotAuditedAsStop() {
        let harness = walkToSummary()
        var effects = harness.press(.enter)
        if case .summary(let summary) = harness.flow.step {
            effects += harness.send(.recordSaved(enrollmentID: summary.enrollmentID))
        }
        effects += harness.press(.enter)
        #expect(harness.flow.step == .welcome)
        #expect(stops(effects).isEmpty)
    }

    @Test func lookupWithoutPersonIsNotAudited() {
        let harness = FlowHarness()
        harness.press(.enter)
        harness.enter("hr-clerk-7")
        let effects = harness.press(.escape)
        #expect(stops(effects).isEmpty)
    }
}
