import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

/// Runs Tests/Verifier/verify_registration.py (py_webauthn) on registrations made through libfido2.
///
/// The interpreter comes from KIOSK_VERIFIER_PYTHON, which Scripts/test sets to the virtualenv
/// that `Scripts/setup --with-test-tools` creates. Without it the suite is disabled locally, but
/// under CI (CI set) it runs and fails, so a CI job cannot skip the independent check by accident.
@Suite(
    "Independent WebAuthn verification with py_webauthn",
    .enabled(
        if: ProcessInfo.processInfo.environment["KIOSK_VERIFIER_PYTHON"] != nil
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "set KIOSK_VERIFIER_PYTHON or run Scripts/test"))
struct WebAuthnVerifierTests {
    struct Outcome {
        let exitStatus: Int32
        let report: [String: Any]
    }

    static var verifierScript: String {
        // This file is Tests/KioskFIDOTests/WebAuthnVerifierTests.swift; the script sits in Tests/Verifier.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Verifier/verify_registration.py").path
    }

    private func runVerifier(_ input: [String: String]) throws -> Outcome {
        let python = try #require(
            ProcessInfo.processInfo.environment["KIOSK_VERIFIER_PYTHON"],
            "KIOSK_VERIFIER_PYTHON is not set: run Scripts/test, which creates .build/venv with py_webauthn")
        let inputFile = NSTemporaryDirectory() + "kiosk-verifier-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: inputFile) }
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: inputFile))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.verifierScript, inputFile]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return Outcome(exitStatus: process.terminationStatus, report: report)
    }

    private func registration() throws -> (input: [String: String], credential: RegisteredCredential) {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let challenge = try SecureRandom.bytes(32)
        let request = VirtualKeyFixture.credentialRequest(challenge: challenge, displayName: "Jürgen Groß")
        let credential = try session.makeCredential(request, pin: .pin("1234"))
        let input = [
            "attestationObject": Base64URL.encode(credential.attestationObject),
            "clientDataJSON": Base64URL.encode(request.clientDataJSON),
            "rpID": VirtualKeyFixture.rpID,
            "origin": VirtualKeyFixture.origin,
            "challenge": Base64URL.encode(challenge),
            "rootCertPEM": try fixture.key.attestation.caCertificatePEM(),
        ]
        return (input, credential)
    }

    @Test func verifierAcceptsRegistration() throws {
        let (input, credential) = try registration()
        let outcome = try runVerifier(input)

        #expect(outcome.exitStatus == 0, "verifier output: \(outcome.report)")
        #expect(outcome.report["verified"] as? Bool == true)
        #expect(outcome.report["fmt"] as? String == "packed")
        #expect(outcome.report["userVerified"] as? Bool == true)
        #expect(outcome.report["credentialID"] as? String == Base64URL.encode(credential.credentialID))
        #expect(outcome.report["aaguid"] as? String == Hex.uuid(VirtualKeyConfiguration.demoAAGUID))
    }

    @Test func verifierRejectsTamperedAttestationObject() throws {
        var (input, credential) = try registration()
        var tampered = credential.attestationObject
        tampered[tampered.count - 5] ^= 0x01
        input["attestationObject"] = Base64URL.encode(tampered)
        let outcome = try runVerifier(input)

        #expect(outcome.exitStatus == 1)
        #expect(outcome.report["verified"] as? Bool == false)
    }

    @Test func verifierRejectsOtherChallenge() throws {
        var (input, _) = try registration()
        input["challenge"] = Base64URL.encode(try SecureRandom.bytes(32))

        #expect(try runVerifier(input).exitStatus == 1)
    }

    @Test func verifierRejectsUntrustedRoot() throws {
        var (input, _) = try registration()
        let stranger = try VirtualKeyFixture()
        input["rootCertPEM"] = try stranger.key.attestation.caCertificatePEM()

        #expect(try runVerifier(input).exitStatus == 1)
    }

    @Test func verifierAcceptsBase64URLRootCertificate() throws {
        var (input, _) = try registration()
        input["rootCertPEM"] = Base64URL.encode(Array((input["rootCertPEM"] ?? "").utf8))

        #expect(try runVerifier(input).exitStatus == 0)
    }
}
