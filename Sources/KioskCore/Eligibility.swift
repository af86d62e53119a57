/// Decides whether a person from the HR export may get a new account at the kiosk.
public enum Eligibility {
    /// Returns the reason the person cannot get a new account, or `nil` when they can.
    ///
    /// Checks run in this order: status (must be in `eligibleStatuses`), employee group (must be
    /// in `eligibleEmployeeGroups` unless that set is empty; compared ignoring case), exit date
    /// (today or earlier means the person has left), entry date (after today means not started
    /// yet), existing account. The account check comes last so that `.hasAccount` always means an
    /// otherwise eligible person, to whom the flow can offer an additional or replacement key.
    /// - Parameter today: the kiosk's current civil date, passed in so the rule needs no clock.
    public static func check(_ record: HRRecord, today: CivilDate, config: KioskConfig) -> IneligibleReason? {
        guard config.eligibleStatuses.contains(record.status) else { return .status(record.status) }
        if !config.eligibleEmployeeGroups.isEmpty, !config.eligibleEmployeeGroups.contains(record.employeeGroup.lowercased()) {
            return .employeeGroup(record.employeeGroup)
        }
        if let exit = record.exitDate, exit <= today { return .exited(on: exit) }
        if let entry = record.entryDate, entry > today { return .notYetStarted(on: entry) }
        if let account = record.account, !account.isEmpty { return .hasAccount(username: account) }
        return nil
    }
}
