// MARK: - Replugging after PIN_AUTH_BLOCKED, and the consented reset after PIN_BLOCKED

extension EnrollmentFlow {
    /// Words that give consent to a reset, compared in upper case; both work in either language.
    static let resetConsentWords: Set<String> = ["JA", "YES"]
    static let maxConsentLength = 8

    /// After three wrong PINs in a row the key takes no PIN until it is power-cycled.
    func startReplug() -> [FlowEffect] {
        session?.wipeSecrets()
        session?.device = nil
        session?.keyInfo = nil
        step = .replugKey(.unplug)
        return [.closeKey, .watchForKeys, .log(.info, "PIN auth blocked, asking to replug the key", [:])]
    }

    func keysWhileReplugging(_ devices: [SecurityKeyDevice], _ stage: ReplugStage) -> [FlowEffect] {
        switch stage {
        case .unplug:
            if devices.isEmpty { step = .replugKey(.plugIn) }
            return []
        case .plugIn:
            guard !devices.isEmpty else { return [] }
            // From here on the key is opened as on the insert-key screen, with the retries shown again.
            step = .insertKey(problem: nil)
            return handleKeyEvent(.keysPresent(devices))
        }
    }

    /// Offers the reset after the PIN is blocked, because only a reset helps. Nothing runs before consent.
    func offerReset() -> [FlowEffect] {
        session?.wipeSecrets()
        session?.device = nil
        session?.keyInfo = nil
        step = .resetConsent(ResetConsent())
        return [.stopWatchingForKeys, .closeKey, .log(.warning, "PIN blocked, reset offered", [:])]
    }

    func handleResetConsentInput(_ consent: ResetConsent, _ input: UserInput) -> [FlowEffect] {
        var consent = consent
        switch input {
        case .character(let character):
            if character.isLetter && consent.typed.count < Self.maxConsentLength { consent.typed.append(character) }
            consent.notConfirmed = false
        case .backspace:
            if !consent.typed.isEmpty { consent.typed.removeLast() }
        case .enter:
            guard Self.resetConsentWords.contains(consent.typed.uppercased()) else {
                consent = ResetConsent(notConfirmed: true)
                break
            }
            step = .resetKey(ResetProgress(stage: .unplug))
            return [.watchForKeys, .log(.info, "employee consented to the key reset", [:])]
        case .escape:
            return backToProposal()
        default:
            break
        }
        step = .resetConsent(consent)
        return []
    }

    /// Leads back on Escape at any stage. During the touch, the effects cancel the pending reset,
    /// and a result that still arrives is ignored because the flow has left the reset screen.
    func handleResetInput(_ input: UserInput) -> [FlowEffect] {
        input == .escape ? backToProposal() : []
    }

    /// Keys accept a reset only in the first seconds after power-up, so the kiosk waits for an
    /// unplug and a fresh plug-in before it sends the reset.
    func keysDuringReset(_ devices: [SecurityKeyDevice], _ progress: ResetProgress) -> [FlowEffect] {
        switch progress.stage {
        case .unplug:
            if devices.isEmpty { step = .resetKey(ResetProgress(stage: .plugIn)) }
            return []
        case .plugIn:
            guard devices.count == 1 else {
                let problem: ResetProblem? = devices.isEmpty ? progress.problem : .multipleKeys(count: devices.count)
                step = .resetKey(ResetProgress(stage: .plugIn, problem: problem))
                return []
            }
            session?.device = devices[0]
            step = .resetKey(ResetProgress(stage: .touch))
            return [.openKey(devices[0])]
        case .touch:
            return []
        }
    }

    /// Checks the replugged key before erasing it: someone may have plugged in another key, and
    /// only a key whose PIN is blocked may be reset. A key without a PIN needs no reset at all.
    func checkKeyBeforeReset(_ info: SecurityKeyInfo) -> [FlowEffect] {
        session?.keyInfo = info
        switch info.hasPIN {
        case .some(false):
            step = .pin(PINPrompt(mode: .setNew, minLength: info.minPINLength))
            return [.log(.info, "replugged key has no PIN, no reset needed", [:])]
        case .some(true):
            return [.readPINRetries]
        case .none:
            session?.device = nil
            step = .failed(.key(.unsupportedKey(reason: "no clientPIN support")))
            return [.stopWatchingForKeys, .closeKey]
        }
    }

    /// Sends the reset only when the key reports no PIN retries left; otherwise the PIN works
    /// and the employee types it as usual.
    func resetIfBlocked(retries: Int) -> [FlowEffect] {
        guard retries == 0 else {
            let minLength = session?.keyInfo?.minPINLength ?? 4
            step = .pin(PINPrompt(mode: .enterExisting, minLength: minLength, retriesLeft: retries))
            return [.log(.warning, "replugged key is not blocked, reset skipped", [:])]
        }
        return [.log(.info, "key reset requested", [:]), .resetKey]
    }

    /// Checks the outcome: after a reset the key must report that it has no PIN.
    func handleKeyReset(_ info: SecurityKeyInfo) -> [FlowEffect] {
        guard case .resetKey(let progress) = step, progress.stage == .touch else { return [] }
        session?.keyInfo = info
        guard info.hasPIN == false else {
            return restartReset(.failed) + [.log(.error, "key still reports a PIN after reset", [:])]
        }
        step = .pin(PINPrompt(mode: .setNew, minLength: info.minPINLength))
        return [.log(.info, "key reset done", [:])]
    }

    func handleResetFailure(_ error: SecurityKeyError) -> [FlowEffect] {
        switch error {
        case .cancelled:
            return backToProposal()
        case .operationDenied:
            return restartReset(.tooLate)
        case .touchTimeout:
            return restartReset(.notTouched)
        case .keyRemoved:
            return restartReset(.removed)
        default:
            return restartReset(.failed)
        }
    }

    private func restartReset(_ problem: ResetProblem) -> [FlowEffect] {
        session?.device = nil
        session?.keyInfo = nil
        step = .resetKey(ResetProgress(stage: .unplug, problem: problem))
        return [.closeKey, .watchForKeys]
    }
}
