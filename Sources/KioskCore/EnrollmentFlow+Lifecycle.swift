// MARK: - Additional and replacement keys for people who already have an account

extension EnrollmentFlow {
    /// Offers an additional or a replacement key instead of a dead end.
    func offerKeyChoice(_ person: HRRecord, username: String) -> [FlowEffect] {
        let earlier = environment.earlierEnrollments(person.personnelNumber)
        let sameAccount = earlier.username?.lowercased() == username.lowercased()
        let email = (sameAccount ? earlier.email : nil) ?? "\(username)@\(environment.config.emailDomain)"
        let account = ExistingAccount(username: username, email: email, knownCredentialCount: earlier.credentialIDs.count)
        session?.person = person
        session?.earlier = earlier
        session?.existingAccount = account
        session?.proposal = AccountProposal(username: username, email: email, displayName: person.displayName)
        session?.keyChoice = nil
        step = .existingAccount(person, account, selected: .additional)
        return [.log(.info, "person has an account", ["knownCredentials": String(earlier.credentialIDs.count)])]
    }

    func handleKeyChoiceInput(_ person: HRRecord, _ account: ExistingAccount, _ selected: KeyChoice,
                              _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .up, .down, .tab:
            step = .existingAccount(person, account, selected: selected == .additional ? .replacement : .additional)
        case .character("1"):
            step = .existingAccount(person, account, selected: .additional)
        case .character("2"):
            step = .existingAccount(person, account, selected: .replacement)
        case .enter where selected == .additional:
            return startKeyEnrollment(.additional)
        case .enter:
            step = .confirmReplacement(person, account)
        case .escape:
            session?.existingAccount = nil
            session?.proposal = nil
            session?.earlier = EnrollmentSession.noEarlierEnrollments
            step = .confirmPerson(person)
        default:
            break
        }
        return []
    }

    func handleReplacementInput(_ person: HRRecord, _ account: ExistingAccount, _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .enter:
            return startKeyEnrollment(.replacement)
        case .escape:
            step = .existingAccount(person, account, selected: .replacement)
        default:
            break
        }
        return []
    }

    private func startKeyEnrollment(_ choice: KeyChoice) -> [FlowEffect] {
        session?.keyChoice = choice
        step = .insertKey(problem: nil)
        return [.watchForKeys, .log(.info, "key enrollment for an existing account", ["kind": kind(of: choice).rawValue])]
    }

    func kind(of choice: KeyChoice?) -> EnrollmentKind {
        switch choice {
        case nil: .newAccount
        case .additional: .additionalKey
        case .replacement: .replacementKey
        }
    }

    /// Returns the user handle for the credential. A person with an account gets the handle of an
    /// earlier record, so all of a person's keys share it, and everyone else a fresh random one.
    func userHandle(for session: EnrollmentSession) -> [UInt8] {
        if session.keyChoice != nil, let handle = session.earlier.userHandle, !handle.isEmpty { return handle }
        return environment.randomBytes(Self.userHandleBytes)
    }

    /// Returns the credential ids a replacement requests the central side to revoke, and whether
    /// it requests revoking every earlier credential.
    ///
    /// The ids are those of the person's records in this outbox. A kiosk sees only its own
    /// outbox, so unless the account was created here the list may miss keys from elsewhere,
    /// and the record then also requests revoking every earlier credential.
    func revocation(for session: EnrollmentSession) -> (ids: [String], revokeAll: Bool) {
        guard session.keyChoice == .replacement else { return ([], false) }
        let ids = session.earlier.credentialIDs.map(Base64URL.encode)
        return (ids, ids.isEmpty || !session.earlier.includesNewAccount)
    }
}
