import Foundation

/// Runs one lookup straight on the HR export file, reading it in chunks without loading
/// it, for one-shot use from the command line.
///
/// The kiosk itself loads the export once with `HRImporter` and keeps an `IdentityIndex`. A
/// single lookup needs far less: only rows with the query's birth date can match, so every other
/// row is split but never turned into strings or records. The answer equals the index lookup on
/// the imported file: same encoding rules (mixed encodings, UTF-8 with a Windows-1252 setting),
/// same header checks, same row validation, duplicate personnel numbers dropped, same ranking
/// and cap. One check is left out: the file is not rejected when more than half of its rows are
/// unreadable, because that would need every row validated.
public struct HRFileSearch: Sendable {
    /// Bytes read per chunk; memory use stays near this size whatever the file's size.
    public static let chunkSize = 1 << 18

    private let config: KioskConfig
    private let readSize: Int

    /// Creates a search with the column names, encoding and rules in `config`.
    /// - Parameter readSize: bytes per read; tests pass small sizes to cut records at every byte.
    public init(_ config: KioskConfig, readSize: Int = HRFileSearch.chunkSize) {
        self.config = config
        self.readSize = max(1, readSize)
    }

    /// Runs `query` against the export at `path`.
    /// - Returns: `.found` with at most `limit` records, best first, or `.tooManyMatches`.
    /// - Throws: `HRImportError` when the file cannot be read or would be rejected as a whole.
    public func search(path: String, query: LookupQuery, limit: Int = IdentityIndex.maxCandidates) throws(HRImportError) -> LookupOutcome {
        let birthDate: CivilDate
        switch query {
        case .personnelNumber(_, let date), .name(_, _, let date): birthDate = date
        }
        var scan = FileScan(config: config, birthDate: birthDate, readSize: readSize)
        try scan.scan(path: path)
        let records = try scan.candidateRecords()
        return IdentityIndex(records: records).search(query, limit: limit)
    }
}

/// The state of one pass over the file for `HRFileSearch`: encoding census, header and the rows kept.
struct FileScan {
    let config: KioskConfig
    let birthDate: CivilDate
    var census = UTF8Census()
    var hasByteOrderMark = false
    var columns: HRColumnMap?
    /// Field positions of the personnel number and the birth date, looked up once.
    var numberIndex = -1
    var birthDateIndex = -1
    var headerError: HRImportError?
    /// Raw fields of rows with the query's birth date, and the line each starts on.
    var candidates: [(line: Int, fields: [[UInt8]])] = []
    /// Personnel numbers of all rows, to drop candidates whose number appears twice.
    var personnelNumbers: [Int32] = []
    var dataRowCount = 0

    let readSize: Int

    init(config: KioskConfig, birthDate: CivilDate, readSize: Int) {
        self.config = config
        self.birthDate = birthDate
        self.readSize = readSize
    }

    mutating func scan(path: String) throws(HRImportError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var scanner = CSVScanner()
        var buffer = [UInt8](repeating: 0, count: readSize)
        var isFirst = true
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            guard count > 0 else { break }
            try buffer.withUnsafeBufferPointer { (whole) throws(HRImportError) in
                var chunk = UnsafeBufferPointer(rebasing: whole[0..<count])
                if isFirst { chunk = try skipByteOrderMark(chunk) }
                census.feed(chunk)
                feed(chunk, to: &scanner)
            }
            isFirst = false
        }
        census.finish()
        do {
            try scanner.finish { take($0) }
        } catch {
            if let headerError { throw headerError }
            switch error {
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
    }

    /// Splits one chunk: runs of complete lines without a quote go the fast way, the rest
    /// through the scanner one line at a time, so a quoted field spanning lines stays intact.
    private mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, to scanner: inout CSVScanner) {
        var position = 0
        while position < chunk.count {
            if columns != nil, scanner.isAtRecordStart {
                let end = Self.quoteFreeLinesEnd(chunk, from: position)
                if end > position {
                    takeLines(UnsafeBufferPointer(rebasing: chunk[position..<end]), scanner: &scanner)
                    position = end
                    continue
                }
            }
            let lineEnd = Self.index(of: Self.lineFeed, in: chunk, from: position).map { $0 + 1 } ?? chunk.count
            scanner.feed(UnsafeBufferPointer(rebasing: chunk[position..<lineEnd])) { take($0) }
            position = lineEnd
        }
    }

