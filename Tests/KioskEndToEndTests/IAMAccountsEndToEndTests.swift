import Foundation
import KioskCore
import Testing

extension KioskEndToEndTests {
    /// A username the central IAM already has (from iam-accounts.tsv) is not proposed again, and
    /// a malformed line in that file is skipped and logged by line number only.
    @Test func iamAccountListMakesProposalNumbered() throws {
        let kiosk = try KioskFixture()
        try FileManager.default.createDirectory(atPath: kiosk.dataDirectory, withIntermediateDirectories: true)
        let list = "userName\temployeeNumber\nayse.yilmaz-grosskop\t\nbroken line without tab\n"
        try list.write(toFile: kiosk.dataDirectory + "/" + IAMAccountList.fileName, atomically: true, encoding: .utf8)

        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "523311", birthDate: "19.11.1990")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        let proposal = try kiosk.waitFor("Benutzername")
        #expect(proposal.contains("ayse.yilmaz-grossko2"), "IAM name must be avoided: \(proposal)")
        try kiosk.press("C-c")
        try kiosk.waitFor("EXIT=0")

        let log = kiosk.log()
        #expect(log.contains("IAM account list line skipped"))
        #expect(log.contains("line=3"))
        #expect(!log.contains("broken line"))
    }

    /// A person the IAM lists with an account is told so, even when the HR export has no account.
    @Test func iamAccountOfPersonMeansHasAccount() throws {
        let kiosk = try KioskFixture()
        try FileManager.default.createDirectory(atPath: kiosk.dataDirectory, withIntermediateDirectories: true)
        try "userName\temployeeNumber\nayse.yilmaz\t00523311\n".write(
            toFile: kiosk.dataDirectory + "/" + IAMAccountList.fileName, atomically: true, encoding: .utf8)

        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "523311", birthDate: "19.11.1990")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        let screen = try kiosk.waitFor("ayse.yilmaz")
        #expect(screen.contains("Konto vorhanden"), "a person with an IAM account is offered another key, not a new account")
        try kiosk.press("C-c")
        try kiosk.waitFor("EXIT=0")
    }
}
