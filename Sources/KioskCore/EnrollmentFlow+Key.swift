// MARK: - Security key and PIN

extension EnrollmentFlow {
    /// Results from the key watcher, the key and the outbox.
    func handleKeyEvent(_ event: FlowEvent) -> [FlowEffect] {
        switch event {
        case .keysPresent(let devices):
            return handleKeysPresent(devices)
        case .keyOpened(let device, let info):
            return handleKeyOpened(device, info)
        case .pinRetries(let retries):
            return handlePINRetries(retries)
        case .pinSet:
            guard case .touchKey(.register) = step else { return [] }
            session?.currentPIN?.wipe()
            session?.currentPIN = nil
            return requestCredential()
        case .keyReset(let info):
            return handleKeyReset(info)
        case .credentialCreated(let credential):
            return handleCredential(credential)
        case .assertionVerified(let assertion):
            return handleAssertion(assertion)
        case .keyOperationFailed(let error):
            return handleKeyFailure(error)
        case .recordSaved(let enrollmentID):
            return handleRecordSaved(enrollmentID)
        case .recordFailed(let failure):
            session?.isSaving = false
            guard case .summary = step else { return [] }
            step = .failed(.outboxWriteFailed(detail: failure))
            return [.log(.error, "outbox write failed", ["failure": String(describing: failure)])]
        case .input, .tick:
            return []
        }
    }

    /// Applies the watcher's list of keys. The watcher runs from the insert-key screen until the
    /// test sign-in, so a key pulled at any of these steps is noticed even during typing.
    private func handleKeysPresent(_ devices: [SecurityKeyDevice]) -> [FlowEffect] {
        switch step {
        case .insertKey(let problem):
            return keysWhileInserting(devices, problem)
        case .replugKey(let stage):
            return keysWhileReplugging(devices, stage)
        case .resetKey(let progress):
            return keysDuringReset(devices, progress)
        case .saved:
            guard devices.isEmpty else {
                session?.keySeenAfterSave = true
                return []
            }
            return session?.keySeenAfterSave == true ? reset(to: .welcome) : []
        case .pin:
            guard let device = session?.device, !devices.contains(device) else { return [] }
            session?.wipeSecrets()
            session?.device = nil
            session?.keyInfo = nil
            step = .insertKey(problem: .removed)
            return [.cancelKeyOperation, .closeKey, .log(.info, "key removed during PIN entry", [:])]
        default:
            return []
        }
    }

    private func keysWhileInserting(_ devices: [SecurityKeyDevice], _ problem: KeyProblem?) -> [FlowEffect] {
        guard session?.device == nil else { return [] }
        // A key that failed to open is tried again only after it was unplugged, because a key
        // still busy with an earlier request (blinking after a touch timeout) fails every open.
        if let failed = session?.failedDevice {
            guard !devices.contains(failed) else {
                if problem == .removed { step = .insertKey(problem: .openFailed) }
                return []
            }
            session?.failedDevice = nil
        }
        switch devices.count {
        case 0:
            // Keep "removed" on screen until a key comes back; clear the problems it solved.
            if problem != .removed { step = .insertKey(problem: nil) }
            return []
        case 1:
            session?.device = devices[0]
            step = .insertKey(problem: nil)
            return [.openKey(devices[0])]
        default:
            step = .insertKey(problem: .multipleKeys(count: devices.count))
            return []
        }
    }

