import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

@Suite("AttestationPolicy with the virtual key's attestation")
struct AttestationPolicyTests {
    private struct Registration {
        let credential: RegisteredCredential
        let request: CredentialRequest
    }

    private func register(_ fixture: VirtualKeyFixture) throws -> Registration {
        let session = try fixture.open()
        defer { session.close() }
        let request = VirtualKeyFixture.credentialRequest()
        return Registration(credential: try session.makeCredential(request, pin: .pin("1234")), request: request)
    }

    private func check(_ policy: AttestationPolicy, _ registration: Registration) throws(SecurityKeyError) -> AttestationVerdict {
        try policy.check(registration.credential, clientDataJSON: registration.request.clientDataJSON, rpID: VirtualKeyFixture.rpID)
    }

    @Test func trustedRootAndAllowedAAGUIDPass() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let registration = try register(fixture)
        let catalog = KeyModelCatalog(models: [KeyModel(aaguid: VirtualKeyConfiguration.demoAAGUID, name: "Virtual YubiKey (demo)")])
        let policy = AttestationPolicy(
            trustedRoots: [fixture.key.attestation.caCertificate], allowedAAGUIDs: [VirtualKeyConfiguration.demoAAGUID],
            catalog: catalog)

        let verdict = try check(policy, registration)

        #expect(verdict.attested)
        #expect(verdict.modelName == "Virtual YubiKey (demo)")
        #expect(verdict.rootFingerprint == fixture.key.attestation.caCertificate.sha256Fingerprint)
    }

    @Test func emptyAllowListAcceptsAnyAAGUID() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let registration = try register(fixture)

        let verdict = try check(AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate]), registration)

        #expect(verdict.attested)
        #expect(verdict.modelName == nil)
    }

    @Test func untrustedRootIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let stranger = try VirtualKeyFixture()
        let registration = try register(fixture)
        let policy = AttestationPolicy(trustedRoots: [stranger.key.attestation.caCertificate])

        RealYubiKeyAttestationTests.expectRejection(containing: "does not lead to a trusted root") { () throws(SecurityKeyError) in
            _ = try check(policy, registration)
        }
    }

    @Test func untrustedRootPassesAsUnattestedWhenNotRequired() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let stranger = try VirtualKeyFixture()
        let registration = try register(fixture)
        let policy = AttestationPolicy(trustedRoots: [stranger.key.attestation.caCertificate], requireAttestation: false)

        let verdict = try check(policy, registration)

        #expect(!verdict.attested)
        #expect(verdict.modelName == nil)
        #expect(verdict.unattestedReason?.contains("trusted root") == true)
    }

    @Test func yubicoRootsRejectTheVirtualKey() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let registration = try register(fixture)
        var policy = try RealYubiKeyAttestationTests.shippedPolicy()
        policy.verificationTime = nil

        RealYubiKeyAttestationTests.expectRejection(containing: "does not lead to a trusted root") { () throws(SecurityKeyError) in
            _ = try check(policy, registration)
        }
    }

    @Test func aaguidOffAllowListIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let registration = try register(fixture)
        let yubiKey5NFC = try #require(KeyModelCatalog.parseAAGUID("2fc0579f-8113-47ea-b116-bb5a8db9202a"))
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate], allowedAAGUIDs: [yubiKey5NFC])

        RealYubiKeyAttestationTests.expectRejection(containing: "allow-list") { () throws(SecurityKeyError) in
            _ = try check(policy, registration)
        }
    }

    @Test func wrongRelyingPartyIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let registration = try register(fixture)
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate], requireAttestation: false)

        RealYubiKeyAttestationTests.expectRejection(containing: "rpIdHash") { () throws(SecurityKeyError) in
            _ = try policy.check(registration.credential, clientDataJSON: registration.request.clientDataJSON, rpID: "other.example")
        }
    }

    @Test func unreadableObjectIsRejected() {
        let policy = AttestationPolicy(trustedRoots: [])

        RealYubiKeyAttestationTests.expectRejection(containing: "not a CBOR map") { () throws(SecurityKeyError) in
            _ = try policy.evaluate(attestationObject: [0xA1, 0x01], clientDataHash: Array(repeating: 0, count: 32), rpID: "stadt.example")
        }
    }
}
