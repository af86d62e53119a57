import CFido2
import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

@Suite("Fido2Session through libfido2 and the virtual key")
struct Fido2SessionTests {
    @Test func infoReportsVirtualKeyFields() throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.aaguid == VirtualKeyConfiguration.demoAAGUID)
        #expect(session.info.versions == ["FIDO_2_0", "FIDO_2_1"])
        #expect(session.info.hasPIN == false)
        #expect(session.info.minPINLength == 4)
        #expect(session.info.forcePINChange == false)
        #expect(session.info.firmwareVersion == "5.4.3")
        #expect(session.info.remainingDiscoverableCredentials == 25)
        #expect(session.info.algorithms == [-7])
    }

    @Test func infoReportsPINWhenSet() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.hasPIN == true)
        #expect(try session.pinRetries() == 8)
    }

    @Test func setPINThenMakeCredentialWithUV() throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.hasPIN == false)
        try session.setPIN(.pin("246810"))
        #expect(fixture.key.hasPIN)
        #expect(session.info.hasPIN == true)
        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("246810"))

        #expect(credential.attestationFormat == "packed")
        #expect(credential.aaguid == VirtualKeyConfiguration.demoAAGUID)
        #expect(credential.credentialID.count == 32)
        #expect(credential.authenticatorData[32] & 0x04 != 0, "UV flag must be set")
        #expect(credential.authenticatorData[32] & 0x01 != 0, "UP flag must be set")
        #expect(fixture.key.credentialCount == 1)
        #expect(fixture.key.touchRequestCount == 1)
    }

    @Test func setPINAcceptsUmlautPIN() throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }

        try session.setPIN(.pin("Größe-ß1"))
        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("Größe-ß1"))
        #expect(credential.credentialID.count == 32)
    }

    @Test func setPINRejectsShortPIN() throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.pinPolicyViolation) { try session.setPIN(.pin("12")) }
        #expect(!fixture.key.hasPIN)
    }

    @Test(arguments: [
        ("123", false), ("1234", true), ("ääää", true), (String(repeating: "a", count: 63), true),
        (String(repeating: "a", count: 64), false), (String(repeating: "ß", count: 32), false),
    ])
    func setPINChecksLengthLimits(pin: String, accepted: Bool) throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }

        if accepted {
            try session.setPIN(.pin(pin))
        } else {
            #expect(throws: SecurityKeyError.pinPolicyViolation) { try session.setPIN(.pin(pin)) }
        }
        #expect(fixture.key.hasPIN == accepted)
    }

    @Test func setPINOnKeyWithPINIsDenied() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.operationDenied) { try session.setPIN(.pin("5678")) }
    }

    @Test func makeCredentialOnKeyWithoutPINNeedsPIN() throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.pinRequired) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
        #expect(fixture.key.credentialCount == 0)
    }

    @Test func wrongPINCountsDownThenAuthBlocks() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let request = VirtualKeyFixture.credentialRequest()

        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 7)) { _ = try session.makeCredential(request, pin: .pin("0000")) }
        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 6)) { _ = try session.makeCredential(request, pin: .pin("0000")) }
        #expect(throws: SecurityKeyError.pinAuthBlocked) { _ = try session.makeCredential(request, pin: .pin("0000")) }
        #expect(throws: SecurityKeyError.pinAuthBlocked) { _ = try session.makeCredential(request, pin: .pin("1234")) }
        #expect(try session.pinRetries() == 5)
    }

    @Test func correctPINResetsRetryCounter() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 7)) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("9999"))
        }
        _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        #expect(try session.pinRetries() == 8)
    }

    @Test func eightWrongPINsBlockTheKey() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let request = VirtualKeyFixture.credentialRequest()
        var errors: [SecurityKeyError] = []
        for attempt in 0..<8 {
            if attempt % 3 == 0 {
                // Replugging clears PIN_AUTH_BLOCKED but keeps the retry counter.
                fixture.key.unplug()
                fixture.key.plugIn()
            }
            let session = try fixture.open()
            defer { session.close() }
            do {
                _ = try session.makeCredential(request, pin: .pin("0000"))
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.last == .pinBlocked)
        #expect(errors.first == .pinInvalid(retriesLeft: 7))
        #expect(fixture.key.pinRetries == 0)

        let session = try fixture.open()
        defer { session.close() }
        #expect(throws: SecurityKeyError.pinBlocked) { _ = try session.makeCredential(request, pin: .pin("1234")) }
    }

    @Test func keyRemovedDuringMakeCredential() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        fixture.key.unplugDuringNextMakeCredential()

        #expect(throws: SecurityKeyError.keyRemoved) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
        #expect(!fixture.key.isPluggedIn)
        #expect(try fixture.provider.devices().isEmpty)
    }

    @Test func callsAfterUnplugReportKeyRemoved() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        fixture.key.unplug()

        #expect(throws: SecurityKeyError.keyRemoved) { _ = try session.pinRetries() }
    }

    @Test func libfido2TimeoutWithoutTouchIsTouchTimeout() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", touch: .never, touchTimeout: .milliseconds(300))
        let session = try fixture.open()
        defer { session.close() }
        let started = ContinuousClock.now

        #expect(throws: SecurityKeyError.touchTimeout) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(fixture.key.isPluggedIn)
    }

    @Test func keyGivingUpWaitingForTouchIsTouchTimeout() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", touch: .never, touchTimeout: .seconds(10))
        fixture.key.setUserPresenceTimeout(.milliseconds(150))
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.touchTimeout) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
    }

    @Test func delayedTouchStillSucceeds() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", touch: .after(.milliseconds(250)))
        let session = try fixture.open()
        defer { session.close() }
        let started = ContinuousClock.now

        _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        #expect(ContinuousClock.now - started >= .milliseconds(250))
    }

    @Test func cancelFromAnotherThreadCancels() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", touch: .never)
        let session = try fixture.open()
        defer { session.close() }

        // A plain thread, not a Task: makeCredential blocks this thread, and on a busy 2-core
        // machine the shared task pool may have no free thread left to run the canceller.
        let key = fixture.key
        Thread.detachNewThread {
            while key.touchRequestCount == 0 { usleep(5_000) }
            session.cancel()
        }
        #expect(throws: SecurityKeyError.cancelled) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
    }

    @Test func excludedCredentialIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let first = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))

        #expect(throws: SecurityKeyError.credentialExcluded) {
            _ = try session.makeCredential(
                VirtualKeyFixture.credentialRequest(excluding: [[1, 2, 3], first.credentialID]), pin: .pin("1234"))
        }
        #expect(fixture.key.credentialCount == 1)
    }

    @Test func unknownExcludedIDDoesNotBlock() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }

        let credential = try session.makeCredential(
            VirtualKeyFixture.credentialRequest(excluding: [Array(repeating: 7, count: 32)]), pin: .pin("1234"))
        #expect(credential.credentialID.count == 32)
    }

    @Test func fullKeyReportsKeyStoreFull() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", residentKeyCapacity: 1)
        let session = try fixture.open()
        defer { session.close() }
        _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))

        #expect(throws: SecurityKeyError.keyStoreFull) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
    }

    @Test func longUserNamesWithUmlautsRegister() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let name = String(repeating: "ü", count: 32)
        #expect(name.utf8.count == 64)

        let request = VirtualKeyFixture.credentialRequest(userName: name, displayName: "Jürgen Groß-Öztürk ß")
        let credential = try session.makeCredential(request, pin: .pin("1234"))
        #expect(credential.credentialID.count == 32)
    }

    @Test func closedSessionRejectsCalls() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        session.close()
        session.close()

        #expect(throws: SecurityKeyError.keyRemoved) { _ = try session.pinRetries() }
    }

    @Test func logsCarryNoPINOrUserName() throws {
        let fixture = try VirtualKeyFixture()
        let session = try fixture.open()
        defer { session.close() }
        try session.setPIN(.pin("73519"))
        _ = try session.makeCredential(
            VirtualKeyFixture.credentialRequest(userName: "hannelore.zw", displayName: "Hannelore Zwiebel"), pin: .pin("73519"))

        let joined = fixture.logs.lines.joined(separator: "\n")
        #expect(!joined.isEmpty)
        #expect(!joined.contains("73519"))
        #expect(!joined.contains("hannelore"))
        #expect(!joined.contains("Zwiebel"))
    }

    // MARK: - Test sign-in

    @Test func signInVerifiesAgainstNewCredential() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))

        let result = try session.getAssertion(VirtualKeyFixture.assertionRequest(for: credential), pin: .pin("1234"))
        #expect(result.credentialID == credential.credentialID)
        #expect(result.userVerified)
        #expect(result.signCount > credential.signCount)
    }

    @Test func signInWithCorruptedPublicKeyIsInvalid() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        var request = VirtualKeyFixture.assertionRequest(for: credential)
        request.publicKeyCOSE[request.publicKeyCOSE.count - 1] ^= 0x01

        #expect(throws: SecurityKeyError.assertionInvalid) { _ = try session.getAssertion(request, pin: .pin("1234")) }
    }

    @Test func signInWithAnotherCredentialsKeyIsInvalid() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let first = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        let second = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        var request = VirtualKeyFixture.assertionRequest(for: first)
        request.publicKeyCOSE = second.publicKeyCOSE

        #expect(throws: SecurityKeyError.assertionInvalid) { _ = try session.getAssertion(request, pin: .pin("1234")) }
    }

    @Test func signInWithGarbagePublicKeyIsInvalid() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        var request = VirtualKeyFixture.assertionRequest(for: credential)
        request.publicKeyCOSE = [0xA0]

        #expect(throws: SecurityKeyError.assertionInvalid) { _ = try session.getAssertion(request, pin: .pin("1234")) }
    }

    @Test func signInWithWrongPINReportsRetries() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))

        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 7)) {
            _ = try session.getAssertion(VirtualKeyFixture.assertionRequest(for: credential), pin: .pin("4321"))
        }
    }

    @Test func signInAfterReopenFindsStoredCredential() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let credential = try {
            let session = try fixture.open()
            defer { session.close() }
            return try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }()
        fixture.key.unplug()
        fixture.key.plugIn()

        let session = try fixture.open()
        defer { session.close() }
        let result = try session.getAssertion(VirtualKeyFixture.assertionRequest(for: credential), pin: .pin("1234"))
        #expect(result.credentialID == credential.credentialID)
    }
}
