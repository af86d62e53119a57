import Foundation
import KioskTestSupport
import Testing

@testable import KioskCore

/// Collects log lines so tests can check that skipped lines are logged without their content.
private final class CollectingLogHandler: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func log(level: LogLevel, label: String, message: String, metadata: [String: String]) {
        let line = formatLogLine(timestamp: "-", level: level, label: label, message: message, metadata: metadata)
        lock.withLock { stored.append(line) }
    }

    var lines: [String] { lock.withLock { stored } }
}

@Suite struct IAMAccountListTests {
    @Test func headerAndAccountsAreRead() {
        let text = "userName\temployeeNumber\r\nhans.mueller\t00012345\r\nsvc-print\t\r\n"
        let list = IAMAccountList.parse(Array(text.utf8))
        #expect(list.usernames == ["hans.mueller", "svc-print"])
        #expect(list.usernameByEmployeeNumber == ["00012345": "hans.mueller"])
        #expect(list.skippedLines.isEmpty)
    }

    @Test func malformedLinesAreSkippedWithLineNumber() {
        let bytes = Array("userName\temployeeNumber\nok.one\t10000001\nno-tab-here\n\t10000002\nthree\tfields\there\n".utf8)
            + Array("bad number\t1234x\nhas space\t10000003\n".utf8) + [0x6D, 0xFC, 0x09, 0x0A] + Array("\nok.two\t\n".utf8)
        let list = IAMAccountList.parse(bytes)
        #expect(list.usernames == ["ok.one", "ok.two"])
        #expect(list.skippedLines == [3, 4, 5, 6, 7, 8])
    }

    @Test func fileWithoutHeaderIsReadAsData() {
        let list = IAMAccountList.parse(Array("\u{FEFF}ayse.yilmaz\t10000009\n".utf8))
        #expect(list.usernames == ["ayse.yilmaz"])
    }

    @Test func missingFileGivesEmptyList() throws {
        let directory = try TemporaryDirectory()
        #expect(IAMAccountList.load(path: directory.filePath(IAMAccountList.fileName)) == IAMAccountList())
    }

    @Test func loadLogsSkippedLinesWithoutContent() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("userName\temployeeNumber\nmax mustermann 12345678\n", to: IAMAccountList.fileName)
        let handler = CollectingLogHandler()
        let list = try #require(IAMAccountList.load(path: path, logger: Logger(label: "test", handler: handler)))
        #expect(list.skippedLines == [2])
        #expect(handler.lines.contains { $0.contains("line=2") })
        #expect(!handler.lines.joined().contains("mustermann"))
        #expect(!handler.lines.joined().contains("12345678"))
    }

    @Test func directoryInsteadOfFileIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        #expect(IAMAccountList.load(path: directory.path) == nil)
    }

    @Test func iamUsernamesMakeProposalNumbered() {
        let list = IAMAccountList.parse(Array("userName\temployeeNumber\nAyse.Yilmaz\t10000009\n".utf8))
        let taken = UsernamePolicy.lowercasedSet(list.usernames)
        let person = HRRecord(personnelNumber: "10000010", surname: "Yılmaz", givenName: "Ayşe",
                              birthDate: CivilDate(year: 1990, month: 5, day: 1)!)
        #expect(UsernamePolicy(KioskConfig()).propose(for: person, taken: taken.contains).username == "ayse.yilmaz2")
    }
}
