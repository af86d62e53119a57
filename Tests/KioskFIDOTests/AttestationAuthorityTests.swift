import CFido2
import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

@Suite("AttestationAuthority and the packed attestation it signs")
struct AttestationAuthorityTests {
    /// The parts of a packed attestation object, read with the project's CBOR reader.
    struct PackedStatement {
        var format: String
        var authData: [UInt8]
        var signature: [UInt8]
        var certificate: [UInt8]

        init(_ attestationObject: [UInt8]) throws {
            let object = try CBOR.decode(attestationObject)
            format = try #require(object[text: "fmt"]?.textValue)
            authData = try #require(object[text: "authData"]?.bytesValue)
            let statement = try #require(object[text: "attStmt"])
            #expect(statement[text: "alg"]?.intValue == -7)
            signature = try #require(statement[text: "sig"]?.bytesValue)
            let chain = try #require(statement[text: "x5c"]?.arrayValue)
            #expect(chain.count == 1)
            certificate = try #require(chain.first?.bytesValue)
        }
    }

    private func register(_ fixture: VirtualKeyFixture) throws -> (CredentialRequest, RegisteredCredential) {
        let session = try fixture.open()
        defer { session.close() }
        let request = VirtualKeyFixture.credentialRequest()
        return (request, try session.makeCredential(request, pin: .pin("1234")))
    }

    /// Runs libfido2's own check of a packed attestation, outside the session code.
    private func libfido2Verify(_ statement: PackedStatement, clientDataJSON: [UInt8]) throws -> Int32 {
        let credential = try #require(fido_cred_new())
        defer {
            var pointer: OpaquePointer? = credential
            fido_cred_free(&pointer)
        }
        let clientDataHash = SHA256.hash(clientDataJSON)
        #expect(fido_cred_set_type(credential, COSE_ES256) == FIDO_OK)
        #expect(fido_cred_set_clientdata_hash(credential, clientDataHash, clientDataHash.count) == FIDO_OK)
        #expect(fido_cred_set_rp(credential, VirtualKeyFixture.rpID, nil) == FIDO_OK)
        #expect(fido_cred_set_uv(credential, FIDO_OPT_TRUE) == FIDO_OK)
        #expect(fido_cred_set_authdata_raw(credential, statement.authData, statement.authData.count) == FIDO_OK)
        #expect(fido_cred_set_fmt(credential, statement.format) == FIDO_OK)
        #expect(fido_cred_set_x509(credential, statement.certificate, statement.certificate.count) == FIDO_OK)
        #expect(fido_cred_set_sig(credential, statement.signature, statement.signature.count) == FIDO_OK)
        return fido_cred_verify(credential)
    }

    @Test func attestationVerifiesWithLibfido2() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let (request, credential) = try register(fixture)
        let statement = try PackedStatement(credential.attestationObject)

