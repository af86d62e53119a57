import Testing

@testable import KioskCore

@Suite struct HRRejectionGroupTests {
    @Test func groupsIgnoreFieldCountsAndOtherLine() {
        let groups = HRRejectionGroup.groups([
            HRRowRejection(line: 2, problem: .tooManyFields(expected: 12, found: 13)),
            HRRowRejection(line: 3, problem: .duplicatePersonnelNumber(otherLine: 4)),
            HRRowRejection(line: 4, problem: .duplicatePersonnelNumber(otherLine: 3)),
            HRRowRejection(line: 5, problem: .tooManyFields(expected: 12, found: 14)),
        ], order: .firstLine)
        #expect(groups.map(\.problem) == [.tooManyFields(expected: 12, found: 0), .duplicatePersonnelNumber(otherLine: 0)])
        #expect(groups.map { $0.rejections.map(\.line) } == [[2, 5], [3, 4]])
    }

    @Test func tooFewColumnsGroupedByCount() {
        let groups = HRRejectionGroup.groups([
            HRRowRejection(line: 2, problem: .tooFewFields(expected: 12, found: 2)),
            HRRowRejection(line: 3, problem: .tooFewFields(expected: 12, found: 5)),
            HRRowRejection(line: 4, problem: .tooFewFields(expected: 12, found: 2)),
        ], order: .firstLine)
        #expect(groups.map { $0.rejections.map(\.line) } == [[2, 4], [3]])
    }

    @Test func largestFirstBreaksTiesByFirstLine() {
        let groups = HRRejectionGroup.groups([
            HRRowRejection(line: 2, problem: .unknownStatus),
            HRRowRejection(line: 3, problem: .exitBeforeEntry),
            HRRowRejection(line: 4, problem: .invalidPersonnelNumber),
            HRRowRejection(line: 5, problem: .invalidPersonnelNumber),
        ], order: .largestFirst)
        #expect(groups.map(\.problem) == [.invalidPersonnelNumber, .unknownStatus, .exitBeforeEntry])
    }

    @Test func summaryHasNoRowSpecificParts() {
        let duplicate = HRRejectionGroup(problem: .duplicatePersonnelNumber(otherLine: 0), rejections: [
            HRRowRejection(line: 2, problem: .duplicatePersonnelNumber(otherLine: 3)),
        ])
        #expect(duplicate.summary == "personnelNumber appears more than once")
    }
}
