import KioskCore

// MARK: - Enrollments the IAM rejected

extension ScreenRenderer {
    /// Notices shown at once; each takes four lines, so three fill rows 8 to 19.
    private static let visibleConflicts = 3
    private static let conflictRows = 4
    /// Column where the values of a notice start, after the widest label and a gap.
    private static let conflictValueColumn = 22
    /// Columns the name keeps beside the time ("DD.MM.YYYY HH:MM UTC" takes 20).
    private static let conflictNameColumns = 52

    /// Lists the rejected enrollments with the case number, time, username, name and reason.
    ///
    /// The list scrolls with the selection, and "Konflikt N von M" shows the position.
    static func syncConflicts(_ notices: [SyncConflictNotice], selected: Int, _ canvas: ScreenCanvas,
                              _ context: ScreenContext) -> ScreenFrame {
        let top = ScreenCanvas.contentTop
        let first = max(0, min(selected - visibleConflicts / 2, notices.count - visibleConflicts))
        for (offset, index) in (first..<min(notices.count, first + visibleConflicts)).enumerated() {
            drawConflict(notices[index], isSelected: index == selected, row: top + offset * conflictRows, canvas, context)
        }
        if !notices.isEmpty {
            canvas.put(context.text("conflicts.position", String(selected + 1), String(notices.count)),
                       row: top + visibleConflicts * conflictRows, style: .dim)
        }
        return ScreenFrame(
            title: context.text("conflicts.title", String(notices.count)),
            titleStyle: .problem,
            instruction: context.text("conflicts.instruction"),
            keys: [key("↑↓", "action.select", context), key("Enter", "action.toSearch", context)])
    }

    /// Four lines: marker, name and time (bold, or reverse when selected); reason; username; case number.
    private static func drawConflict(_ notice: SyncConflictNotice, isSelected: Bool, row: Int, _ canvas: ScreenCanvas,
                                     _ context: ScreenContext) {
        let name = DisplayWidth.padded(DisplayWidth.truncated(notice.displayName, toColumns: conflictNameColumns),
                                       toColumns: conflictNameColumns)
        canvas.put((isSelected ? "> " : "  ") + name + "  " + notice.enrolledAtText, row: row,
                   style: isSelected ? .reverse : .bold)
        let lines = [("conflicts.reason", reasonText(notice.reason, context)),
                     ("conflicts.username", notice.username),
                     ("conflicts.enrollmentID", notice.enrollmentID)]
        for (offset, line) in lines.enumerated() {
            canvas.put("    " + context.text(line.0), row: row + 1 + offset)
            canvas.put(line.1, row: row + 1 + offset, column: conflictValueColumn)
        }
    }

    /// Returns the reason in plain words: a taken username, an account the IAM already has, a
    /// missing account for an extra key, or a rejection with its HTTP status.
    static func reasonText(_ reason: SyncConflictNotice.Reason, _ context: ScreenContext) -> String {
        switch reason {
        case .usernameTaken: context.text("conflicts.reason.usernameTaken")
        case .rejected(let status): context.text("conflicts.reason.rejected", String(status))
        case .personHasOtherAccount: context.text("conflicts.reason.otherAccount")
        case .noAccountForKey: context.text("conflicts.reason.noAccount")
        }
    }
}
