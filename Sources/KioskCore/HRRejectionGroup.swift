/// Rejected rows of an HR export that share one reason, as the check report and the
/// whole-file rejection list them.
struct HRRejectionGroup: Sendable, Equatable {
    /// Order of the groups returned by `groups(_:order:)`.
    enum Order {
        /// By each reason's first line, as the rows appear in the file.
        case firstLine
        /// Most rows first, ties by first line, so the dominant reasons lead.
        case largestFirst
    }

    /// The shared reason. Parts that differ per row are 0: the field count of `tooManyFields`
    /// and the other line of `duplicatePersonnelNumber`. `tooFewFields` keeps its counts, so
    /// rows of different lengths form separate groups.
    let problem: HRRowProblem
    /// The rows with this reason in line order; never empty.
    let rejections: [HRRowRejection]

    /// An English summary of the reason without row-specific parts, for the operator's log.
    var summary: String {
        switch problem {
        case .tooManyFields(let expected, _): "more fields than the header's \(expected) columns"
        case .duplicatePersonnelNumber: "personnelNumber appears more than once"
        default: problem.description
        }
    }

    /// Groups `rejections` by reason.
    static func groups(_ rejections: [HRRowRejection], order: Order) -> [HRRejectionGroup] {
        var keys: [HRRowProblem] = []
        var rowsByKey: [HRRowProblem: [HRRowRejection]] = [:]
        for rejection in rejections {
            let key = groupingKey(rejection.problem)
            if rowsByKey[key] == nil { keys.append(key) }
            rowsByKey[key, default: []].append(rejection)
        }
        let groups = keys.map { HRRejectionGroup(problem: $0, rejections: rowsByKey[$0] ?? []) }
        switch order {
        case .firstLine:
            return groups
        case .largestFirst:
            return groups.sorted {
                $0.rejections.count != $1.rejections.count
                    ? $0.rejections.count > $1.rejections.count
                    : $0.rejections[0].line < $1.rejections[0].line
            }
        }
    }

    private static func groupingKey(_ problem: HRRowProblem) -> HRRowProblem {
        switch problem {
        case .tooManyFields(let expected, _): .tooManyFields(expected: expected, found: 0)
        case .duplicatePersonnelNumber: .duplicatePersonnelNumber(otherLine: 0)
        default: problem
        }
    }
}
