// MARK: - Sync conflicts

extension EnrollmentFlow {
    /// Shows the rejected enrollments after the clerk signs in, or the lookup when there are none.
    ///
    /// Only the sign-in shows the list by itself, so a clerk sees it once per sign-in and not
    /// before every person. F4 on the lookup screen opens it again.
    func showConflictsOrStart() -> [FlowEffect] {
        let notices = environment.syncConflicts()
        guard !notices.isEmpty else { return start() }
        step = .syncConflicts(notices, selected: 0)
        return [.log(.info, "sync conflicts shown", ["count": String(notices.count)])]
    }

    /// Opens the list from the lookup screen, keeping `form` for the way back.
    /// - Returns: nil when there is nothing to show, so the lookup stays as it is.
    func showConflicts(returningTo form: LookupForm) -> [FlowEffect]? {
        let notices = environment.syncConflicts()
        guard !notices.isEmpty else { return nil }
        lastForm = form
        step = .syncConflicts(notices, selected: 0)
        return [.log(.info, "sync conflicts shown", ["count": String(notices.count)])]
    }

    /// Moves the selection with the arrows, and goes on to the lookup on Enter or Escape.
    func handleConflictInput(_ notices: [SyncConflictNotice], _ selected: Int, _ input: UserInput) -> [FlowEffect] {
        switch input {
        case .up:
            step = .syncConflicts(notices, selected: max(0, selected - 1))
        case .down:
            step = .syncConflicts(notices, selected: min(notices.count - 1, selected + 1))
        case .enter, .escape:
            guard session != nil else { return start() }
            step = .lookup(lastForm ?? LookupForm())
        default:
            break
        }
        return []
    }
}
