import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Runs the kiosk binary against demo keys started in awkward states through `KIOSK_DEMO_KEY`
/// (forced PIN change, no touch, full store, untrusted attestation, pulled while blinking) and
/// checks that each has a clear screen and a way back.
@Suite(.serialized)
struct KioskKeyStateEndToEndTests {
    private static let goodPIN = "4711abc"

    private func startAndWalk(_ scenario: String) throws -> KioskFixture {
        let kiosk = try KioskFixture()
        try kiosk.startKiosk(environment: ["KIOSK_DEMO_KEY": scenario])
        try kiosk.walkToNewPerson()
        return kiosk
    }

    @Test func forcedPINChangeThenEnrollment() throws {
        let kiosk = try startAndWalk("pin=2468ab,force-pin-change")
        try kiosk.waitFor("PIN ändern")
        try kiosk.type("2468ab")
        try kiosk.waitFor("Neue PIN festlegen")
        try kiosk.type("2468ab")
        try kiosk.waitFor("anders sein")
        try kiosk.type("8x3Lw9")
        try kiosk.waitFor("noch einmal")
        try kiosk.type("8x3Lw9")
        try kiosk.waitFor("Zusammenfassung", seconds: 20)
        try kiosk.press("Enter")
        try kiosk.waitFor("Fertig")
        #expect(kiosk.outboxFiles().count == 1)
        for pin in ["2468ab", "8x3Lw9"] {
            #expect(!kiosk.log().contains(pin), "the log contains a PIN")
        }
    }

    @Test func missingTouchOffersRetry() throws {
        let kiosk = try startAndWalk("touch=never")
        try kiosk.setNewPIN(Self.goodPIN)
        try kiosk.waitFor("nicht rechtzeitig", seconds: 25)
        #expect(kiosk.outboxFiles().isEmpty)
        try kiosk.press("Enter")
        // The key still blinks for its own timeout and fails every open until it is unplugged.
        try kiosk.waitFor("antwortet nicht", seconds: 10)
        try kiosk.press("F5")
        try kiosk.waitFor("Warte auf den Schl")
        try kiosk.press("F5")
        try kiosk.waitFor("PIN eingeben", seconds: 10)
    }

    @Test func fullKeyStoreIsExplained() throws {
        let kiosk = try startAndWalk("full")
        try kiosk.setNewPIN(Self.goodPIN)
        try kiosk.waitFor("Schlüssel ist voll", seconds: 20)
        #expect(kiosk.outboxFiles().isEmpty)
    }

    @Test func untrustedAttestationIsNotApproved() throws {
        let kiosk = try startAndWalk("attestation=untrusted")
        try kiosk.setNewPIN(Self.goodPIN)
        try kiosk.waitFor("kein zugelassenes Modell", seconds: 20)
        #expect(kiosk.outboxFiles().isEmpty)
        try kiosk.press("Escape")
        try kiosk.waitFor("Willkommen")
    }

    @Test func keyPulledWhileBlinkingWaitsForIt() throws {
        let kiosk = try startAndWalk("touch=unplug")
        try kiosk.setNewPIN(Self.goodPIN)
        try kiosk.waitFor("entfernt", seconds: 20)
        #expect(kiosk.outboxFiles().isEmpty)
    }
}

extension KioskFixture {
    /// Types a new PIN twice on a fresh key.
    func setNewPIN(_ pin: String) throws {
        try waitFor("PIN festlegen")
        try type(pin)
        try waitFor("noch einmal")
        try type(pin)
    }
}
