import Testing

@testable import KioskCore

private let today = CivilDate(year: 2026, month: 11, day: 30)!

private func person(
    status: EmploymentStatus = .active, entry: CivilDate? = CivilDate(year: 2010, month: 1, day: 1),
    exit: CivilDate? = nil, account: String? = nil, group: String = "gewerblich-technisch"
) -> HRRecord {
    HRRecord(
        personnelNumber: "12345678", surname: "Kaya", givenName: "Ali", birthDate: CivilDate(year: 1980, month: 1, day: 1)!,
        employeeGroup: group, status: status, entryDate: entry, exitDate: exit, account: account)
}

@Suite struct EligibilityTests {
    @Test func activeWithoutAccountIsEligible() {
        #expect(Eligibility.check(person(), today: today, config: KioskConfig()) == nil)
    }

    @Test func onLeaveIsEligibleByDefault() {
        #expect(Eligibility.check(person(status: .onLeave), today: today, config: KioskConfig()) == nil)
    }

    @Test(arguments: [EmploymentStatus.left, .pensioner])
    func statusOutsideConfigIsIneligible(status: EmploymentStatus) {
        #expect(Eligibility.check(person(status: status), today: today, config: KioskConfig()) == .status(status))
    }

    @Test func pensionerEligibleWhenConfigured() {
        var config = KioskConfig()
        config.eligibleStatuses = [.active, .pensioner]
        #expect(Eligibility.check(person(status: .pensioner), today: today, config: config) == nil)
        #expect(Eligibility.check(person(status: .onLeave), today: today, config: config) == .status(.onLeave))
    }

    @Test func existingAccountIsReported() {
        let result = Eligibility.check(person(account: "ali.kaya"), today: today, config: KioskConfig())
        #expect(result == .hasAccount(username: "ali.kaya"))
    }

    @Test func exitTodayOrEarlierMeansExited() {
        #expect(Eligibility.check(person(exit: today), today: today, config: KioskConfig()) == .exited(on: today))
        let past = CivilDate(year: 2026, month: 6, day: 30)!
        #expect(Eligibility.check(person(exit: past), today: today, config: KioskConfig()) == .exited(on: past))
    }

    @Test func exitTomorrowIsStillEligible() {
        let tomorrow = CivilDate(year: 2026, month: 12, day: 1)!
        #expect(Eligibility.check(person(exit: tomorrow), today: today, config: KioskConfig()) == nil)
    }

    @Test func entryInFutureMeansNotYetStarted() {
        let start = CivilDate(year: 2026, month: 12, day: 1)!
        #expect(Eligibility.check(person(entry: start), today: today, config: KioskConfig()) == .notYetStarted(on: start))
        #expect(Eligibility.check(person(entry: today), today: today, config: KioskConfig()) == nil)
    }

    @Test func exitedWithStaleAccountReportsExitNotAccount() {
        let past = CivilDate(year: 2025, month: 3, day: 31)!
        let result = Eligibility.check(person(exit: past, account: "ali.kaya"), today: today, config: KioskConfig())
        #expect(result == .exited(on: past))
    }

    @Test func missingDatesAreNoObstacle() {
        #expect(Eligibility.check(person(entry: nil, exit: nil), today: today, config: KioskConfig()) == nil)
    }

    @Test func everyGroupEligibleWhenListEmpty() {
        #expect(Eligibility.check(person(group: "Verwaltung"), today: today, config: KioskConfig()) == nil)
    }

    @Test func groupOutsideListIsIneligible() {
        var config = KioskConfig()
        config.eligibleEmployeeGroups = ["gewerblich-technisch", "erziehung"]
        #expect(Eligibility.check(person(group: "Gewerblich-Technisch"), today: today, config: config) == nil)
        #expect(Eligibility.check(person(group: "Verwaltung"), today: today, config: config) == .employeeGroup("Verwaltung"))
        #expect(Eligibility.check(person(group: ""), today: today, config: config) == .employeeGroup(""))
    }

    @Test func statusIsCheckedBeforeGroup() {
        var config = KioskConfig()
        config.eligibleEmployeeGroups = ["erziehung"]
        #expect(Eligibility.check(person(status: .left, group: "Verwaltung"), today: today, config: config) == .status(.left))
    }
}
