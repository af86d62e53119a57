import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Runs the kiosk binary in demo mode through the paths for people who already have an
/// account and for keys in awkward PIN states, with the virtual key under libfido2.
@Suite(.serialized) struct KioskLifecycleEndToEndTests {
    /// A PIN that passes every check of the kiosk.
    private static let goodPIN = "4711abc"

    @Test func additionalKeyReusesAccountAndUserHandle() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "523311", birthDate: "19.11.1990")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        try kiosk.waitFor("Ihr neues Konto")
        try kiosk.press("Enter")
        try kiosk.setNewPINAndSave(Self.goodPIN)
        try kiosk.press("Enter")
        try kiosk.waitFor("Willkommen")

        try kiosk.lookUpAgain(personnelNumber: "523311", birthDate: "19.11.1990")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        let choice = try kiosk.waitFor("Schlüssel der Person: 1")
        #expect(choice.contains("Konto vorhanden"))
        try kiosk.press("Enter")
        let summary = try kiosk.setNewPINAndSave(Self.goodPIN, waitingFor: "Weiterer Schlüssel")
        #expect(summary.contains("Zusammenfassung"))

        let records = try kiosk.outboxFiles().map { try kiosk.record(in: $0) }
        try #require(records.count == 2)
        let first = try #require(records.first { $0.kind == .newAccount })
        let second = try #require(records.first { $0.kind == .additionalKey })
        #expect(!second.account.isNew)
        #expect(second.account.username == first.account.username)
        #expect(second.account.email == first.account.email)
        #expect(second.credential.userHandle == first.credential.userHandle, "all keys of a person share the handle")
        #expect(second.credential.credentialID != first.credential.credentialID)
        #expect(second.replacesCredentialIDs.isEmpty)
        #expect(!second.revokeAllEarlierCredentials)
        let verify = try runProgram(KioskFixture.kioskBinary, ["outbox", "verify", "--config", kiosk.configPath])
        #expect(verify.status == 0, "kiosk outbox verify: \(verify.output)")
    }

    @Test func replacementForHRAccountAsksToRevokeAll() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.lookUp(personnelNumber: "600001", birthDate: "02.02.1975")
        try kiosk.waitFor("Lichtbildausweis")
        try kiosk.press("Enter")
        try kiosk.waitFor("Konto vorhanden")
        try kiosk.press("Down", "Enter")
        let warning = try kiosk.waitFor("ALLE bisherigen Schlüssel")
        #expect(warning.contains("einverstanden"))
        #expect(kiosk.outboxFiles().isEmpty)
        try kiosk.press("Enter")
        let summary = try kiosk.setNewPINAndSave(Self.goodPIN, waitingFor: "Ersatzschlüssel")
        #expect(summary.contains("gesperrt"), "the summary repeats that the earlier keys get blocked")

        let files = kiosk.outboxFiles()
        try #require(files.count == 1)
        let record = try kiosk.record(in: files[0])
        #expect(record.kind == .replacementKey)
        #expect(record.account.username == "anna.weiss")
        #expect(record.account.email == "anna.weiss@stadt.example")
        #expect(!record.account.isNew)
        #expect(record.replacesCredentialIDs.isEmpty)
        #expect(record.revokeAllEarlierCredentials, "this kiosk knows none of her earlier keys")
    }

    @Test func trivialPINIsRejectedKindly() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk()
        try kiosk.walkToNewPerson()
        try kiosk.waitFor("PIN festlegen")
        try kiosk.type("123456")
        try kiosk.waitFor("zu leicht zu erraten")
        try kiosk.type("19111990")
        try kiosk.waitFor("zu leicht zu erraten")
        try kiosk.type("3x9Kq7")
        try kiosk.waitFor("noch einmal")
        for pin in ["123456", "19111990", "3x9Kq7"] {
            #expect(!kiosk.log().contains(pin), "the log contains a typed PIN")
        }
    }

    @Test func threeWrongPINsLeadThroughReplug() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk(environment: ["KIOSK_DEMO_KEY": "pin=2468ab"])
        try kiosk.walkToNewPerson()
        try kiosk.waitFor("Noch 8 Versuche")
        try kiosk.type("9999")
        try kiosk.waitFor("Noch 7 Versuche", seconds: 20)
        try kiosk.type("9998")
        try kiosk.waitFor("Noch 6 Versuche", seconds: 20)
        try kiosk.type("9997")
        try kiosk.waitFor("dreimal falsch", seconds: 20)
        try kiosk.press("F5")
        try kiosk.waitFor("jetzt wieder ein")
        try kiosk.press("F5")
        try kiosk.waitFor("Noch 5 Versuche")
        try kiosk.type("2468ab")
        try kiosk.waitFor("Zusammenfassung", seconds: 20)
        try kiosk.press("Enter")
        try kiosk.waitFor("Fertig")
        #expect(kiosk.outboxFiles().count == 1)
    }

    @Test func blockedPINErasesNothingWithoutConsent() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk(environment: ["KIOSK_DEMO_KEY": "pin=2468ab,retries=0"])
        try kiosk.walkToNewPerson()
        let explained = try kiosk.waitFor("PIN ist gesperrt")
        #expect(explained.contains("ALLE Anmeldedaten"))
        try kiosk.type("nein")
        try kiosk.waitFor("nichts gelöscht")
        try kiosk.type("JA")
        try kiosk.waitFor("jetzt ab")
        try kiosk.press("Escape")
        try kiosk.waitFor("Ihr neues Konto")
        #expect(kiosk.outboxFiles().isEmpty)
        #expect(kiosk.log().contains("reset offered"))
        #expect(!kiosk.log().contains("security key reset"), "no reset may run after Esc")
    }

    @Test
    func blockedPINResetWithConsentThenNewPIN() throws {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk(environment: ["KIOSK_DEMO_KEY": "pin=2468ab,retries=0"])
        try kiosk.walkToNewPerson()
        try kiosk.waitFor("PIN ist gesperrt")
        try kiosk.type("JA")
        try kiosk.waitFor("jetzt ab")
        try kiosk.press("F5")
        try kiosk.waitFor("jetzt wieder ein")
        try kiosk.press("F5")
        try kiosk.setNewPINAndSave(Self.goodPIN)
        let files = kiosk.outboxFiles()
        try #require(files.count == 1)
        #expect(try kiosk.record(in: files[0]).credential.testSignInVerified)
        #expect(kiosk.log().contains("key reset done"))
        #expect(!kiosk.log().contains("2468ab"))
    }
}

extension KioskFixture {
    /// Looks up Ayşe Gülşen Yılmaz-Großkopf, confirms her ID and accepts the new account.
    func walkToNewPerson() throws {
        try lookUp(personnelNumber: "523311", birthDate: "19.11.1990")
        try waitFor("Lichtbildausweis")
        try press("Enter")
        try waitFor("Ihr neues Konto")
        try press("Enter")
    }

    /// Looks a person up when the clerk is already signed in.
    func lookUpAgain(personnelNumber: String, birthDate: String) throws {
        try press("Enter")
        try waitFor("Person suchen")
        try type(personnelNumber)
        try type(birthDate)
    }

    /// Sets a new PIN on a fresh key, waits for the summary, saves and returns the summary screen.
    /// - Parameter summaryText: text on the summary screen to wait for, so the whole screen is drawn.
    @discardableResult
    func setNewPINAndSave(_ pin: String, waitingFor summaryText: String = "Zusammenfassung") throws -> String {
        try setNewPIN(pin)
        let summary = try waitFor(summaryText, seconds: 20)
        try press("Enter")
        try waitFor("Fertig")
        return summary
    }
}
