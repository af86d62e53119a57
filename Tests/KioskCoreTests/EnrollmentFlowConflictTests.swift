import Testing
@testable import KioskCore

/// The clerk's list of enrollments the IAM rejected: shown once after sign-in, reopened with F4.
@Suite("EnrollmentFlow sync conflicts")
struct EnrollmentFlowConflictTests {
    static let conflicts = [
        SyncConflictNotice(enrollmentID: "1b4e28ba-2fa1-4d2e-883f-0016d3cca427", enrolledAt: "2026-12-03T09:14:27Z",
                           username: "juergen.mueller-lue", displayName: "Jürgen Müller-Lüdenscheidt", reason: .usernameTaken),
        SyncConflictNotice(enrollmentID: "9c5b94b1-35ad-49bb-b118-8e8fc24abf80", enrolledAt: "2026-12-03T15:40:59Z",
                           username: "guel.oezdemir", displayName: "Gül Özdemir", reason: .rejected(status: 400)),
    ]

    private func signIn(_ harness: FlowHarness) -> [FlowEffect] {
        harness.press(.enter)
        return harness.enter("hr-clerk-7")
    }

    @Test func signInShowsConflictsBeforeTheLookup() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        #expect(harness.flow.step == .welcome)
        let effects = signIn(harness)
        #expect(harness.flow.step == .syncConflicts(Self.conflicts, selected: 0))
        #expect(harness.flow.clerkID == "hr-clerk-7")
        guard case .log(_, let message, let metadata)? = effects.first else {
            Issue.record("no log effect")
            return
        }
        #expect(message == "sync conflicts shown")
        #expect(metadata == ["count": "2"], "the log carries the count, never a name")
    }

    @Test func welcomeScreenNeverShowsConflicts() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        harness.press(.toggleLanguage)
        harness.press(.showSyncConflicts)
        #expect(harness.flow.step == .welcome)
        harness.press(.enter)
        harness.press(.showSyncConflicts)
        #expect(harness.flow.step == .clerkSignIn(LineInput()))
    }

    @Test func arrowsMoveWithinTheList() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        _ = signIn(harness)
        harness.press(.up)
        #expect(harness.flow.step == .syncConflicts(Self.conflicts, selected: 0))
        harness.press(.down)
        harness.press(.down)
        #expect(harness.flow.step == .syncConflicts(Self.conflicts, selected: 1))
        harness.press(.character("x"))
        #expect(harness.flow.step == .syncConflicts(Self.conflicts, selected: 1))
    }

    @Test func enterContinuesToTheLookup() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        _ = signIn(harness)
        let effects = harness.press(.enter)
        #expect(harness.flow.step == .lookup(LookupForm()))
        #expect(effects.contains { if case .log(_, "enrollment started", _) = $0 { true } else { false } })
    }

    @Test func conflictsShowOnlyOncePerSignIn() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        _ = signIn(harness)
        harness.press(.enter)
        harness.press(.escape)
        #expect(harness.flow.step == .welcome)
        harness.press(.enter)
        #expect(harness.flow.step == .lookup(LookupForm()), "the next person starts at the lookup")
    }

    @Test func fourReopensTheListAndEnterReturnsToTheTypedForm() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        _ = signIn(harness)
        harness.press(.enter)
        harness.type("4711")
        guard case .lookup(let typed) = harness.flow.step else {
            Issue.record("not on the lookup")
            return
        }
        harness.press(.showSyncConflicts)
        #expect(harness.flow.step == .syncConflicts(Self.conflicts, selected: 0))
        harness.press(.down)
        harness.press(.enter)
        #expect(harness.flow.step == .lookup(typed))
        #expect(typed.personnelNumber == "4711")
    }

    @Test func withoutConflictsSignInGoesStraightToTheLookup() {
        let harness = FlowHarness()
        _ = signIn(harness)
        #expect(harness.flow.step == .lookup(LookupForm()))
        harness.press(.showSyncConflicts)
        #expect(harness.flow.step == .lookup(LookupForm()), "F4 does nothing without conflicts")
    }

    @Test func idleTimeoutOnTheListEndsTheSession() {
        let harness = FlowHarness(conflicts: Self.conflicts)
        _ = signIn(harness)
        harness.send(.tick(now: 121))
        #expect(harness.flow.step == .failed(.idleTimeout))
        #expect(harness.flow.clerkID == nil)
    }

    @Test func listIsOutsideTheStepCount() {
        #expect(EnrollmentStep.syncConflicts(Self.conflicts, selected: 0).stepNumber == 0)
    }
}
