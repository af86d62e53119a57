import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

@Suite("AttestationPolicy model checks")
struct AttestationPolicyTests {
    private func register(_ fixture: VirtualKeyFixture) throws -> RegisteredCredential {
        let session = try fixture.open()
        defer { session.close() }
        return try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
    }

    @Test func trustedRootAndAllowedAAGUIDPass() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let credential = try register(fixture)
        let policy = try AttestationPolicy(
            trustedRootsPEM: [fixture.key.attestation.caCertificatePEM()], allowedAAGUIDs: [VirtualKeyConfiguration.demoAAGUID])

        try policy.check(credential)
    }

    @Test func emptyAllowListAcceptsAnyAAGUID() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let credential = try register(fixture)

        try AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate]).check(credential)
    }

    @Test func untrustedRootIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let stranger = try VirtualKeyFixture()
        let credential = try register(fixture)
        let policy = AttestationPolicy(trustedRoots: [stranger.key.attestation.caCertificate])

        #expect {
            try policy.check(credential)
        } throws: { error in
            guard case .unsupportedKey(let reason) = error as? SecurityKeyError else { return false }
            return reason.contains("not trusted")
        }
    }

    @Test func aaguidOffAllowListIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let credential = try register(fixture)
        let yubiKey5NFC: [UInt8] = [
            0x2F, 0xC0, 0x57, 0x9F, 0x81, 0x13, 0x47, 0xEA, 0xB1, 0x16, 0xBB, 0x5A, 0x8D, 0xB9, 0x20, 0x2A,
        ]
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate], allowedAAGUIDs: [yubiKey5NFC])

        #expect {
            try policy.check(credential)
        } throws: { error in
            guard case .unsupportedKey(let reason) = error as? SecurityKeyError else { return false }
            return reason.contains("allow-list")
        }
    }

    @Test func aaguidDifferentFromCertificateIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        var credential = try register(fixture)
        credential.aaguid = Array(repeating: 0x42, count: 16)
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate])

        #expect {
            try policy.check(credential)
        } throws: { error in
            guard case .unsupportedKey(let reason) = error as? SecurityKeyError else { return false }
            return reason.contains("differs")
        }
    }

    @Test func attestationWithoutCertificateIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        var credential = try register(fixture)
        credential.attestationObject = try CBOR.map([
            CBORPair(.text("fmt"), .text("packed")),
            CBORPair(.text("attStmt"), .map([CBORPair(.text("alg"), .int(-7)), CBORPair(.text("sig"), .bytes([1]))])),
            CBORPair(.text("authData"), .bytes(credential.authenticatorData)),
        ]).encoded()
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate])

        #expect(throws: SecurityKeyError.unsupportedKey(reason: "attestation has no x5c certificate")) { try policy.check(credential) }
    }

    @Test func otherFormatIsRejected() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        var credential = try register(fixture)
        credential.attestationFormat = "none"
        let policy = AttestationPolicy(trustedRoots: [fixture.key.attestation.caCertificate])

        #expect(throws: SecurityKeyError.unsupportedKey(reason: "attestation format none is not packed")) { try policy.check(credential) }
    }

    @Test func garbagePEMIsReported() {
        #expect(throws: CryptoError.self) { _ = try AttestationPolicy(trustedRootsPEM: ["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"]) }
    }
}
