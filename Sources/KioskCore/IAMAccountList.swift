import Foundation

/// The accounts that exist in the central IAM, as `kiosk sync` writes them after each run to
/// `<data_directory>/iam-accounts.tsv`.
///
/// The file is UTF-8 text. Its first line is the header `userName<TAB>employeeNumber`, then
/// each line holds one account: the username and the personnel number it belongs to, which is
/// empty for accounts without a person (service accounts). The kiosk reads it at start so that
/// username proposals avoid every name the IAM already knows, including accounts created at
/// other kiosks since the last HR export.
public struct IAMAccountList: Sendable, Equatable {
    /// File name inside the data directory.
    public static let fileName = "iam-accounts.tsv"
    /// Header line the sync writes.
    public static let header = "userName\temployeeNumber"

    /// Every username in the file, in file order.
    public var usernames: [String]
    /// Username by personnel number, for accounts that belong to a person. When a number
    /// appears twice, the later line wins.
    public var usernameByEmployeeNumber: [String: String]
    /// Line numbers (from 1) of lines that were skipped because they were malformed.
    public var skippedLines: [Int]

    /// Creates a list; the default is the empty list used when the file does not exist yet.
    public init(usernames: [String] = [], usernameByEmployeeNumber: [String: String] = [:], skippedLines: [Int] = []) {
        self.usernames = usernames
        self.usernameByEmployeeNumber = usernameByEmployeeNumber
        self.skippedLines = skippedLines
    }

    /// Reads the file at `path`.
    ///
    /// A missing file gives the empty list, because a kiosk that never synced has none yet.
    /// A malformed line is skipped and logged with its line number only, never its content.
    /// - Returns: the accounts read; `nil` only when the file exists but cannot be read (no
    ///   permission, a directory), which the caller should report.
    public static func load(path: String, logger: Logger = .disabled) -> IAMAccountList? {
        guard FileManager.default.fileExists(atPath: path) else {
            logger.info("IAM account list not found, starting without it")
            return IAMAccountList()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            logger.error("IAM account list unreadable")
            return nil
        }
        let list = parse([UInt8](data))
        for line in list.skippedLines.prefix(20) {
            logger.warning("IAM account list line skipped", ["line": String(line)])
        }
        logger.info("IAM account list loaded", ["accounts": String(list.usernames.count),
                                                "skipped": String(list.skippedLines.count)])
        return list
    }

    /// Parses the file's bytes.
    ///
    /// A line is malformed when it is not UTF-8, does not have exactly two tab-separated fields,
    /// has an empty username or one with spaces or control characters, or an employee number
    /// that is not digits. Blank lines are ignored. A first line that is not the header is
    /// read as data, so a file written without header still counts.
    public static func parse(_ bytes: [UInt8]) -> IAMAccountList {
        var list = IAMAccountList()
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        for (index, rawLine) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var lineBytes = rawLine
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
            guard !lineBytes.isEmpty else { continue }
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                list.skippedLines.append(lineNumber)
                continue
            }
            if lineNumber == 1 && line == header { continue }
            guard let (username, employeeNumber) = account(in: line) else {
                list.skippedLines.append(lineNumber)
                continue
            }
            list.usernames.append(username)
            if !employeeNumber.isEmpty { list.usernameByEmployeeNumber[employeeNumber] = username }
        }
        return list
    }

    /// Returns the username and employee number of one data line, or `nil` when it is malformed.
    private static func account(in line: String) -> (String, String)? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 2 else { return nil }
        let username = String(fields[0])
        let employeeNumber = String(fields[1])
        let usernameIsValid = !username.isEmpty
            && !username.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
        let numberIsValid = employeeNumber.utf8.allSatisfy { (0x30...0x39).contains($0) }
        return usernameIsValid && numberIsValid ? (username, employeeNumber) : nil
    }
}
