// MARK: - PIN entry

extension EnrollmentFlow {
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
            guard prompt.stage == .confirm else { return backToProposal() }
            session?.pinEntry.wipe()
            session?.firstPIN?.wipe()
            session?.firstPIN = nil
            prompt = PINPrompt(mode: prompt.mode, minLength: prompt.minLength, retriesLeft: prompt.retriesLeft)
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
        if let problem = problem(with: pin, prompt) {
            pin.wipe()
            prompt.problem = problem
            step = .pin(prompt)
            return []
        }
        prompt.problem = nil
        switch (prompt.mode, prompt.stage) {
        case (.setNew, .first), (.changeNew, .first):
            session?.firstPIN = pin
            prompt.stage = .confirm
            step = .pin(prompt)
            return []
        case (.setNew, .confirm), (.changeNew, .confirm):
            return confirmNewPIN(pin, prompt)
        case (.enterCurrent, _):
            // The key checks the current PIN only with the change, so a wrong one shows up then.
            session?.currentPIN = pin
            step = .pin(PINPrompt(mode: .changeNew, minLength: prompt.minLength))
            return []
        case (.enterExisting, _):
            session?.pin = pin
            step = .touchKey(.register)
            return requestCredential()
        }
    }

    /// Length limits for every PIN; a new PIN must also not be trivial or equal the current one.
    private func problem(with pin: SecretBytes, _ prompt: PINPrompt) -> PINProblem? {
        if let problem = PINNormalization.problem(with: pin, minLength: prompt.minLength) { return problem }
        let isNew = prompt.mode == .setNew || prompt.mode == .changeNew
        guard isNew, prompt.stage == .first else { return nil }
        if PINNormalization.isTrivial(pin, birthDate: session?.person?.birthDate) { return .trivial }
        if let current = session?.currentPIN, pin.constantTimeEquals(current) { return .sameAsCurrent }
        return nil
    }

    private func confirmNewPIN(_ pin: SecretBytes, _ prompt: PINPrompt) -> [FlowEffect] {
        var prompt = prompt
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
        if let current = session?.currentPIN {
            return [.changePIN(old: current, new: pin)]
        }
        return [.setPIN(pin)]
    }
}
