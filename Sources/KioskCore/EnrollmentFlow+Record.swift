// MARK: - Registration, test sign-in and the outbox record

extension EnrollmentFlow {
    /// WebAuthn caps user.name and user.displayName; CTAP keys may cut longer ones mid-character.
    static let maxUserFieldBytes = 64
    static let challengeBytes = 32
    static let userHandleBytes = 32

    /// Builds the makeCredential request for the person and requests a touch on the key.
    func requestCredential() -> [FlowEffect] {
        guard let person = session?.person, let proposal = session?.proposal, let pin = session?.pin else {
            return reset(to: .welcome)
        }
        let config = environment.config
        let userHandle = session.map { self.userHandle(for: $0) } ?? environment.randomBytes(Self.userHandleBytes)
        let excluded = session?.earlier.credentialIDs ?? []
        let clientData = ClientData.json(.create, challenge: environment.randomBytes(Self.challengeBytes),
                                         origin: config.origin)
        session?.userHandle = userHandle
        session?.clientDataJSON = clientData
        let request = CredentialRequest(
            rpID: config.rpID, rpName: config.rpName, userHandle: userHandle,
            userName: UTF8Truncation.truncate(proposal.username, maxBytes: Self.maxUserFieldBytes),
            displayName: UTF8Truncation.truncate(person.displayName, maxBytes: Self.maxUserFieldBytes),
            clientDataJSON: clientData, excludeCredentialIDs: excluded)
        return [.makeCredential(request, pin: pin)]
    }

    func handleCredential(_ credential: RegisteredCredential) -> [FlowEffect] {
        guard case .touchKey(.register) = step, let pin = session?.pin else { return [] }
        session?.credential = credential
        step = .touchKey(.testSignIn)
        let clientData = ClientData.json(.get, challenge: environment.randomBytes(Self.challengeBytes),
                                         origin: environment.config.origin)
        let request = AssertionRequest(rpID: environment.config.rpID, clientDataJSON: clientData,
                                       credentialID: credential.credentialID,
                                       publicKeyCOSE: credential.publicKeyCOSE)
        return [.log(.info, "credential created", ["aaguid": Hex.uuid(credential.aaguid)]),
                .getAssertion(request, pin: pin)]
    }

    func handleAssertion(_ assertion: AssertionResult) -> [FlowEffect] {
        guard case .touchKey(.testSignIn) = step, var session else { return [] }
        session.assertion = assertion
        session.wipeSecrets()
        let record = buildRecord(session)
        session.record = record
        self.session = session
        guard let record else { return reset(to: .welcome) }
        step = .summary(summary(of: record))
        return [.stopWatchingForKeys, .closeKey, .log(.info, "test sign-in verified", [:])]
    }

    func handleSummaryInput(_ input: UserInput) -> [FlowEffect] {
        switch input {
        case .enter:
            guard let record = session?.record, session?.isSaving == false else { return [] }
            session?.isSaving = true
            return [.saveRecord(record)]
        case .escape:
            // A single Esc only requests confirmation. The second one discards a finished registration.
            guard case .summary(var summary) = step else { return [] }
            guard summary.discardRequested else {
                summary.discardRequested = true
                step = .summary(summary)
                return []
            }
            // NOTE: the credential stays on the key; without a record the central side never trusts it.
            var effects = reset(to: .welcome)
            effects.append(.log(.info, "enrollment cancelled at summary", [:]))
            return effects
        default:
            return []
        }
    }

    func handleRecordSaved(_ enrollmentID: String) -> [FlowEffect] {
        guard case .summary(let summary) = step else { return [] }
        session?.wipeSecrets()
        step = .saved(summary)
        lastInputAt = now
        // The saved screen tells the person to pull the key, and pulling it ends the session like Enter does.
        return [.watchForKeys, .log(.info, "enrollment saved", ["enrollment": enrollmentID])]
    }

    func handleFailureInput(_ reason: FailureReason, _ input: UserInput) -> [FlowEffect] {
        guard input == .enter else { return input == .escape ? reset(to: .welcome) : [] }
        switch reason {
        case .idleTimeout:
            step = .welcome
            return []
        case .outboxWriteFailed:
            guard let record = session?.record else { return reset(to: .welcome) }
            step = .summary(summary(of: record))
            session?.isSaving = true
            return [.saveRecord(record)]
        case .key(let error):
            guard session?.person != nil else { return reset(to: .welcome) }
            if Self.needsOtherKey(error) {
                // The same key would fail again: wait until it is pulled before opening any key.
                session?.device = nil
                session?.keyInfo = nil
                session?.credential = nil
                step = .insertKey(problem: .otherKeyNeeded)
                return [.closeKey, .watchForKeys]
            }
            session?.device = nil
            session?.keyInfo = nil
            session?.credential = nil
            step = .insertKey(problem: nil)
            return [.closeKey, .watchForKeys]
        }
    }

    /// Errors after which the same key cannot succeed, so the person must use another one.
    static func needsOtherKey(_ error: SecurityKeyError) -> Bool {
        switch error {
        case .keyNotApproved, .unsupportedKey, .keyStoreFull: true
        default: false
        }
    }

    private func summary(of record: OutboxRecord) -> EnrollmentSummary {
        EnrollmentSummary(displayName: record.account.displayName, username: record.account.username,
                          email: record.account.email, keyProduct: keyDetails?.model ?? session?.device?.product ?? "",
                          enrollmentID: record.enrollmentID, kind: record.kind)
    }

    private func buildRecord(_ session: EnrollmentSession) -> OutboxRecord? {
        guard let person = session.person, let proposal = session.proposal,
              let credential = session.credential, let assertion = session.assertion else { return nil }
        let config = environment.config
        let account = AccountRecord(
            username: proposal.username, email: proposal.email, displayName: proposal.displayName,
            givenName: person.givenName, surname: person.surname, isNew: session.keyChoice == nil,
            department: person.department, orgUnit: person.orgUnit)
        let credentialRecord = CredentialRecord(
            credentialID: Base64URL.encode(credential.credentialID),
            publicKeyCOSE: Base64URL.encode(credential.publicKeyCOSE),
            aaguid: Hex.uuid(credential.aaguid), signCount: credential.signCount,
            attestationFormat: credential.attestationFormat,
            attestationObject: Base64URL.encode(credential.attestationObject),
            clientDataJSON: Base64URL.encode(session.clientDataJSON),
            rpID: config.rpID, origin: config.origin, userHandle: Base64URL.encode(session.userHandle),
            testSignInVerified: assertion.credentialID == credential.credentialID)
        let revocation = revocation(for: session)
        return OutboxRecord(
            enrollmentID: Self.uuid(environment.randomBytes(16)), kioskID: config.kioskID,
            clerkID: clerkID ?? "", startedAt: session.startedAt, completedAt: environment.timestamp(),
            personnelNumber: person.personnelNumber, kind: kind(of: session.keyChoice),
            replacesCredentialIDs: revocation.ids, revokeAllEarlierCredentials: revocation.revokeAll,
            account: account, credential: credentialRecord)
    }

    /// Formats 16 random bytes as a version 4 UUID.
    static func uuid(_ random: [UInt8]) -> String {
        var bytes = random + [UInt8](repeating: 0, count: max(0, 16 - random.count))
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return Hex.uuid(Array(bytes.prefix(16)))
    }
}