        #expect(statement.format == "packed")
        #expect(statement.authData == credential.authenticatorData)
        #expect(try libfido2Verify(statement, clientDataJSON: request.clientDataJSON) == FIDO_OK)
    }

    @Test func tamperedAuthDataFailsLibfido2Check() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let (request, credential) = try register(fixture)
        var tampered = try PackedStatement(credential.attestationObject)
        tampered.authData[40] ^= 0xFF

        #expect(try libfido2Verify(tampered, clientDataJSON: request.clientDataJSON) == FIDO_ERR_INVALID_SIG)
    }

    @Test func wrongClientDataFailsLibfido2Check() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let (_, credential) = try register(fixture)
        let statement = try PackedStatement(credential.attestationObject)
        let otherClientData = VirtualKeyFixture.clientDataJSON(type: "webauthn.create", challenge: [1, 2, 3])

        #expect(try libfido2Verify(statement, clientDataJSON: otherClientData) == FIDO_ERR_INVALID_SIG)
    }

    @Test func x5cChainsToPersistedTestCA() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let (_, credential) = try register(fixture)
        let statement = try PackedStatement(credential.attestationObject)
        let rootPEM = try String(contentsOfFile: fixture.key.attestation.caCertificatePath, encoding: .utf8)

        let leaf = try X509Certificate(der: statement.certificate)
        try leaf.verifyChain(roots: [try X509Certificate(pem: rootPEM)])
    }

    @Test func x5cDoesNotChainToAnotherCA() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let stranger = try VirtualKeyFixture()
        let (_, credential) = try register(fixture)
        let leaf = try X509Certificate(der: try PackedStatement(credential.attestationObject).certificate)

        #expect(throws: CryptoError.self) { try leaf.verifyChain(roots: [stranger.key.attestation.caCertificate]) }
    }

    @Test func leafMeetsPackedCertificateRequirements() throws {
        let fixture = try VirtualKeyFixture()
        let leaf = fixture.key.attestation.attestationCertificate

        #expect(leaf.version == 3)
        #expect(leaf.subjectLine.contains("/C=DE"))
        #expect(leaf.subjectLine.contains("/O=Kiosk Demo"))
        #expect(leaf.subjectLine.contains("/OU=Authenticator Attestation"))
        #expect(leaf.subjectLine.contains("/CN="))
        #expect(!leaf.isCA)
        #expect(leaf.extensionValue(oid: AttestationAuthority.aaguidExtensionOID) == [0x04, 0x10] + VirtualKeyConfiguration.demoAAGUID)
        #expect(fixture.key.attestation.caCertificate.isCA)
    }

    @Test func secondKeyReusesPersistedCA() throws {
        let fixture = try VirtualKeyFixture()
        let second = try VirtualAuthenticator(
            configuration: VirtualKeyConfiguration(path: fixture.key.configuration.path + "-second"), dataDirectory: fixture.directory)

        #expect(try second.attestation.caCertificatePEM() == fixture.key.attestation.caCertificatePEM())
        #expect(second.attestation.attestationCertificate.der() == fixture.key.attestation.attestationCertificate.der())
    }

    @Test func otherAAGUIDGetsNewLeafFromSameCA() throws {
        let fixture = try VirtualKeyFixture()
        let aaguid: [UInt8] = Array(repeating: 0xAB, count: 16)
        let configuration = VirtualKeyConfiguration(path: fixture.key.configuration.path + "-other", aaguid: aaguid)
        let other = try VirtualAuthenticator(configuration: configuration, dataDirectory: fixture.directory)

        #expect(try other.attestation.caCertificatePEM() == fixture.key.attestation.caCertificatePEM())
        #expect(other.attestation.attestationCertificate.extensionValue(oid: AttestationAuthority.aaguidExtensionOID) == [0x04, 0x10] + aaguid)
        try other.attestation.attestationCertificate.verifyChain(roots: [fixture.key.attestation.caCertificate])
    }

    @Test func keyFilesAreOwnerOnly() throws {
        let fixture = try VirtualKeyFixture()
        for name in ["attestation-ca-key.pem", "attestation-key.pem"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.directory + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: fixture.directory + "/" + AttestationAuthority.caCertificateFileName))
    }

    @Test func duplicatePathIsRejected() throws {
        let fixture = try VirtualKeyFixture()
        #expect(throws: VirtualKeyError.pathInUse(fixture.key.configuration.path)) {
            _ = try VirtualAuthenticator(configuration: fixture.key.configuration, dataDirectory: fixture.directory)
        }
    }

    @Test func corruptCAFileIsReported() throws {
        let directory = NSTemporaryDirectory() + "kiosk-fido-tests/" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "not a certificate".write(toFile: directory + "/attestation-ca.pem", atomically: true, encoding: .utf8)
        try "not a key".write(toFile: directory + "/attestation-ca-key.pem", atomically: true, encoding: .utf8)

        #expect {
            _ = try AttestationAuthority.loadOrCreate(directory: directory, aaguid: VirtualKeyConfiguration.demoAAGUID)
        } throws: { error in
            guard case .invalidFile(let path, _) = error as? VirtualKeyError else { return false }
            return path.hasSuffix("attestation-ca.pem")
        }
    }
}
