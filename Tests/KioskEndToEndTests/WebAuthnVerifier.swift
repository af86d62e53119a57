import Foundation
import KioskCore
import Testing

/// Calls the independent WebAuthn verifier (py_webauthn, Tests/Verifier/verify_registration.py)
/// on a credential from an outbox record.
enum WebAuthnVerifier {
    static let script = KioskFixture.repositoryRoot + "/Tests/Verifier/verify_registration.py"

    /// Returns the verifier's exit status (0 = verified) and its JSON report.
    static func verify(_ credential: CredentialRecord, rootCertificatePath: String) throws -> (status: Int32, output: String) {
        let python = try #require(
            ProcessInfo.processInfo.environment["KIOSK_VERIFIER_PYTHON"],
            "KIOSK_VERIFIER_PYTHON is not set: run Scripts/test, which creates .build/venv with py_webauthn")
        let clientData = try #require(Base64URL.decode(credential.clientDataJSON))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(clientData)) as? [String: Any])
        let challenge = try #require(parsed["challenge"] as? String)
        let input: [String: String] = [
            "attestationObject": credential.attestationObject,
            "clientDataJSON": credential.clientDataJSON,
            "challenge": challenge,
            "rpID": credential.rpID,
            "origin": credential.origin,
            "rootCertPEM": try String(contentsOfFile: rootCertificatePath, encoding: .utf8),
            "credentialID": credential.credentialID,
        ]
        let inputPath = NSTemporaryDirectory() + "kiosk-e2e-verify-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: inputPath))
        return try runProgram(python, [script, inputPath])
    }
}
