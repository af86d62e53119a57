import KioskCore

// MARK: - Existing accounts, replugging and the key reset

extension ScreenRenderer {
    /// Width of the consent field; the flow accepts at most 8 letters.
    private static let consentFieldWidth = 10

    static func existingAccount(_ record: HRRecord, _ account: ExistingAccount, selected: KeyChoice,
                                _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.labeled(context.text("person.name"), record.displayName, row: top)
        canvas.labeled(context.text("account.username"), account.username, row: top + 1)
        canvas.labeled(context.text("account.email"), account.email, row: top + 2)
        let options: [(KeyChoice, String)] = [(.additional, "existing.option.additional"),
                                              (.replacement, "existing.option.replacement")]
        for (offset, option) in options.enumerated() {
            let isSelected = option.0 == selected
            let line = (isSelected ? "> " : "  ") + "\(offset + 1)  " + context.text(option.1)
            canvas.put(line, row: top + 4 + offset, style: isSelected ? .reverse : .plain)
        }
        canvas.paragraph(context.text(selected == .additional ? "existing.note.additional" : "existing.note.replacement"),
                         row: top + 7, maxLines: 2)
        if account.knownCredentialCount > 0 {
            canvas.put(context.text("existing.known", String(account.knownCredentialCount)), row: top + 10, style: .dim)
        }
        return ScreenFrame(
            title: context.text("existing.title"),
            instruction: context.text("existing.instruction"),
            keys: [key("↑↓", "action.select", context), key("Enter", "action.next", context),
                   key("Esc", "action.back", context)])
    }

    /// Says before the employee agrees that the earlier keys stop working.
    static func confirmReplacement(_ record: HRRecord, _ account: ExistingAccount,
                                   _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.labeled(context.text("person.name"), record.displayName, row: top)
        canvas.labeled(context.text("account.username"), account.username, row: top + 1)
        let row = canvas.paragraph(context.text("replace.warning"), row: top + 3, style: .problem, maxLines: 3)
        let next = canvas.paragraph(context.text("replace.when"), row: row + 1, maxLines: 2)
        canvas.paragraph(context.text("replace.question"), row: next + 1, style: .bold, maxLines: 2)
        return ScreenFrame(
            title: context.text("replace.title"),
            instruction: context.text("replace.instruction"),
            keys: [key("Enter", "action.replace", context), key("Esc", "action.back", context)])
    }

    static func replugKey(_ stage: ReplugStage, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        let row = canvas.paragraph(context.text("replug.body"), row: top, maxLines: 3)
        drawChecklist(["replug.step.unplug", "replug.step.plugIn"], done: stage == .unplug ? 0 : 1,
                      row: row + 1, canvas, context)
        return ScreenFrame(
            title: context.text("replug.title"),
            titleStyle: .problem,
            instruction: context.text(stage == .unplug ? "replug.instruction.unplug" : "replug.instruction.plugIn"),
            keys: [key("Esc", "action.cancel", context)])
    }

    /// Explains the blocked PIN and what a reset erases; consent is the typed word for yes.
    static func resetConsent(_ consent: ResetConsent, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        var row = canvas.paragraph(context.text("reset.explain"), row: top, maxLines: 2)
        row = canvas.paragraph(context.text("reset.erases"), row: row + 1, style: .problem, maxLines: 3)
        row = canvas.paragraph(context.text("reset.after"), row: row + 1, maxLines: 2)
        canvas.put("> " + context.text("reset.field"), row: row + 1)
        let end = canvas.field(consent.typed, row: row + 1, column: 26, width: consentFieldWidth, isFocused: true)
        if consent.notConfirmed {
            drawProblem(context.text("reset.notConfirmed"), row: row + 3, on: canvas)
        }
        canvas.showCursor(row: row + 1, column: end)
        return ScreenFrame(
            title: context.text("reset.title"),
            titleStyle: .problem,
            instruction: context.text("reset.instruction"),
            keys: [key("Enter", "action.confirm", context), key("Esc", "action.otherKey", context)])
    }

    static func resetKey(_ progress: ResetProgress, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        let row = canvas.paragraph(context.text("resetKey.body"), row: top, maxLines: 2)
        let done = switch progress.stage {
        case .unplug: 0
        case .plugIn: 1
        case .touch: 2
        }
        drawChecklist(["resetKey.step.unplug", "resetKey.step.plugIn", "resetKey.step.touch"], done: done,
                      row: row + 1, canvas, context)
        drawProblem(progress.problem.map { UserMessages.resetProblem($0, context.localizer) }, row: row + 5, on: canvas)
        let instruction = switch progress.stage {
        case .unplug: "resetKey.instruction.unplug"
        case .plugIn: "resetKey.instruction.plugIn"
        case .touch: "resetKey.instruction.touch"
        }
        return ScreenFrame(
            title: context.text("resetKey.title"),
            instruction: context.text(instruction),
            keys: [key("Esc", "action.cancel", context)])
    }

    /// Numbered steps with "[x]" before the first `done` ones and "> " before the current one.
    private static func drawChecklist(_ keys: [String], done: Int, row: Int, _ canvas: ScreenCanvas, _ context: ScreenContext) {
        for (index, textKey) in keys.enumerated() {
            let mark = index < done ? "[x]" : "[ ]"
            let pointer = index == done ? "> " : "  "
            canvas.put("\(pointer)\(mark) \(index + 1). \(context.text(textKey))", row: row + index,
                       style: index == done ? .bold : (index < done ? .dim : .plain))
        }
    }
}
