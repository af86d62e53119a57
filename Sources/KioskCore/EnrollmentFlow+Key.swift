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
            if case .pin(var prompt) = step {
                prompt.retriesLeft = retries
                step = .pin(prompt)
            }
            return []
        case .pinSet:
            guard case .touchKey(.register) = step else { return [] }
            return requestCredential()
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

    private func handleKeysPresent(_ devices: [SecurityKeyDevice]) -> [FlowEffect] {
        guard case .insertKey(let problem) = step, session?.device == nil else { return [] }
        switch devices.count {
        case 0:
            // Keep "removed" on screen until a key comes back; clear "several keys".
            if case .multipleKeys = problem { step = .insertKey(problem: nil) }
            return []
        case 1:
            session?.device = devices[0]
            step = .insertKey(problem: nil)
            return [.stopWatchingForKeys, .openKey(devices[0])]
        default:
            step = .insertKey(problem: .multipleKeys(count: devices.count))
            return []
        }
    }

    private func handleKeyOpened(_ device: SecurityKeyDevice, _ info: SecurityKeyInfo) -> [FlowEffect] {
        guard case .insertKey = step else { return [.closeKey] }
        session?.keyInfo = info
        let log = FlowEffect.log(.info, "key opened", ["aaguid": Hex.uuid(info.aaguid), "product": device.product])
        switch info.hasPIN {
        case .none:
            step = .failed(.key(.unsupportedKey(reason: "no clientPIN support")))
            return [log, .closeKey]
        case .some(true):
            step = .pin(PINPrompt(mode: .enterExisting, minLength: info.minPINLength))
            return [log, .readPINRetries]
        case .some(false):
            step = .pin(PINPrompt(mode: .setNew, minLength: info.minPINLength))
            return [log]
        }
    }

    func backToProposal() -> [FlowEffect] {
        session?.wipeSecrets()
        session?.device = nil
        session?.keyInfo = nil
        guard let person = session?.person, let proposal = session?.proposal else { return reset(to: .welcome) }
        step = .accountProposal(person, proposal)
        return [.stopWatchingForKeys, .closeKey]
    }

    // MARK: PIN entry

    func handlePINInput(_ prompt: PINPrompt, _ input: UserInput) -> [FlowEffect] {
        var prompt = prompt
        switch input {
        case .character(let character):
            // Stop collecting far past the 63-byte limit; the check on Enter reports "too long".
            if (session?.pinEntry.byteCount ?? 0) < 2 * PINNormalization.maxBytes {
                session?.pinEntry.append(character)
            }
            prompt.problem = nil
        case .backspace:
            session?.pinEntry.removeLast()
        case .enter:
            return submitPIN(prompt)
        case .escape:
            if prompt.stage == .confirm {
                session?.wipeSecrets()
                prompt = PINPrompt(mode: prompt.mode, minLength: prompt.minLength, retriesLeft: prompt.retriesLeft)
            } else {
                return backToProposal()
            }
        default:
            break
        }
        prompt.typedCount = session?.pinEntry.characterCount ?? 0
        step = .pin(prompt)
        return []
    }

    private func submitPIN(_ prompt: PINPrompt) -> [FlowEffect] {
        guard let pin = session?.pinEntry.take() else { return [] }
        var prompt = prompt
        prompt.typedCount = 0
        if let problem = PINNormalization.problem(with: pin, minLength: prompt.minLength) {
            pin.wipe()
            prompt.problem = problem
            step = .pin(prompt)
            return []
        }
        switch (prompt.mode, prompt.stage) {
        case (.setNew, .first):
            session?.firstPIN = pin
            prompt.stage = .confirm
            prompt.problem = nil
            step = .pin(prompt)
            return []
        case (.setNew, .confirm):
            let matches = session?.firstPIN.map { pin.constantTimeEquals($0) } ?? false
            session?.firstPIN?.wipe()
            session?.firstPIN = nil
            guard matches else {
                pin.wipe()
                prompt.stage = .first
                prompt.problem = .mismatch
                step = .pin(prompt)
                return []
            }
            session?.pin = pin
            step = .touchKey(.register)
            return [.setPIN(pin)]
        case (.enterExisting, _):
            session?.pin = pin
            step = .touchKey(.register)
            return requestCredential()
        }
    }

    // MARK: Failures

    private func handleKeyFailure(_ error: SecurityKeyError) -> [FlowEffect] {
        let log = FlowEffect.log(.warning, "key operation failed", ["error": String(describing: error)])
        switch step {
        case .insertKey:
            session?.device = nil
            step = .insertKey(problem: error == .keyRemoved ? .removed : .openFailed)
            return [log, .closeKey, .watchForKeys]
        case .pin, .touchKey:
            return [log] + handlePINOrTouchFailure(error)
        default:
            return [log]
        }
    }

    private func handlePINOrTouchFailure(_ error: SecurityKeyError) -> [FlowEffect] {
        session?.pin?.wipe()
        session?.pin = nil
        let minLength = session?.keyInfo?.minPINLength ?? 4
        switch error {
        case .pinInvalid(let retries):
            step = .pin(PINPrompt(mode: .enterExisting, minLength: minLength, retriesLeft: retries,
                                  problem: .wrongPIN(retriesLeft: retries)))
            return []
        case .pinPolicyViolation:
            step = .pin(PINPrompt(mode: .setNew, minLength: minLength, problem: .rejectedByKey))
            return []
        case .cancelled:
            return backToProposal()
        default:
            session?.device = nil
            step = .failed(.key(error))
            return [.closeKey]
        }
    }
}
