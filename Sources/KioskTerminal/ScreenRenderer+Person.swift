import KioskCore

// MARK: - Choosing and confirming the person, eligibility and account

extension ScreenRenderer {
    /// Widths of the candidate table columns; with the marker and gaps they add up to 76.
    private static let candidateColumns = (name: 22, birthDate: 10, unit: 27, number: 9)
    /// Rows of the candidate table shown at once; longer lists scroll with the selection.
    private static let visibleCandidates = 8

    static func chooseCandidate(_ candidates: [HRRecord], selected: Int, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.paragraph(context.text("choose.body", String(candidates.count)), row: top, maxLines: 2)
        let header = candidateRow(
            name: context.text("choose.column.name"), birthDate: context.text("choose.column.birthDate"),
            unit: context.text("choose.column.unit"), number: context.text("choose.column.number"))
        canvas.put("  " + header, row: top + 3, style: TextStyle(.underline))
        let first = max(0, min(selected - visibleCandidates / 2, candidates.count - visibleCandidates))
        for (offset, index) in (first..<min(candidates.count, first + visibleCandidates)).enumerated() {
            let record = candidates[index]
            let row = candidateRow(
                name: record.displayName, birthDate: record.birthDate.german,
                unit: unitText(record), number: masked(record.personnelNumber))
            let isSelected = index == selected
            canvas.put((isSelected ? "> " : "  ") + row, row: top + 4 + offset, style: isSelected ? .reverse : .plain)
        }
        if !candidates.isEmpty {
            canvas.put(context.text("choose.position", String(selected + 1), String(candidates.count)),
                       row: top + 4 + visibleCandidates, style: .dim)
        }
        return ScreenFrame(
            title: context.text("choose.title"),
            instruction: context.text("choose.instruction"),
            keys: [key("↑↓", "action.select", context), key("Enter", "action.next", context),
                   key("Esc", "action.back", context)])
    }

    static func confirmPerson(_ record: HRRecord, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.labeled(context.text("person.name"), record.displayName, row: top)
        canvas.labeled(context.text("person.birthDate"), record.birthDate.german, row: top + 1)
        canvas.labeled(context.text("person.department"), record.department, row: top + 2, style: .plain)
        canvas.labeled(context.text("person.orgUnit"), record.orgUnit, row: top + 3, style: .plain)
        canvas.labeled(context.text("person.personnelNumber"), masked(record.personnelNumber), row: top + 4, style: .plain)
        canvas.paragraph(context.text("confirm.question"), row: top + 7, style: .bold, maxLines: 2)
        return ScreenFrame(
            title: context.text("confirm.title"),
            instruction: context.text("confirm.instruction"),
            keys: [key("Enter", "action.idChecked", context), key("Esc", "action.notMatching", context)])
    }

    static func ineligible(_ record: HRRecord, _ reason: IneligibleReason, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        let name = DisplayWidth.truncated(record.displayName, toColumns: 40)
        let row = canvas.paragraph(UserMessages.ineligible(reason, name: name, context.localizer), row: top, style: .bold)
        let helpKey = if case .hasAccount = reason { "ineligible.help.account" } else { "ineligible.help.hr" }
        canvas.paragraph(context.text(helpKey), row: row + 1)
        return ScreenFrame(
            title: context.text("ineligible.title"),
            instruction: context.text("ineligible.instruction"),
            keys: [key("Esc", "action.backToSearch", context)])
    }

    static func accountProposal(_ record: HRRecord, _ proposal: AccountProposal, _ canvas: ScreenCanvas, _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        canvas.labeled(context.text("person.name"), proposal.displayName, row: top)
        canvas.labeled(context.text("account.username"), proposal.username, row: top + 2)
        canvas.labeled(context.text("account.email"), proposal.email, row: top + 3)
        canvas.paragraph(context.text("account.note"), row: top + 6)
        return ScreenFrame(
            title: context.text("account.title"),
            instruction: context.text("account.instruction"),
            keys: [key("Enter", "action.accept", context), key("Esc", "action.back", context)])
    }

    private static func candidateRow(name: String, birthDate: String, unit: String, number: String) -> String {
        let widths = candidateColumns
        return [DisplayWidth.padded(name, toColumns: widths.name),
                DisplayWidth.padded(birthDate, toColumns: widths.birthDate),
                DisplayWidth.padded(unit, toColumns: widths.unit),
                DisplayWidth.padded(number, toColumns: widths.number)].joined(separator: "  ")
    }

    /// "Referat / Organisationseinheit", or whichever of the two is present.
    private static func unitText(_ record: HRRecord) -> String {
        [record.department, record.orgUnit].filter { !$0.isEmpty }.joined(separator: " / ")
    }
}
