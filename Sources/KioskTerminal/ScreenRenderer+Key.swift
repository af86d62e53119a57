import KioskCore

// MARK: - Insert key, PIN and touch

extension ScreenRenderer {
    /// Width of the PIN field; CTAP allows up to 63 bytes, so longer PINs show their end.
    private static let pinFieldWidth = 30

    static func insertKey(_ problem: KeyProblem?, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        guard let problem else {
            canvas.paragraph(context.text("insert.body"), row: top)
            canvas.put(context.text("insert.waiting"), row: top + 3, style: .dim)
            return ScreenFrame(
                title: context.text("insert.title"),
                instruction: context.text("insert.instruction"),
                keys: [key("Esc", "action.cancel", context)])
        }
        let message = UserMessages.keyProblem(problem, context.localizer)
        // The screen moves on by itself once the key problem is solved, except for a key that
        // does not respond, which Enter tries again.
        let keys = problem == .openFailed
            ? [key("Enter", "action.retry", context), key("Esc", "action.cancel", context)]
            : [key("Esc", "action.cancel", context)]
        return ScreenFrame(title: message.explanation, titleStyle: .problem, instruction: message.nextStep, keys: keys)
    }

    static func pin(_ prompt: PINPrompt, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        let isSetting = prompt.mode == .setNew || prompt.mode == .changeNew
        let fieldLabel = switch (prompt.mode, prompt.stage) {
        case (_, .confirm): "pin.field.confirm"
        case (.enterCurrent, _): "pin.field.current"
        case (.changeNew, _): "pin.field.new"
        default: "pin.field"
        }
        canvas.put("> " + context.text(fieldLabel), row: top)
        let dots = String(repeating: "•", count: prompt.typedCount)
        _ = canvas.field(dots, row: top, column: 26, width: pinFieldWidth, isFocused: true)
        var row = top + 2
        if isSetting {
            canvas.put(context.text("pin.minLength", String(prompt.minLength)), row: row)
            row += 1
        }
        // A wrong-PIN problem already names the retries left; one line is enough.
        let problemNamesRetries = if case .wrongPIN = prompt.problem { true } else { false }
        if let retries = prompt.retriesLeft, !isSetting, !problemNamesRetries {
            let text = retries == 1 ? context.text("pin.retries.one") : context.text("pin.retries", String(retries))
            canvas.put(text, row: row, style: .bold)
            row += 1
        }
        canvas.put(context.text("pin.secret"), row: row, style: .dim)
        drawProblem(prompt.problem.map { UserMessages.pinProblem($0, context.localizer) }, row: row + 2, on: canvas)
        return ScreenFrame(
            title: context.text(pinTitleKey(prompt.mode)),
            instruction: context.text(pinInstructionKey(prompt)),
            keys: [key("Enter", "action.confirm", context), key("Backspace", "action.delete", context),
                   key("Esc", "action.cancel", context)])
    }

    static func touchKey(_ purpose: TouchPurpose, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        let isRegister = purpose == .register
        let row = canvas.paragraph(context.text(isRegister ? "touch.body.register" : "touch.body.test"), row: top)
        canvas.put(context.text("touch.timeout", String(context.touchTimeoutSeconds)), row: row + 1, style: .bold)
        canvas.put(context.text("touch.keepPlugged"), row: row + 2)
        return ScreenFrame(
            title: context.text(isRegister ? "touch.title.register" : "touch.title.test"),
            instruction: context.text(isRegister ? "touch.instruction.register" : "touch.instruction.test"),
            keys: [key("Esc", "action.cancel", context)])
    }

    private static func pinTitleKey(_ mode: PINPrompt.Mode) -> String {
        switch mode {
        case .setNew: "pin.title.setNew"
        case .enterExisting: "pin.title.enter"
        case .enterCurrent: "pin.title.change"
        case .changeNew: "pin.title.changeNew"
        }
    }

    private static func pinInstructionKey(_ prompt: PINPrompt) -> String {
        switch (prompt.mode, prompt.stage) {
        case (_, .confirm): "pin.instruction.confirm"
        case (.setNew, .first): "pin.instruction.setNew"
        case (.enterExisting, .first): "pin.instruction.enter"
        case (.enterCurrent, .first): "pin.instruction.current"
        case (.changeNew, .first): "pin.instruction.changeNew"
        }
    }
}