    /// Throws for a UTF-16 file and drops a UTF-8 byte order mark. Assumes the first chunk has
    /// at least three bytes whenever the file does, which holds for a regular file read with a
    /// read size of three or more.
    private mutating func skipByteOrderMark(_ chunk: UnsafeBufferPointer<UInt8>) throws(HRImportError) -> UnsafeBufferPointer<UInt8> {
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { throw .utf16File }
        guard chunk.starts(with: [0xEF, 0xBB, 0xBF]) else { return chunk }
        hasByteOrderMark = true
        return UnsafeBufferPointer(rebasing: chunk[3...])
    }

    // MARK: - Rows

    mutating func take(_ record: CSVRawRecord) {
        guard headerError == nil, !Self.isBlank(record) else { return }
        guard columns != nil else {
            do {
                let map = try HRColumnMap(header: record.strings(), config: config)
                columns = map
                numberIndex = map.index[.personnelNumber] ?? -1
                birthDateIndex = map.index[.birthDate] ?? -1
            } catch {
                headerError = error
            }
            return
        }
        dataRowCount += 1
        if let number = Self.personnelNumber(record.field(numberIndex)) {
            personnelNumbers.append(number)
        }
        guard Self.field(record.field(birthDateIndex), equals: birthDate) else { return }
        candidates.append((record.line, (0..<record.count).map { Array(record.field($0)) }))
    }

    /// Decodes the candidate rows in the file's encoding and converts the readable ones.
    func candidateRecords() throws(HRImportError) -> [HRRecord] {
        if let headerError { throw headerError }
        guard let columns else { throw .empty }
        guard dataRowCount > 0 else { throw .noDataRows }
        let encoding = try HRExportDecoder.chooseEncoding(
            config.hrEncoding, hasByteOrderMark: hasByteOrderMark, firstInvalidLine: census.firstInvalidLine,
            firstMultibyteLine: census.firstMultibyteLine, hasNonASCII: census.hasNonASCII)

        var counts: [Int32: Int] = [:]
        let reader = HRRowReader(columns: columns)
        var records: [HRRecord] = []
        for candidate in candidates {
            let fields = candidate.fields.map { encoding == .windows1252 ? Windows1252.decode($0) : String(decoding: $0, as: UTF8.self) }
            guard case .success(let record) = reader.record(from: fields) else { continue }
            if counts.isEmpty { counts = Self.duplicateCounts(personnelNumbers) }
            guard let number = Int32(record.personnelNumber), counts[number, default: 0] < 2 else { continue }
            records.append(record)
        }
        return records
    }

    /// Counts of each personnel number that appears more than once.
    private static func duplicateCounts(_ numbers: [Int32]) -> [Int32: Int] {
        var counts: [Int32: Int] = [Int32.min: 0]
        let sorted = numbers.sorted()
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count && sorted[end] == sorted[index] { end += 1 }
            if end - index > 1 { counts[sorted[index]] = end - index }
            index = end
        }
        return counts
    }

    // MARK: - Field bytes

    private static func isBlank(_ record: CSVRawRecord) -> Bool {
        // Space, tab and no-break space (0xA0, in UTF-8 preceded by 0xC2).
        record.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0xA0 || $0 == 0xC2 }
    }

    /// Returns the number in an 8-digit field (spaces around it allowed), or `nil`.
    static func personnelNumber<Bytes: BidirectionalCollection<UInt8>>(_ field: Bytes) -> Int32? {
        let digits = trimmed(field)
        guard digits.count == 8 else { return nil }
        var value: Int32 = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int32(byte - 0x30)
        }
        return value
    }

    /// Returns `true` when the field is `date` in a form `CivilDate(german:)` accepts
    /// (`D.M.YYYY`, leading zeros optional). Plain digits and dots are compared on bytes because
    /// this runs for every row; anything else goes through `CivilDate(german:)` itself.
    static func field<Bytes: BidirectionalCollection<UInt8>>(_ field: Bytes, equals date: CivilDate) -> Bool {
        var values = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for byte in trimmed(field) {
            if byte == UInt8(ascii: ".") {
                part += 1
                guard part < 3 else { return false }
            } else if (0x30...0x39).contains(byte) {
                let digit = Int(byte - 0x30)
                switch part {
                case 0: values.0 = values.0 * 10 + digit; digits.0 += 1
                case 1: values.1 = values.1 * 10 + digit; digits.1 += 1
                default: values.2 = values.2 * 10 + digit; digits.2 += 1
                }
            } else {
                return CivilDate(german: String(decoding: field, as: UTF8.self)) == date
            }
        }
        guard part == 2, (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return false }
        return values == (date.day, date.month, date.year)
    }

    private static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ field: Bytes) -> Bytes.SubSequence {
        var slice = field[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
