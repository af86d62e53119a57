import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

/// Every key state the kiosk must handle, played by the virtual key through libfido2.
@Suite("Virtual key scenarios through Fido2Session")
struct VirtualKeyScenarioTests {
    private func makeCredential(_ fixture: VirtualKeyFixture, pin: String = "1234") throws(SecurityKeyError) -> RegisteredCredential {
        let session = try fixture.provider.open(fixture.device)
        defer { session.close() }
        return try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin(pin))
    }

    // MARK: - PIN states

    @Test func lowRetryCounterIsReportedAndCountsDown() throws {
        let fixture = try VirtualKeyFixture()
        fixture.key.presetPIN("1234", retries: 2)
        let session = try fixture.open()
        defer { session.close() }

        #expect(try session.pinRetries() == 2)
        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 1)) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("9999"))
        }
    }

    @Test func lastWrongPINBlocksTheKey() throws {
        let fixture = try VirtualKeyFixture()
        fixture.key.presetPIN("1234", retries: 1)

        #expect(throws: SecurityKeyError.pinBlocked) { _ = try makeCredential(fixture, pin: "9999") }
        #expect(fixture.key.pinRetries == 0)
    }

    @Test func blockedKeyRejectsEvenTheRightPIN() throws {
        let fixture = try VirtualKeyFixture()
        fixture.key.presetPIN("1234", retries: 0)
        let session = try fixture.open()
        defer { session.close() }

        #expect(try session.pinRetries() == 0)
        #expect(throws: SecurityKeyError.pinBlocked) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
    }

    @Test func authBlockedKeyWorksAgainAfterReplug() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        fixture.key.blockPINAuthUntilReplug()

        #expect(throws: SecurityKeyError.pinAuthBlocked) { _ = try makeCredential(fixture) }
        #expect(fixture.key.pinRetries == 8)
        fixture.key.unplug()
        fixture.key.plugIn()
        _ = try makeCredential(fixture)
    }

    @Test func forcedPINChangeIsReportedAndBlocksUntilChanged() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        fixture.key.setForcePINChange(true)
        let session = try fixture.open()
        defer { session.close() }
        let fido = try #require(session as? Fido2Session)

        #expect(session.info.forcePINChange)
        #expect(throws: SecurityKeyError.pinPolicyViolation) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
        try fido.changePIN(.pin("1234"), to: .pin("862413"))
        #expect(!session.info.forcePINChange)
        #expect(!fixture.key.forcePINChange)
        _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("862413"))
    }

    @Test func changePINWithWrongCurrentPINReportsRetries() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let fido = try #require(session as? Fido2Session)

        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 7)) { try fido.changePIN(.pin("0000"), to: .pin("862413")) }
    }

    @Test func largerMinimumPINLengthIsReportedAndEnforced() throws {
        let fixture = try VirtualKeyFixture()
        fixture.key.setMinPINLength(8)
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.minPINLength == 8)
        #expect(throws: SecurityKeyError.pinPolicyViolation) { try session.setPIN(.pin("1234567")) }
        try session.setPIN(.pin("12345678"))
        #expect(fixture.key.hasPIN)
    }

    // MARK: - Key store, model and touch

    @Test func fullKeyStoreIsReportedBeforeAndOnRegistration() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", residentKeyCapacity: 5)
        try fixture.key.fillCredentialStore()
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.remainingDiscoverableCredentials == 0)
        #expect(throws: SecurityKeyError.keyStoreFull) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
    }

    @Test func remainingSlotsDropAfterRegistration() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", residentKeyCapacity: 3)
        _ = try makeCredential(fixture)
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.remainingDiscoverableCredentials == 2)
    }

    @Test func modelNameComesFromTheCatalog() throws {
        let fixture = try VirtualKeyFixture(approvingOwnCA: true)
        let session = try fixture.open()
        defer { session.close() }

        #expect(session.info.modelName == VirtualKeyFixture.demoModelName)
        #expect(session.info.firmwareVersion == "5.4.3")
    }

    @Test func keyPulledWhileWaitingForTouchIsRemoved() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", touch: .unplugAfter(.milliseconds(150)))

        #expect(throws: SecurityKeyError.keyRemoved) { _ = try makeCredential(fixture) }
        #expect(!fixture.key.isPluggedIn)
    }

    // MARK: - Reset

    @Test func resetWithinWindowErasesPINAndCredentials() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        _ = try makeCredential(fixture)
        fixture.key.setForcePINChange(true)
        let session = try fixture.open()
        defer { session.close() }

        try session.reset()

        #expect(session.info.hasPIN == false)
        #expect(session.info.forcePINChange == false)
        #expect(fixture.key.credentialCount == 0)
        #expect(fixture.key.pinRetries == 8)
    }

    @Test func resetOutsideWindowIsDenied() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        fixture.key.setResetWindow(.zero)
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.operationDenied) { try session.reset() }
        #expect(fixture.key.hasPIN)
    }

    @Test func resetRightAfterReplugSucceeds() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        fixture.key.setResetWindow(.seconds(3))
        fixture.key.unplug()
        fixture.key.plugIn()
        let session = try fixture.open()
        defer { session.close() }

        try session.reset()
        #expect(!fixture.key.hasPIN)
    }

    @Test func resetWithoutTouchTimesOut() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", touch: .never)
        fixture.key.setUserPresenceTimeout(.milliseconds(200))
        let session = try fixture.open()
        defer { session.close() }

        #expect(throws: SecurityKeyError.touchTimeout) { try session.reset() }
        #expect(fixture.key.hasPIN)
    }

    // MARK: - Attestation

    @Test func approvedAttestationPassesThePolicy() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", approvingOwnCA: true)

        let credential = try makeCredential(fixture)

        #expect(credential.attestationFormat == "packed")
        #expect(fixture.logs.lines.contains { $0.contains("attestation verified") && $0.contains(VirtualKeyFixture.demoModelName) })
    }

    @Test(arguments: [
        (VirtualAttestationMode.selfAttestation, "self-attestation"),
        (.untrustedCA, "does not lead to a trusted root"),
        (.none, "all zeros"),
        (.mismatchedAAGUID, "differs from"),
        (.zeroAAGUID, "all zeros"),
    ])
    func wrongAttestationIsNotApproved(mode: VirtualAttestationMode, reason: String) throws {
        let fixture = try VirtualKeyFixture(pin: "1234", approvingOwnCA: true)
        fixture.key.setAttestation(mode)

        RealYubiKeyAttestationTests.expectRejection(containing: reason) { () throws(SecurityKeyError) in
            _ = try makeCredential(fixture)
        }
        #expect(fixture.logs.lines.contains { $0.contains("security key not approved") })
    }

    @Test func noneAttestationPassesUnattestedWhenNotRequired() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        fixture.key.setAttestation(.none)
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate], requireAttestation: false)
        let provider = Fido2KeyProvider(
            virtualKeys: [fixture.key], includeUSB: false, logger: Logger(label: "t", level: .info, handler: fixture.logs),
            attestationPolicy: policy)
        let session = try provider.open(fixture.device)
        defer { session.close() }

        let credential = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))

        #expect(credential.attestationFormat == "none")
        #expect(credential.aaguid == Array(repeating: 0, count: 16))
        #expect(fixture.logs.lines.contains { $0.contains("accepted without verified attestation") })
    }

    @Test func excludedCredentialIsNotRegisteredTwice() throws {
        let fixture = try VirtualKeyFixture(pin: "1234", approvingOwnCA: true)
        let first = try makeCredential(fixture)
        let session = try fixture.open()
        defer { session.close() }
        let again = VirtualKeyFixture.credentialRequest(excluding: [Array(repeating: 7, count: 32), first.credentialID])

        #expect(throws: SecurityKeyError.credentialExcluded) { _ = try session.makeCredential(again, pin: .pin("1234")) }
        #expect(fixture.key.credentialCount == 1)
    }
}
