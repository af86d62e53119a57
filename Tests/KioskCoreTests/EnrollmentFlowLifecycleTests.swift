import Testing
@testable import KioskCore

/// People who already have an account: additional and replacement keys, the record they
/// produce, the user handle and the exclude list.
@Suite struct EnrollmentFlowLifecycleTests {
    private static let earlierID: [UInt8] = [0xC1, 0xC2, 0xC3]
    private static let earlierHandle: [UInt8] = Array(repeating: 0x5A, count: 32)
    private static let earlierHere = EarlierEnrollments(
        username: "j.mueller", email: "juergen.mueller@stadt.example", userHandle: earlierHandle,
        credentialIDs: [earlierID], includesNewAccount: true)

    /// Runs the key part from the insert-key screen to the saved record.
    private func enrollKey(_ harness: FlowHarness) throws -> (CredentialRequest, OutboxRecord) {
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOpened(FlowHarness.device, FlowHarness.keyWithPIN))
        let request = try #require(harness.enter("482915").makeCredentialRequest)
        harness.send(.credentialCreated(FlowHarness.credential))
        harness.send(.assertionVerified(AssertionResult(credentialID: [1, 2, 3], signCount: 1, userVerified: true)))
        let record = try #require(harness.press(.enter).savedRecord)
        return (request, record)
    }

    @Test func choiceTogglesWithArrowsAndDigits() {
        let harness = FlowHarness(account: "j.mueller")
        harness.confirmPerson()
        guard case .existingAccount(_, _, selected: .additional) = harness.flow.step else {
            Issue.record("expected the key choice, got \(harness.flow.step)")
            return
        }
        harness.press(.down)
        guard case .existingAccount(_, _, selected: .replacement) = harness.flow.step else {
            Issue.record("Down must select the replacement")
            return
        }
        harness.type("1")
        guard case .existingAccount(_, _, selected: .additional) = harness.flow.step else {
            Issue.record("1 must select the additional key")
            return
        }
    }

    @Test func additionalKeyReusesHandleAndExcludesKnownCredentials() throws {
        let harness = FlowHarness(account: "j.mueller", earlier: Self.earlierHere)
        harness.confirmPerson()
        #expect(harness.press(.enter).watchesKeys)
        #expect(harness.flow.step == .insertKey(problem: nil))
        let (request, record) = try enrollKey(harness)

        #expect(request.userHandle == Self.earlierHandle)
        #expect(request.excludeCredentialIDs == [Self.earlierID])
        #expect(request.userName == "j.mueller")
        #expect(record.kind == .additionalKey)
        #expect(!record.account.isNew)
        #expect(record.account.username == "j.mueller")
        #expect(record.account.email == "juergen.mueller@stadt.example")
        #expect(record.replacesCredentialIDs.isEmpty)
        #expect(!record.revokeAllEarlierCredentials)
    }

    @Test func accountFromHROnlyGetsPolicyEmailAndFreshHandle() throws {
        let harness = FlowHarness(account: "anna.weiss")
        harness.confirmPerson()
        harness.press(.enter)
        let (request, record) = try enrollKey(harness)
        #expect(record.account.email == "anna.weiss@stadt.example")
        #expect(request.userHandle == Array(repeating: 0xAB, count: 32))
        #expect(request.excludeCredentialIDs.isEmpty)
    }

    @Test func replacementNeedsConfirmationScreen() {
        let harness = FlowHarness(account: "j.mueller", earlier: Self.earlierHere)
        harness.confirmPerson()
        harness.press(.down)
        let effects = harness.press(.enter)
        #expect(!effects.watchesKeys, "no key before the warning was confirmed")
        let account = ExistingAccount(username: "j.mueller", email: "juergen.mueller@stadt.example", knownCredentialCount: 1)
        #expect(harness.flow.step == .confirmReplacement(FlowHarness.person, account))
        harness.press(.escape)
        #expect(harness.flow.step == .existingAccount(FlowHarness.person, account, selected: .replacement))
    }

    @Test func replacementWithLocalHistoryListsCredentialIDs() throws {
        let harness = FlowHarness(account: "j.mueller", earlier: Self.earlierHere)
        harness.confirmPerson()
        harness.press(.down)
        harness.press(.enter)
        #expect(harness.press(.enter).watchesKeys)
        let (_, record) = try enrollKey(harness)
        #expect(record.kind == .replacementKey)
        #expect(record.replacesCredentialIDs == [Base64URL.encode(Self.earlierID)])
        #expect(!record.revokeAllEarlierCredentials)
    }

    @Test func replacementWithoutKnownCredentialsRevokesAll() throws {
        let harness = FlowHarness(account: "anna.weiss")
        harness.confirmPerson()
        harness.press(.down)
        harness.press(.enter)
        harness.press(.enter)
        let (_, record) = try enrollKey(harness)
        #expect(record.replacesCredentialIDs.isEmpty)
        #expect(record.revokeAllEarlierCredentials)
    }

    @Test func replacementWithPartialHistoryListsIDsAndRevokesAll() throws {
        var earlier = Self.earlierHere
        earlier.includesNewAccount = false
        let harness = FlowHarness(account: "j.mueller", earlier: earlier)
        harness.confirmPerson()
        harness.press(.down)
        harness.press(.enter)
        harness.press(.enter)
        let (_, record) = try enrollKey(harness)
        #expect(record.replacesCredentialIDs == [Base64URL.encode(Self.earlierID)])
        #expect(record.revokeAllEarlierCredentials, "keys enrolled elsewhere are unknown here")
    }

    @Test func summaryNamesTheKind() throws {
        let harness = FlowHarness(account: "j.mueller", earlier: Self.earlierHere)
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOpened(FlowHarness.device, FlowHarness.keyWithPIN))
        harness.enter("482915")
        harness.send(.credentialCreated(FlowHarness.credential))
        harness.send(.assertionVerified(AssertionResult(credentialID: [1, 2, 3], signCount: 1, userVerified: true)))
        guard case .summary(let summary) = harness.flow.step else {
            Issue.record("expected the summary, got \(harness.flow.step)")
            return
        }
        #expect(summary.kind == .additionalKey)
        #expect(summary.username == "j.mueller")
    }

    @Test func escapeFromInsertKeyReturnsToChoice() {
        let harness = FlowHarness(account: "j.mueller")
        harness.confirmPerson()
        harness.press(.down)
        harness.press(.enter)
        harness.press(.enter)
        harness.press(.escape)
        guard case .existingAccount(_, _, selected: .replacement) = harness.flow.step else {
            Issue.record("expected the key choice, got \(harness.flow.step)")
            return
        }
    }

    @Test func sameKeyAgainIsExplained() {
        let harness = FlowHarness(account: "j.mueller", earlier: Self.earlierHere)
        harness.confirmPerson()
        harness.press(.enter)
        harness.send(.keysPresent([FlowHarness.device]))
        harness.send(.keyOpened(FlowHarness.device, FlowHarness.keyWithPIN))
        harness.enter("482915")
        harness.send(.keyOperationFailed(.credentialExcluded))
        #expect(harness.flow.step == .failed(.key(.credentialExcluded)))
    }
}
