import KioskCore

// MARK: - Welcome, clerk sign-in and lookup

extension ScreenRenderer {
    /// Column where the text fields of the sign-in and lookup forms start.
    private static let fieldColumn = 34
    private static let fieldWidth = 30

    static func welcome(_ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let row = canvas.paragraph(context.text("welcome.body"), row: ScreenCanvas.contentTop, maxLines: 6)
        let languageRow = row + 2
        canvas.put(context.text("welcome.languageLabel"), row: languageRow)
        var column = 26
        for language in Language.allCases {
            let name = " " + context.localizer.text("language.name." + language.rawValue) + " "
            let isCurrent = language == context.language
            canvas.put(name, row: languageRow, column: column, style: isCurrent ? .reverse : .plain)
            column += DisplayWidth.columns(of: name) + 2
        }
        canvas.put(context.text("welcome.languageHint"), row: languageRow + 1, column: 26, style: .dim)
        return ScreenFrame(
            title: context.text("welcome.title"),
            instruction: context.text("welcome.instruction"),
            keys: [key("Enter", "action.start", context)])
    }

    static func clerkSignIn(_ input: LineInput, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.paragraph(context.text("clerk.body"), row: top, style: .dim)
        canvas.put("> " + context.text("clerk.field"), row: top + 2)
        let cursor = canvas.field(input.text, row: top + 2, column: fieldColumn, width: fieldWidth, isFocused: true)
        drawProblem(input.problem.map { UserMessages.inputProblem($0, context.localizer) }, row: top + 4, on: canvas)
        canvas.showCursor(row: top + 2, column: cursor)
        return ScreenFrame(
            title: context.text("clerk.title"),
            instruction: context.text("clerk.instruction"),
            keys: [key("Enter", "action.next", context), key("Esc", "action.cancel", context)])
    }

    static func lookup(_ form: LookupForm, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        drawModeChoice(form.mode, row: top, canvas, context)
        var row = top + 2
        var cursor = (row: row, column: fieldColumn + 1)
        for field in form.fields {
            let isFocused = field == form.focus
            let marker = isFocused ? "> " : "  "
            canvas.put(marker + label(of: field, context), row: row)
            let end = canvas.field(value(of: field, in: form), row: row, column: fieldColumn,
                                   width: fieldWidth, isFocused: isFocused)
            if isFocused { cursor = (row, end) }
            row += 2
        }
        drawProblem(form.problem.map { UserMessages.inputProblem($0, context.localizer) }, row: row, on: canvas)
        canvas.showCursor(row: cursor.row, column: cursor.column)
        return ScreenFrame(
            title: context.text("lookup.title"),
            instruction: context.text(form.mode == .personnelNumber ? "lookup.instruction.number" : "lookup.instruction.name"),
            keys: lookupKeys(context))
    }

    /// Returns the lookup's footer keys. With rejected enrollments F4 takes the place of Tab, which the
    /// footer has no room for; Enter moves to the next field as well.
    private static func lookupKeys(_ context: ScreenContext) -> [(key: String, action: String)] {
        let last = [key("F3", "action.switchSearch", context), key("Esc", "action.back", context)]
        guard context.syncConflictCount > 0 else {
            return [key("Enter", "action.search", context), key("Tab", "action.nextField", context)] + last
        }
        return [key("Enter", "action.search", context)] + last + [key("F4", "action.conflicts", context)]
    }

    /// "Suche nach  [Personalnummer]  Name" with the current mode in reverse video.
    private static func drawModeChoice(_ mode: LookupForm.Mode, row: Int, _ canvas: ScreenCanvas, _ context: ScreenContext) {
        canvas.put(context.text("lookup.modeLabel"), row: row)
        var column = fieldColumn
        for (candidate, textKey) in [(LookupForm.Mode.personnelNumber, "lookup.mode.number"), (.name, "lookup.mode.name")] {
            let isCurrent = candidate == mode
            let name = (isCurrent ? "[" : " ") + context.text(textKey) + (isCurrent ? "]" : " ")
            canvas.put(name, row: row, column: column, style: isCurrent ? .reverse : .plain)
            column += DisplayWidth.columns(of: name) + 2
        }
    }

    private static func label(of field: LookupForm.Field, _ context: ScreenContext) -> String {
        switch field {
        case .personnelNumber: context.text("lookup.field.personnelNumber")
        case .surname: context.text("lookup.field.surname")
        case .givenName: context.text("lookup.field.givenName")
        case .birthDate: context.text("lookup.field.birthDate") + " (" + context.text("lookup.dateFormat") + ")"
        }
    }

    private static func value(of field: LookupForm.Field, in form: LookupForm) -> String {
        switch field {
        case .personnelNumber: form.personnelNumber
        case .surname: form.surname
        case .givenName: form.givenName
        case .birthDate: form.birthDate
        }
    }
}
