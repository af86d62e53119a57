import KioskCore

// MARK: - Summary, saved and failed

extension ScreenRenderer {
    static func summary(_ summary: EnrollmentSummary, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let row = drawSummary(summary, row: ScreenCanvas.contentTop, canvas, context)
        canvas.put(context.text("summary.testPassed"), row: row + 1, style: .success)
        if summary.kind == .replacementKey {
            canvas.paragraph(context.text("summary.replacementWarning"), row: row + 3, style: .problem, maxLines: 2)
        }
        if summary.discardRequested {
            return ScreenFrame(
                title: context.text("summary.discard.title"),
                titleStyle: .problem,
                instruction: context.text("summary.discard.instruction"),
                keys: [key("Enter", "action.save", context), key("Esc", "action.discard", context)])
        }
        return ScreenFrame(
            title: context.text("summary.title"),
            instruction: context.text("summary.instruction"),
            keys: [key("Enter", "action.save", context), key("Esc", "action.cancel", context)])
    }

    static func saved(_ summary: EnrollmentSummary, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.put(context.text("saved.body"), row: top, style: .success)
        let row = drawSummary(summary, row: top + 2, canvas, context)
        canvas.paragraph(context.text("saved.activation"), row: row + 1, maxLines: 2)
        canvas.paragraph(context.text("saved.reference"), row: row + 3, style: .dim, maxLines: 2)
        return ScreenFrame(
            title: context.text("saved.title"),
            instruction: context.text("saved.instruction"),
            keys: [key("Enter", "action.nextPerson", context)])
    }

    /// The problem is the title and the next step the instruction, so they read in that order.
    static func failed(_ reason: FailureReason, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let message = UserMessages.failure(reason, context.localizer)
        return ScreenFrame(
            title: message.explanation,
            titleStyle: .problem,
            instruction: message.nextStep,
            keys: [key("Enter", "action.next", context), key("Esc", "action.cancel", context)])
    }

    /// Name, username, e-mail, key model and reference number, one per row.
    ///
    /// - Returns: the row after the last one written.
    private static func drawSummary(_ summary: EnrollmentSummary, row: Int, _ canvas: ScreenCanvas, _ context: ScreenContext) -> Int {
        canvas.labeled(context.text("person.name"), summary.displayName, row: row)
        canvas.labeled(context.text("account.username"), summary.username, row: row + 1)
        canvas.labeled(context.text("account.email"), summary.email, row: row + 2)
        canvas.labeled(context.text("summary.keyProduct"), summary.keyProduct, row: row + 3, style: .plain)
        canvas.labeled(context.text("summary.enrollmentID"), summary.enrollmentID, row: row + 4, style: .plain)
        guard summary.kind != .newAccount else { return row + 5 }
        let kindKey = summary.kind == .additionalKey ? "summary.kind.additional" : "summary.kind.replacement"
        canvas.labeled(context.text("summary.kind"), context.text(kindKey), row: row + 5, style: .plain)
        return row + 6
    }
}
