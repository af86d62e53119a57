import Foundation

/// Output of a successful import.
public struct HRImportResult: Sendable {
    /// Readable rows in file order.
    public var records: [HRRecord]
    /// Rows that were skipped, in line order, each with its reason.
    public var rejectedRows: [HRRowRejection]
    /// The encoding the file was read in: `.utf8` or `.windows1252`, never `.auto`.
    public var encoding: HREncoding
    /// Number of data rows in the file: records plus rejected rows, without the header and
    /// blank lines.
    public var dataRowCount: Int
}

/// Reads the nightly HR export (semicolon CSV with a header row) into `HRRecord`s.
///
/// A row that cannot be read is reported with its line number and skipped; the rest still load.
/// The file is rejected as a whole when it cannot be decoded, mixes encodings, uses another
/// separator, lacks a required column, or more than half of its data rows are rejected. In
/// those cases the configuration or the export itself is wrong, and a partial dataset would
/// mislead the clerk. Rows are converted one at a time as the parser completes them, so only
/// the file's bytes and the resulting records are in memory, never all raw rows.
public struct HRImporter: Sendable {
    /// Share of rejected data rows (any reason, duplicates included) above which the whole file
    /// is rejected.
    public static let maxBadRowShare = 0.5
    /// `maxBadRowShare` in percent, as the messages state it.
    public static var maxBadRowPercent: Int { Int((maxBadRowShare * 100).rounded()) }
    /// Number of rejected rows logged individually.
    static let loggedRejectionCount = 20
    /// Data rows between two progress reports.
    static let progressInterval = 5_000

    private let config: KioskConfig
    private let logger: Logger

    /// Creates an importer for the column names and encoding in `config`.
    /// - Parameter logger: receives counts only, never row contents.
    public init(_ config: KioskConfig, logger: Logger = .disabled) {
        self.config = config
        self.logger = logger
    }

    /// Reads and imports the file at `path`.
    /// - Parameter progress: called every few thousand rows with the bytes parsed so far and
    ///   the size of the text; `nil` for no reports.
    /// - Throws: `HRImportError` when the file is unreadable or rejected as a whole.
    public func load(path: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(HRImportError) -> HRImportResult {
        try importExport(try Self.readFile(path), progress: progress)
    }

    /// Imports an export already in memory; `load(path:progress:)` without the file access.
    /// - Throws: `HRImportError` when the bytes are rejected as a whole.
    public func importExport(_ bytes: [UInt8], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(HRImportError) -> HRImportResult {
        let (text, encoding) = try HRExportDecoder.decode(bytes, as: config.hrEncoding)
        var rows = RowSink(config: config)
        do {
            try SemicolonCSV.forEachRecord(in: text) { record, offset in
                rows.take(record)
                if let progress, rows.dataRowCount % Self.progressInterval == 0, rows.dataRowCount > 0 {
                    progress(offset, text.count)
                }
            }
        } catch {
            // A broken header explains more than a quote problem further down.
            if let headerError = rows.headerError { throw headerError }
            switch error {
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
        progress?(text.count, text.count)
        let (records, rejected) = try rows.finish()

        if Double(rejected.count) > Double(rows.dataRowCount) * Self.maxBadRowShare {
            throw .tooManyBadRows(total: rows.dataRowCount, rejections: rejected)
        }
        logger.info("HR export imported", [
            "rows": "\(rows.dataRowCount)", "rejected": "\(rejected.count)", "encoding": encoding.rawValue,
        ])
        // Only the first rejections are logged one by one, so a bad night does not flood the log.
        for rejection in rejected.prefix(Self.loggedRejectionCount) {
            logger.warning("HR export row skipped", ["line": "\(rejection.line)", "reason": "\(rejection.problem)"])
        }
        return HRImportResult(records: records, rejectedRows: rejected, encoding: encoding, dataRowCount: rows.dataRowCount)
    }
}

extension HRImporter {
    /// Reads a whole file into one byte array, without the intermediate `Data` copy that would
    /// double the peak memory for a large export.
    static func readFile(_ path: String) throws(HRImportError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }

        let size = Int(status.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = read(descriptor, base + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    failure = got < 0 ? errno : 0
                    break
                }
                count += got
            }
        }
        if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }
}

/// Receives CSV records one by one: the first non-blank one as the header, the rest as rows.
private struct RowSink {
    let config: KioskConfig
    var reader: HRRowReader?
    var headerError: HRImportError?
    var dataRowCount = 0

    init(config: KioskConfig) { self.config = config }

    mutating func take(_ record: CSVRecord) {
        // Blank lines, and lines with only separators and spaces, are padding and not data rows.
        guard headerError == nil, !record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) else { return }
        guard reader != nil else {
            do {
                reader = HRRowReader(columns: try HRColumnMap(header: record.fields, config: config))
            } catch {
                headerError = error
            }
            return
        }
        dataRowCount += 1
        reader?.read(record)
    }

    mutating func finish() throws(HRImportError) -> ([HRRecord], [HRRowRejection]) {
        if let headerError { throw headerError }
        guard var reader else { throw .empty }
        guard dataRowCount > 0 else { throw .noDataRows }
        return reader.finish()
    }
}
