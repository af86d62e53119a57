import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Runs the real `kiosk` binary in demo mode inside tmux, types a whole enrollment as a clerk
/// and an employee would, and checks the screens, the outbox record and the log.
///
/// The security key is the virtual key attached under libfido2 through its custom I/O hooks,
/// so every key operation goes through libfido2's CTAPHID code as with a USB key.
@Suite(.serialized) struct KioskEndToEndTests {
    /// Needs py_webauthn: Scripts/test provides it; under CI the test runs and fails without it.
    @Test(.enabled(
        if: ProcessInfo.processInfo.environment["KIOSK_VERIFIER_PYTHON"] != nil
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "set KIOSK_VERIFIER_PYTHON or run Scripts/test"))
    func homonymEnrollmentWritesVerifiableRecord() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.press("Enter")
        try kiosk.type("clerk-e2e")
        try kiosk.waitFor("Person suchen")
        try kiosk.press("F3")
        try kiosk.waitFor("Nachname")
        try kiosk.sendName("MUELLER-LUEDENSCHEIDT", given: "jurgen", birthDate: "07031984")
        let choice = try kiosk.waitFor("SOZ")
        #expect(choice.contains("BAU"), "both homonyms must be listed side by side")
        try kiosk.press("Down", "Enter")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        let proposal = try kiosk.waitFor("Benutzername")
        #expect(proposal.contains("juergen.mueller-lue"))
        try kiosk.press("Enter")
        try kiosk.waitFor("PIN festlegen")

        try kiosk.type("12")
        try kiosk.waitFor("Mindestens 4")
        try kiosk.type("Grüße7")
        try kiosk.waitFor("noch einmal")
        try kiosk.type("Grüße7")
        try kiosk.waitFor("Zusammenfassung", seconds: 20)
        try kiosk.press("Enter")
        try kiosk.waitFor("Fertig")

        let files = kiosk.outboxFiles()
        try #require(files.count == 1)
        let record = try kiosk.record(in: files[0])
        #expect(record.personnelNumber == "00471101", "the clerk chose the second homonym")
        #expect(record.clerkID == "clerk-e2e")
        #expect(record.kioskID == "e2e-kiosk")
        #expect(record.kind == .newAccount)
        #expect(record.credential.testSignInVerified)

        let verify = try runProgram(KioskFixture.kioskBinary, ["outbox", "verify", "--config", kiosk.configPath])
        #expect(verify.status == 0, "kiosk outbox verify: \(verify.output)")

        let verdict = try WebAuthnVerifier.verify(record.credential,
                                                  rootCertificatePath: kiosk.dataDirectory + "/demo-key/attestation-ca.pem")
        #expect(verdict.status == 0, "py_webauthn rejected the outbox credential: \(verdict.output)")

        try kiosk.press("Enter")
        let welcome = try kiosk.waitFor("Willkommen")
        #expect(!welcome.contains("Müller"), "the next person must not see the previous one")
        for secret in ["Müller", "Lüdenscheidt", "00471101", "471101", "07.03.1984", "Grüße7", "juergen"] {
            #expect(!kiosk.log().contains(secret), "the log contains personal data or the PIN: \(secret)")
        }
    }

    @Test func keyPulledDuringTouchLeavesNoRecord() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "523311", birthDate: "19.11.1990")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        try kiosk.waitFor("Benutzername")
        try kiosk.press("Enter")
        try kiosk.waitFor("PIN festlegen")
        try kiosk.type("4711abc")
        try kiosk.type("4711abc")
        try kiosk.waitFor("berühren")
        try kiosk.press("F5")
        try kiosk.waitFor("entfernt")
        #expect(kiosk.outboxFiles().isEmpty)

        try kiosk.press("Enter")
        try kiosk.waitFor("einstecken")
        try kiosk.press("F5")
        try kiosk.waitFor("PIN eingeben")
        try kiosk.type("4711abc")
        try kiosk.waitFor("Zusammenfassung", seconds: 20)
        try kiosk.press("Escape")
        try kiosk.waitFor("wirklich verwerfen")
        try kiosk.press("Escape")
        try kiosk.waitFor("Willkommen")
        #expect(kiosk.outboxFiles().isEmpty, "a cancelled enrollment must leave no record")

        let audit = (try? String(contentsOfFile: kiosk.outboxDirectory + "/audit.log", encoding: .utf8)) ?? ""
        #expect(audit.contains("\"step\":\"touch-register\""), "the pulled key must be audited: \(audit)")
        #expect(audit.contains("\"reason\":\"cancelled\""), "the cancellation must be audited: \(audit)")
        #expect(!audit.contains("Yılmaz"), "the audit log holds ids, never names")
        let verify = try runProgram(KioskFixture.kioskBinary, ["outbox", "verify", "--config", kiosk.configPath])
        #expect(verify.status == 0, "the audit chain must verify: \(verify.output)")
    }

    @Test func personWithAccountIsNotOfferedSecondAccount() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "600001", birthDate: "02.02.1975")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        let screen = try kiosk.waitFor("anna.weiss")
        #expect(!screen.contains("Ihr neues Konto"))
    }

    @Test func englishAndTooSmallTerminal() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.press("F2")
        try kiosk.waitFor("Welcome")
        try kiosk.screen().resize(columns: 60, rows: 20)
        try kiosk.waitFor("80x24")
        try kiosk.screen().resize(columns: 100, rows: 30)
        try kiosk.waitFor("Welcome")
        try kiosk.press("C-c")
        try kiosk.waitFor("EXIT=0")
    }

    @Test func commaSeparatedExportIsRejectedWithFix() throws {
        let export = "Personalnummer,Nachname,Vorname,Geburtsdatum,Status\n00000001,Muster,Max,01.01.1980,aktiv\n"
        let kiosk = try KioskFixture(hrExport: export)
        let result = try runProgram(KioskFixture.kioskBinary, ["--config", kiosk.configPath, "--demo"])
        #expect(result.status == 2)
        #expect(result.output.contains("hr.csv"), "the message must name the file: \(result.output)")
        #expect(result.output.contains("separat"), "the message must name the separator problem: \(result.output)")
        #expect(!result.output.contains("Muster"), "no personal data in error output")
    }

    @Test func fullDiskKeepsEnrollmentForRetry() throws {
        let kiosk = try KioskFixture()
        let mounted = SmallDisk(path: kiosk.dataDirectory, kilobytes: 256)
        try #require(mounted.isMounted, "mounting a tmpfs needs root: \(mounted.problem)")
        defer { mounted.unmount() }
        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "523311", birthDate: "19.11.1990")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        try kiosk.press("Enter")
        try kiosk.waitFor("PIN festlegen")
        try kiosk.type("4711abc")
        try kiosk.type("4711abc")
        try kiosk.waitFor("Zusammenfassung", seconds: 20)
        let filler = try mounted.fill()
        try kiosk.press("Enter")
        try kiosk.waitFor("NICHT gespeichert")
        #expect(kiosk.outboxFiles().isEmpty)

        try FileManager.default.removeItem(atPath: filler)
        try kiosk.press("Enter")
        try kiosk.waitFor("Fertig")
        #expect(kiosk.outboxFiles().count == 1)
    }
}

extension KioskFixture {
    /// Fills the name form: surname, Tab, given name, Tab, birth date, Enter.
    func sendName(_ surname: String, given: String, birthDate: String) throws {
        try screen().sendLiteral(surname)
        try press("Tab")
        try screen().sendLiteral(given)
        try press("Tab")
        try type(birthDate)
    }
}