    /// Escape goes back; Enter on a problem screen looks at the plugged-in keys again, and also
    /// tries a key that failed to open once more.
    func handleInsertKeyInput(_ problem: KeyProblem?, _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .escape:
            return backToProposal()
        case .enter where problem != nil && session?.device == nil:
            session?.failedDevice = nil
            step = .insertKey(problem: nil)
            return [.watchForKeys]
        default:
            return []
        }
    }

    private func handleKeyOpened(_ device: SecurityKeyDevice, _ info: SecurityKeyInfo) -> [FlowEffect] {
        let log = FlowEffect.log(.info, "key opened", ["aaguid": Hex.uuid(info.aaguid), "product": device.product])
        if case .resetKey(let progress) = step, progress.stage == .touch {
            return [log] + checkKeyBeforeReset(info)
        }
        guard case .insertKey = step else { return [.closeKey] }
        session?.keyInfo = info
        switch info.hasPIN {
        case .none:
            step = .failed(.key(.unsupportedKey(reason: "no clientPIN support")))
            return [log, .stopWatchingForKeys, .closeKey]
        case .some(true):
            let mode: PINPrompt.Mode = info.forcePINChange ? .enterCurrent : .enterExisting
            step = .pin(PINPrompt(mode: mode, minLength: info.minPINLength))
            return [log, .readPINRetries]
        case .some(false):
            step = .pin(PINPrompt(mode: .setNew, minLength: info.minPINLength))
            return [log]
        }
    }

    /// Shows the retries before the next try; a key with none left can only be reset.
    private func handlePINRetries(_ retries: Int) -> [FlowEffect] {
        if case .resetKey(let progress) = step, progress.stage == .touch { return resetIfBlocked(retries: retries) }
        guard case .pin(var prompt) = step else { return [] }
        if retries == 0 { return offerReset() }
        prompt.retriesLeft = retries
        step = .pin(prompt)
        return []
    }

    /// Returns to the screen before the key: the account proposal, or the key choice for a
    /// person with an account.
    func backToProposal() -> [FlowEffect] {
        session?.wipeSecrets()
        session?.device = nil
        session?.keyInfo = nil
        session?.failedDevice = nil
        let effects: [FlowEffect] = [.stopWatchingForKeys, .cancelKeyOperation, .closeKey]
        guard let person = session?.person else { return reset(to: .welcome) }
        if let account = session?.existingAccount {
            step = .existingAccount(person, account, selected: session?.keyChoice ?? .additional)
            session?.keyChoice = nil
            return effects
        }
        guard let proposal = session?.proposal else { return reset(to: .welcome) }
        step = .accountProposal(person, proposal)
        return effects
    }

    // MARK: Failures

    func handleKeyFailure(_ error: SecurityKeyError) -> [FlowEffect] {
        let log = FlowEffect.log(.warning, "key operation failed", ["error": String(describing: error)])
        switch step {
        case .insertKey:
            let device = session?.device
            session?.failedDevice = device
            session?.device = nil
            step = .insertKey(problem: error == .keyRemoved ? .removed : .openFailed)
            return [log, .closeKey, .watchForKeys]
        case .pin, .touchKey:
            return [log] + handlePINOrTouchFailure(error)
        case .resetKey:
            return [log] + handleResetFailure(error)
        default:
            return [log]
        }
    }

    private func handlePINOrTouchFailure(_ error: SecurityKeyError) -> [FlowEffect] {
        let wasChanging = session?.currentPIN != nil
        session?.wipeSecrets()
        let minLength = session?.keyInfo?.minPINLength ?? 4
        switch error {
        case .pinInvalid(let retries):
            if retries == 0 { return offerReset() }
            step = .pin(PINPrompt(mode: wasChanging ? .enterCurrent : .enterExisting, minLength: minLength,
                                  retriesLeft: retries, problem: .wrongPIN(retriesLeft: retries)))
            return retries == nil ? [.readPINRetries] : []
        case .pinPolicyViolation:
            step = .pin(PINPrompt(mode: wasChanging ? .enterCurrent : .setNew, minLength: minLength, problem: .rejectedByKey))
            return wasChanging ? [.readPINRetries] : []
        case .pinAuthBlocked:
            return startReplug()
        case .pinBlocked:
            return offerReset()
        case .cancelled:
            return backToProposal()
        case .keyRemoved where isPINStep:
            session?.device = nil
            session?.keyInfo = nil
            step = .insertKey(problem: .removed)
            return [.closeKey, .watchForKeys]
        default:
            // Remember a rejected key so that it is not opened again until it was pulled.
            let device = session?.device
            session?.failedDevice = Self.needsOtherKey(error) ? device : nil
            session?.device = nil
            step = .failed(.key(error))
            return [.stopWatchingForKeys, .closeKey]
        }
    }

    private var isPINStep: Bool {
        if case .pin = step { true } else { false }
    }
}
