import KioskCore

/// The fixed parts of one screen that each step supplies: title, next action and keys.
struct ScreenFrame {
    /// Title below the header, at most two lines. On problem screens it states the problem.
    var title: String
    /// Bold for a normal title, bold red when the title states a problem.
    var titleStyle: TextStyle = .bold
    /// One plain sentence with the next step.
    var instruction: String
    /// Footer entries as key name and action, for example ("Enter", "weiter").
    var keys: [(key: String, action: String)]
}

/// Draws one enrollment step as a full screen.
///
/// Every screen has the same frame. From the top: a header bar with the product name and
/// "Schritt N von 9", a line with kiosk and clerk, the title, one sentence with the next step,
/// the content, an idle warning when one is due, and a footer bar with the keys. The layout is
/// 80x24. A larger terminal shows it centred, and a smaller one only a message with its size.
public enum ScreenRenderer {
    /// Clears the terminal, draws `step` and refreshes.
    ///
    /// Hides the cursor unless the step has a text field, where it sits after the typed text.
    public static func render(step: EnrollmentStep, context: ScreenContext, into terminal: any TerminalDriver) {
        terminal.clear()
        terminal.setCursorVisible(false)
        let size = terminal.size
        if size.fits(.minimum) {
            let canvas = ScreenCanvas(terminal: terminal, size: size)
            let frame = drawContent(of: step, on: canvas, context: context)
            drawFrame(frame, step: step, on: canvas, context: context)
        } else {
            drawTooSmall(size: size, on: terminal, context: context)
        }
        terminal.refresh()
    }

    // MARK: - Frame

    private static func drawContent(of step: EnrollmentStep, on canvas: ScreenCanvas, context: ScreenContext) -> ScreenFrame {
        switch step {
        case .welcome: welcome(canvas, context)
        case .clerkSignIn(let input): clerkSignIn(input, canvas, context)
        case .lookup(let form): lookup(form, canvas, context)
        case .syncConflicts(let notices, let selected): syncConflicts(notices, selected: selected, canvas, context)
        case .chooseCandidate(let candidates, let selected): chooseCandidate(candidates, selected: selected, canvas, context)
        case .confirmPerson(let record): confirmPerson(record, canvas, context)
        case .ineligible(let record, let reason): ineligible(record, reason, canvas, context)
        case .accountProposal(let record, let proposal): accountProposal(record, proposal, canvas, context)
        case .existingAccount(let record, let account, let selected):
            existingAccount(record, account, selected: selected, canvas, context)
        case .confirmReplacement(let record, let account): confirmReplacement(record, account, canvas, context)
        case .replugKey(let stage): replugKey(stage, canvas, context)
        case .resetConsent(let consent): resetConsent(consent, canvas, context)
        case .resetKey(let progress): resetKey(progress, canvas, context)
        case .insertKey(let problem): insertKey(problem, canvas, context)
        case .pin(let prompt): pin(prompt, canvas, context)
        case .touchKey(let purpose): touchKey(purpose, canvas, context)
        case .summary(let content): summary(content, canvas, context)
        case .saved(let content): saved(content, canvas, context)
        case .failed(let reason): failed(reason, canvas, context)
        }
    }

    private static func drawFrame(_ frame: ScreenFrame, step: EnrollmentStep, on canvas: ScreenCanvas, context: ScreenContext) {
        let progress = step.stepNumber > 0
            ? context.text("header.step", String(step.stepNumber), String(EnrollmentStep.stepCount))
            : ""
        canvas.bar(left: context.text("app.name"), right: progress, row: ScreenCanvas.headerRow)
        canvas.put(infoLine(context), row: ScreenCanvas.infoRow, style: .dim)
        canvas.paragraph(frame.title, row: ScreenCanvas.titleRow, style: frame.titleStyle, maxLines: 2)
        canvas.paragraph(frame.instruction, row: ScreenCanvas.instructionRow, maxLines: 2)
        if let seconds = context.idleSecondsLeft {
            canvas.put(context.text("idle.warning", String(seconds)), row: ScreenCanvas.idleRow,
                       style: TextStyle(.bold, color: .yellow))
        }
        if let details = context.keyDetails, step.showsKeyDetails {
            canvas.put(keyDetailsLine(details, context), row: ScreenCanvas.keyDetailsRow, style: .dim)
        }
        let keys = frame.keys + [("F2", context.text("language.other"))]
        let entries = keys.map { "\($0.key) \($0.action)" }
        var footer = entries.joined(separator: "   ")
        if DisplayWidth.columns(of: footer) > ScreenCanvas.width - 2 {
            footer = entries.joined(separator: "  ")
        }
        canvas.bar(left: footer, row: ScreenCanvas.footerRow)
    }

    /// "Schlüssel: YubiKey 5 NFC · Firmware 5.4.3 · 24 Plätze frei", leaving out what the key does not report.
    static func keyDetailsLine(_ details: KeyDetails, _ context: ScreenContext) -> String {
        var parts = [context.text("key.details", details.model)]
        if let firmware = details.firmware { parts.append(context.text("key.firmware", firmware)) }
        if let slots = details.remainingSlots { parts.append(context.text("key.slots", String(slots))) }
        return parts.joined(separator: "  ·  ")
    }

    private static func infoLine(_ context: ScreenContext) -> String {
        var parts = [context.text("header.kiosk", context.kioskID)]
        if let clerk = context.clerkID {
            parts.append(context.text("header.clerk", clerk))
        }
        return parts.joined(separator: "  ·  ")
    }

    /// Shows "Terminal zu klein: mindestens 80x24, jetzt WxH", wrapped and centred.
    private static func drawTooSmall(size: TerminalSize, on terminal: any TerminalDriver, context: ScreenContext) {
        let message = context.text("terminal.tooSmall", TerminalSize.minimum.description, size.description)
        let lines = DisplayWidth.wrapped(message, toColumns: max(1, size.columns))
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (size.columns - DisplayWidth.columns(of: line)) / 2)
            terminal.put(line, row: top + offset, column: column, style: .bold)
        }
    }

    // MARK: - Shared pieces

    /// Footer entry for a key with a localized action.
    static func key(_ name: String, _ actionKey: String, _ context: ScreenContext) -> (key: String, action: String) {
        (name, context.text(actionKey))
    }

    /// Writes a problem message in the problem style, if there is one.
    static func drawProblem(_ message: String?, row: Int, on canvas: ScreenCanvas) {
        guard let message else { return }
        canvas.paragraph(message, row: row, style: .problem, maxLines: 2)
    }

    /// Returns the personnel number with all but the last three digits replaced by "*".
    static func masked(_ personnelNumber: String) -> String {
        let visible = 3
        guard personnelNumber.count > visible else { return personnelNumber }
        return String(repeating: "*", count: personnelNumber.count - visible) + personnelNumber.suffix(visible)
    }
}
