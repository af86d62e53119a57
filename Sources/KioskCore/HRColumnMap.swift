import Foundation

/// Positions of the configured columns in an HR export's header.
struct HRColumnMap: Sendable {
    /// Field index of each column found in the header; optional columns may be absent.
    let index: [HRColumn: Int]
    /// Number of columns in the header, not counting an empty column after a trailing `;`.
    let headerCount: Int
    /// Number of fields a row needs to reach its last required column.
    let requiredFieldCount: Int

    /// Locates the configured column names in `header`, comparing case-insensitively after
    /// trimming spaces.
    /// - Throws: `.wrongSeparator` when the header has a single field, `.missingColumn` for an
    ///   absent required column, `.duplicateColumn` when a configured name appears twice.
    init(header: [String], config: KioskConfig) throws(HRImportError) {
        var names = header.map { $0.trimmingSpaces().replacingOccurrences(of: "\u{FEFF}", with: "") }
        if names.count > 1, names.last == "" { names.removeLast() }
        if names.count == 1 { throw .wrongSeparator(likelySeparator: Self.likelySeparator(in: names[0])) }

        var index: [HRColumn: Int] = [:]
        for column in HRColumn.allCases {
            let wanted = config.hrColumns[column.rawValue] ?? HRColumn.defaultNames[column.rawValue] ?? column.rawValue
            let positions = names.indices.filter { names[$0].caseInsensitiveCompare(wanted) == .orderedSame }
            if positions.count > 1 { throw .duplicateColumn(header: wanted) }
            if let position = positions.first {
                index[column] = position
            } else if column.isRequired {
                throw .missingColumn(header: wanted, configKey: ConfigKeys.columnKey(column))
            }
        }
        self.index = index
        headerCount = names.count
        requiredFieldCount = index.filter { $0.key.isRequired }.map { $0.value + 1 }.max() ?? 0
    }

    private static func likelySeparator(in header: String) -> String? {
        if header.contains("\t") { return "\t" }
        if header.contains(",") { return "," }
        return nil
    }
}
