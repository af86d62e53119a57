import Foundation

/// Output of a successful import.
public struct HRImportResult: Sendable {
    /// Readable rows in file order.
    public var records: [HRRecord]
    /// Rows that were skipped, in line order, each with its reason.
    public var rejectedRows: [HRRowRejection]
    /// The encoding the file was read in: `.utf8` or `.windows1252`, never `.auto`.
    public var encoding: HREncoding
}

/// Reads the nightly HR export (semicolon CSV with a header row) into `HRRecord`s.
///
/// A row that cannot be read is reported with its line number and skipped; the rest still load.
/// The file is rejected as a whole when it cannot be decoded, uses another separator, lacks a
/// required column, or more than half of its data rows are unreadable. In those cases the
/// configuration or the export itself is wrong, and a partial dataset would mislead the clerk.
public struct HRImporter: Sendable {
    /// Share of unreadable data rows above which the whole file is rejected.
    public static let maxBadRowShare = 0.5
    /// Number of rejected rows quoted in `HRImportError.tooManyBadRows`.
    static let exampleCount = 3
    /// Number of rejected rows logged individually.
    static let loggedRejectionCount = 20

    private let config: KioskConfig
    private let logger: Logger

    /// Creates an importer for the column names and encoding in `config`.
    /// - Parameter logger: receives counts only, never row contents.
    public init(_ config: KioskConfig, logger: Logger = .disabled) {
        self.config = config
        self.logger = logger
    }

    /// Reads and imports the file at `path`.
    /// - Throws: `HRImportError` when the file is unreadable or rejected as a whole.
    public func load(path: String) throws(HRImportError) -> HRImportResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try importExport([UInt8](data))
    }

    /// Imports an export already in memory; `load(path:)` without the file access.
    /// - Throws: `HRImportError` when the bytes are rejected as a whole.
    public func importExport(_ bytes: [UInt8]) throws(HRImportError) -> HRImportResult {
        let (text, encoding) = try HRExportDecoder.decode(bytes, as: config.hrEncoding)
        let csvRecords: [CSVRecord]
        do {
            csvRecords = try SemicolonCSV.records(in: text)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
        // Blank lines, and lines with only separators and spaces, are padding and not data rows.
        let rows = csvRecords.filter { !$0.fields.allSatisfy { $0.trimmingSpaces().isEmpty } }
        guard let header = rows.first else { throw .empty }
        let columns = try HRColumnMap(header: header.fields, config: config)

        let dataRows = rows.dropFirst()
        guard !dataRows.isEmpty else { throw .noDataRows }
        var rowReader = HRRowReader(columns: columns)
        for row in dataRows {
            rowReader.read(row)
        }
        let (records, rejected) = rowReader.finish()

        if Double(rejected.count) > Double(dataRows.count) * Self.maxBadRowShare {
            throw .tooManyBadRows(bad: rejected.count, total: dataRows.count, examples: Array(rejected.prefix(Self.exampleCount)))
        }
        logger.info("HR export imported", [
            "rows": "\(dataRows.count)", "rejected": "\(rejected.count)", "encoding": encoding.rawValue,
        ])
        // Only the first rejections are logged one by one, so a bad night does not flood the log.
        for rejection in rejected.prefix(Self.loggedRejectionCount) {
            logger.warning("HR export row skipped", ["line": "\(rejection.line)", "reason": "\(rejection.problem)"])
        }
        return HRImportResult(records: records, rejectedRows: rejected, encoding: encoding)
    }
}
