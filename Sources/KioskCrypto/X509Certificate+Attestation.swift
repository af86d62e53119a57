import CCrypto

/// COSE algorithm identifiers the certificate signature check understands (IANA COSE registry).
public enum COSEAlgorithm {
    /// ECDSA with SHA-256 (on P-256 for WebAuthn).
    public static let es256 = -7
    /// EdDSA (Ed25519 for WebAuthn).
    public static let edDSA = -8
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    public static let rs256 = -257
}

/// The checks a WebAuthn attestation verifier needs beyond parsing and chain building.
extension X509Certificate {
    /// Reads every certificate of a PEM text, in file order; text outside the blocks is ignored.
    ///
    /// - Throws: `CryptoError.openSSL` when a block is not a readable certificate, or when the
    ///   text holds no certificate at all.
    public static func all(pem: String) throws(CryptoError) -> [X509Certificate] {
        let marker = "-----BEGIN CERTIFICATE-----"
        let blockCount = pem.ranges(of: marker).count
        guard blockCount > 0 else { throw .openSSL(call: "PEM_read_bio_X509", detail: "no certificate in the text") }
        let bio = try MemoryBIO(Array(pem.utf8))
        var certificates: [X509Certificate] = []
        for _ in 0..<blockCount {
            guard let certificate = PEM_read_bio_X509(bio.bio, nil, nil, nil) else {
                throw .openSSL(call: "PEM_read_bio_X509", detail: openSSLErrorDetail())
            }
            certificates.append(X509Certificate(taking: certificate))
        }
        return certificates
    }

    /// SHA-256 of the DER encoding as lower-case hex: the fingerprint roots are pinned by.
    public var sha256Fingerprint: String { SHA256.hex(der()) }

    /// Whether the certificate's signature verifies with its own public key (a sound self-signed root).
    public var hasValidSelfSignature: Bool {
        guard let key = X509_get_pubkey(x509) else { return false }
        defer { EVP_PKEY_free(key) }
        let result = X509_verify(x509, key)
        ERR_clear_error()
        return result == 1
    }

    /// Returns whether the extension with `oid` is marked critical; `nil` when the certificate lacks it.
    public func isExtensionCritical(oid: String) -> Bool? {
        guard let object = OBJ_txt2obj(oid, 1) else { return nil }
        defer { ASN1_OBJECT_free(object) }
        let index = X509_get_ext_by_OBJ(x509, object, -1)
        guard index >= 0, let ext = X509_get_ext(x509, index) else { return nil }
        return X509_EXTENSION_get_critical(ext) != 0
    }

    /// Returns the values of one subject attribute, such as `"OU"`, in certificate order.
    ///
    /// - Parameter shortName: OpenSSL's short name of the attribute type (C, O, OU, CN).
    public func subjectValues(_ shortName: String) -> [String] {
        let nid = OBJ_txt2nid(shortName)
        guard nid != NID_undef, let name = X509_get_subject_name(x509) else { return [] }
        var values: [String] = []
        var index: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else {
                return values
            }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            if length >= 0, let utf8 {
                values.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self))
                kiosk_openssl_free(utf8)
            }
        }
    }

    /// Checks `signature` over `message` with the certificate's public key.
    ///
    /// - Parameter algorithm: COSE identifier; ES256 needs an EC key and a DER ECDSA signature,
    ///   EdDSA an Ed25519 key, RS256 an RSA key.
    /// - Returns: `false` for a wrong signature, a key of another type or an unknown algorithm.
    public func verifySignature(algorithm: Int, signature: [UInt8], message: [UInt8]) -> Bool {
        guard let key = X509_get_pubkey(x509) else { return false }
        defer { EVP_PKEY_free(key) }
        let keyType = EVP_PKEY_get_base_id(key)
        let digest: OpaquePointer?
        switch algorithm {
        case COSEAlgorithm.es256 where keyType == EVP_PKEY_EC: digest = EVP_sha256()
        case COSEAlgorithm.rs256 where keyType == EVP_PKEY_RSA: digest = EVP_sha256()
        case COSEAlgorithm.edDSA where keyType == EVP_PKEY_ED25519: digest = nil
        default: return false
        }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        defer { ERR_clear_error() }
        guard EVP_DigestVerifyInit(context, nil, digest, nil, key) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }
}
