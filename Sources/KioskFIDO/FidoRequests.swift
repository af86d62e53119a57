import CFido2
import KioskCore
import KioskCrypto

/// Fills a `fido_cred_t` for makeCredential and reads the result back.
enum CredentialBuilder {
    /// Creates the libfido2 request: ES256, discoverable, clientDataHash = SHA-256(clientDataJSON).
    static func prepare(_ request: CredentialRequest) throws(SecurityKeyError) -> FidoCredential {
        let credential = try FidoCredential()
        let handle = credential.handle
        let clientDataHash = SHA256.hash(request.clientDataJSON)
        try check(fido_cred_set_type(handle, COSE_ES256), "fido_cred_set_type")
        try check(fido_cred_set_clientdata_hash(handle, clientDataHash, clientDataHash.count), "fido_cred_set_clientdata_hash")
        try check(fido_cred_set_rp(handle, request.rpID, request.rpName), "fido_cred_set_rp")
        try check(
            fido_cred_set_user(handle, request.userHandle, request.userHandle.count, request.userName, request.displayName, nil),
            "fido_cred_set_user")
        try check(fido_cred_set_rk(handle, FIDO_OPT_TRUE), "fido_cred_set_rk")
        for excluded in request.excludeCredentialIDs {
            try check(fido_cred_exclude(handle, excluded, excluded.count), "fido_cred_exclude")
        }
        return credential
    }

    /// Collects what the relying party needs from a created credential.
    static func registeredCredential(from credential: FidoCredential) throws(SecurityKeyError) -> RegisteredCredential {
        let handle = credential.handle
        let format = fido_cred_fmt(handle).map { String(cString: $0) } ?? ""
        let authData = bytes(fido_cred_authdata_raw_ptr(handle), fido_cred_authdata_raw_len(handle))
        let statement = bytes(fido_cred_attstmt_ptr(handle), fido_cred_attstmt_len(handle))
        guard let parsed = AuthenticatorData(parsing: authData) else {
            throw .deviceError(call: "fido_cred_authdata_raw_ptr", code: Int(FIDO_ERR_INVALID_PARAM))
        }
        let attestationObject = try makeAttestationObject(
            format: format, attestationStatement: statement, authenticatorData: authData)
        return RegisteredCredential(
            credentialID: bytes(fido_cred_id_ptr(handle), fido_cred_id_len(handle)),
            publicKeyCOSE: parsed.publicKeyCOSE, aaguid: parsed.aaguid, signCount: fido_cred_sigcount(handle),
            attestationFormat: format, attestationObject: attestationObject, authenticatorData: authData)
    }
}

/// Fills a `fido_assert_t` for the test sign-in and verifies the reply.
enum AssertionBuilder {
    static func prepare(_ request: AssertionRequest) throws(SecurityKeyError) -> FidoAssertion {
        let assertion = try FidoAssertion()
        let handle = assertion.handle
        let clientDataHash = SHA256.hash(request.clientDataJSON)
        try check(fido_assert_set_clientdata_hash(handle, clientDataHash, clientDataHash.count), "fido_assert_set_clientdata_hash")
        try check(fido_assert_set_rp(handle, request.rpID), "fido_assert_set_rp")
        try check(fido_assert_allow_cred(handle, request.credentialID, request.credentialID.count), "fido_assert_allow_cred")
        return assertion
    }

    /// Checks the first assertion against the expected credential id and public key.
    static func verify(_ assertion: FidoAssertion, request: AssertionRequest) throws(SecurityKeyError) -> AssertionResult {
        let handle = assertion.handle
        guard fido_assert_count(handle) >= 1 else { throw .assertionInvalid }
        let credentialID = bytes(fido_assert_id_ptr(handle, 0), fido_assert_id_len(handle, 0))
        guard credentialID == request.credentialID, let (x, y) = p256Coordinates(fromCOSE: request.publicKeyCOSE) else {
            throw .assertionInvalid
        }
        let publicKey = try FidoES256PublicKey()
        let point = [0x04] + x + y
        // es256_pk_from_ptr rejects a point that is not on the curve, which a tampered key usually is.
        guard es256_pk_from_ptr(publicKey.handle, point, point.count) == FIDO_OK else { throw .assertionInvalid }
        let result = fido_assert_verify(handle, 0, COSE_ES256, UnsafeRawPointer(publicKey.handle))
        guard result == FIDO_OK else { throw .assertionInvalid }
        return AssertionResult(
            credentialID: credentialID, signCount: fido_assert_sigcount(handle, 0),
            userVerified: fido_assert_flags(handle, 0) & 0x04 != 0)
    }
}

extension Fido2Session {
    /// Reads authenticatorGetInfo into the kiosk's `SecurityKeyInfo`; `catalog` names the model.
    static func readInfo(_ device: FidoDevice, catalog: KeyModelCatalog? = nil) throws(SecurityKeyError) -> SecurityKeyInfo {
        let info = try FidoCBORInfo()
        let handle = info.handle
        let result = fido_dev_get_cbor_info(device.handle, handle)
        guard result == FIDO_OK else {
            throw securityKeyError(code: result, context: FidoFailureContext(call: "fido_dev_get_cbor_info"))
        }
        let versions = strings(fido_cbor_info_versions_ptr(handle), fido_cbor_info_versions_len(handle))
        let optionNames = strings(fido_cbor_info_options_name_ptr(handle), fido_cbor_info_options_len(handle))
        let optionValues = fido_cbor_info_options_value_ptr(handle)
        let clientPinIndex = optionNames.firstIndex(of: "clientPin")
        let hasPIN = clientPinIndex.flatMap { index in optionValues.map { $0[index] } }
        let minimum = Int(fido_cbor_info_minpinlen(handle))
        let firmware = fido_cbor_info_fwversion(handle)
        let remaining = fido_cbor_info_rk_remaining(handle)
        let algorithms = (0..<fido_cbor_info_algorithm_count(handle)).map { Int(fido_cbor_info_algorithm_cose(handle, $0)) }
        let aaguid = bytes(fido_cbor_info_aaguid_ptr(handle), fido_cbor_info_aaguid_len(handle))
        return SecurityKeyInfo(
            aaguid: aaguid,
            versions: versions, hasPIN: hasPIN, minPINLength: minimum > 0 ? minimum : 4,
            forcePINChange: fido_cbor_info_new_pin_required(handle),
            firmwareVersion: firmware == 0 ? nil : formatFirmware(firmware),
            remainingDiscoverableCredentials: remaining < 0 ? nil : Int(remaining),
            algorithms: algorithms.isEmpty ? [-7] : algorithms, modelName: catalog?.modelName(for: aaguid))
    }

    /// YubiKeys report firmware 5.4.3 as 0x050403; other vendors' numbers read the same way.
    static func formatFirmware(_ value: UInt64) -> String {
        "\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    private static func strings(_ pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int) -> [String] {
        guard let pointer else { return [] }
        return (0..<count).compactMap { pointer[$0].map { String(cString: $0) } }
    }
}

/// Throws `.deviceError` for a failed setter; setters fail only on invalid arguments or memory.
private func check(_ result: Int32, _ call: String) throws(SecurityKeyError) {
    guard result == FIDO_OK else { throw securityKeyError(code: result, context: FidoFailureContext(call: call)) }
}

/// Copies `count` bytes from a libfido2 getter; empty when the pointer is NULL.
func bytes(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let pointer, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
}
