import CCrypto

/// One attribute of an X.509 distinguished name, such as `("C", "DE")` or `("CN", "Demo CA")`.
public struct NameAttribute: Sendable, Hashable {
    /// OpenSSL's short name of the attribute type: C, O, OU, CN, ...
    public var type: String
    /// The value, UTF-8.
    public var value: String

    public init(_ type: String, _ value: String) {
        self.type = type
        self.value = value
    }
}

/// A non-standard certificate extension given by OID and its DER-encoded value.
public struct CustomExtension: Sendable, Hashable {
    /// Dotted OID, for example `1.3.6.1.4.1.45724.1.1.4` (FIDO AAGUID).
    public var oid: String
    /// Whether a verifier that does not know the OID must reject the certificate.
    public var critical: Bool
    /// The extnValue content: the DER encoding that goes inside the extension's OCTET STRING.
    public var valueDER: [UInt8]

    public init(oid: String, critical: Bool, valueDER: [UInt8]) {
        self.oid = oid
        self.critical = critical
        self.valueDER = valueDER
    }
}

/// Creates v3 certificates signed with ECDSA-SHA256 by a P-256 key.
///
/// Meant for test and demo CAs (the virtual security key's attestation chain), not for a
/// production PKI: validity starts one day before the current time to tolerate clock skew.
public enum CertificateBuilder {
    /// Creates a self-signed CA certificate (basicConstraints CA:TRUE, keyCertSign and cRLSign).
    public static func selfSignedCA(subject: [NameAttribute], key: P256Key, validityDays: Int) throws(CryptoError) -> X509Certificate {
        let certificate = try newCertificate(subject: subject, issuer: subject, publicKey: key, validityDays: validityDays)
        try addExtension(certificate, issuer: certificate, nid: NID_basic_constraints, value: "critical,CA:TRUE")
        try addExtension(certificate, issuer: certificate, nid: NID_key_usage, value: "critical,keyCertSign,cRLSign")
        try addExtension(certificate, issuer: certificate, nid: NID_subject_key_identifier, value: "hash")
        try sign(certificate, with: key)
        return certificate
    }

    /// Creates an end-entity certificate for `publicKey`, signed by `issuer`'s key.
    ///
    /// The leaf carries basicConstraints CA:FALSE, keyUsage digitalSignature, the authority key
    /// identifier of the issuer and every extension in `extensions`.
    public static func leaf(
        subject: [NameAttribute], publicKey: P256Key, issuer: X509Certificate, issuerKey: P256Key,
        validityDays: Int, extensions: [CustomExtension] = []
    ) throws(CryptoError) -> X509Certificate {
        let issuerName = X509_get_subject_name(issuer.x509)
        let certificate = try newCertificate(subject: subject, issuer: [], publicKey: publicKey, validityDays: validityDays)
        guard X509_set_issuer_name(certificate.x509, issuerName) == 1 else {
            throw .openSSL(call: "X509_set_issuer_name", detail: openSSLErrorDetail())
        }
        try addExtension(certificate, issuer: issuer, nid: NID_basic_constraints, value: "critical,CA:FALSE")
        try addExtension(certificate, issuer: issuer, nid: NID_key_usage, value: "critical,digitalSignature")
        try addExtension(certificate, issuer: issuer, nid: NID_subject_key_identifier, value: "hash")
        try addExtension(certificate, issuer: issuer, nid: NID_authority_key_identifier, value: "keyid:always")
        for custom in extensions { try addCustomExtension(certificate, custom) }
        try sign(certificate, with: issuerKey)
        return certificate
    }

    /// Creates an intermediate CA certificate for `publicKey`, signed by `issuer`'s key
    /// (basicConstraints CA:TRUE with path length 0, keyCertSign and cRLSign).
    public static func intermediateCA(
        subject: [NameAttribute], publicKey: P256Key, issuer: X509Certificate, issuerKey: P256Key, validityDays: Int
    ) throws(CryptoError) -> X509Certificate {
        let certificate = try newCertificate(subject: subject, issuer: [], publicKey: publicKey, validityDays: validityDays)
        guard X509_set_issuer_name(certificate.x509, X509_get_subject_name(issuer.x509)) == 1 else {
            throw .openSSL(call: "X509_set_issuer_name", detail: openSSLErrorDetail())
        }
        try addExtension(certificate, issuer: issuer, nid: NID_basic_constraints, value: "critical,CA:TRUE,pathlen:0")
        try addExtension(certificate, issuer: issuer, nid: NID_key_usage, value: "critical,keyCertSign,cRLSign")
        try addExtension(certificate, issuer: issuer, nid: NID_subject_key_identifier, value: "hash")
        try addExtension(certificate, issuer: issuer, nid: NID_authority_key_identifier, value: "keyid:always")
        try sign(certificate, with: issuerKey)
        return certificate
    }

    /// The DER of an OCTET STRING holding `bytes` (short-form length, so at most 127 bytes).
    public static func octetStringDER(_ bytes: [UInt8]) -> [UInt8] {
        precondition(bytes.count < 128, "short-form DER length only")
        return [0x04, UInt8(bytes.count)] + bytes
    }

    private static func newCertificate(
        subject: [NameAttribute], issuer: [NameAttribute], publicKey: P256Key, validityDays: Int
    ) throws(CryptoError) -> X509Certificate {
        guard let raw = X509_new() else { throw .openSSL(call: "X509_new", detail: openSSLErrorDetail()) }
        let certificate = X509Certificate(taking: raw)
        guard X509_set_version(raw, 2) == 1 else { throw .openSSL(call: "X509_set_version", detail: openSSLErrorDetail()) }
        try setRandomSerial(raw)
        guard X509_gmtime_adj(X509_getm_notBefore(raw), -86_400) != nil,
            X509_gmtime_adj(X509_getm_notAfter(raw), validityDays * 86_400) != nil
        else { throw .openSSL(call: "X509_gmtime_adj", detail: openSSLErrorDetail()) }
        guard X509_set_pubkey(raw, publicKey.pkey) == 1 else {
            throw .openSSL(call: "X509_set_pubkey", detail: openSSLErrorDetail())
        }
        try setName(subject, on: raw, setter: X509_set_subject_name)
        if !issuer.isEmpty { try setName(issuer, on: raw, setter: X509_set_issuer_name) }
        return certificate
    }

    private static func setRandomSerial(_ raw: OpaquePointer) throws(CryptoError) {
        guard let number = BN_new() else { throw .openSSL(call: "BN_new", detail: openSSLErrorDetail()) }
        defer { BN_free(number) }
        // 127 random bits with the top bit clear keep the serial positive and within 20 octets.
        guard BN_rand(number, 127, -1, 0) == 1, BN_to_ASN1_INTEGER(number, X509_get_serialNumber(raw)) != nil else {
            throw .openSSL(call: "BN_rand", detail: openSSLErrorDetail())
        }
    }

    private static func setName(
        _ attributes: [NameAttribute], on raw: OpaquePointer,
        setter: (OpaquePointer?, OpaquePointer?) -> Int32
    ) throws(CryptoError) {
        guard let name = X509_NAME_new() else { throw .openSSL(call: "X509_NAME_new", detail: openSSLErrorDetail()) }
        defer { X509_NAME_free(name) }
        for attribute in attributes {
            let bytes = Array(attribute.value.utf8)
            guard X509_NAME_add_entry_by_txt(name, attribute.type, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, 0) == 1 else {
                throw .openSSL(call: "X509_NAME_add_entry_by_txt", detail: "\(attribute.type): \(openSSLErrorDetail())")
            }
        }
        guard setter(raw, name) == 1 else { throw .openSSL(call: "X509_set_name", detail: openSSLErrorDetail()) }
    }

    private static func addExtension(
        _ certificate: X509Certificate, issuer: X509Certificate, nid: Int32, value: String
    ) throws(CryptoError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer.x509, certificate.x509, nil, nil, 0)
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw .openSSL(call: "X509V3_EXT_conf_nid", detail: "\(value): \(openSSLErrorDetail())")
        }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(certificate.x509, ext, -1) == 1 else {
            throw .openSSL(call: "X509_add_ext", detail: openSSLErrorDetail())
        }
    }

    private static func addCustomExtension(_ certificate: X509Certificate, _ custom: CustomExtension) throws(CryptoError) {
        guard let object = OBJ_txt2obj(custom.oid, 1) else { throw .invalidKey("invalid OID \(custom.oid)") }
        defer { ASN1_OBJECT_free(object) }
        guard let octets = ASN1_OCTET_STRING_new() else {
            throw .openSSL(call: "ASN1_OCTET_STRING_new", detail: openSSLErrorDetail())
        }
        defer { ASN1_OCTET_STRING_free(octets) }
        guard ASN1_OCTET_STRING_set(octets, custom.valueDER, Int32(custom.valueDER.count)) == 1,
            let ext = X509_EXTENSION_create_by_OBJ(nil, object, custom.critical ? 1 : 0, octets)
        else { throw .openSSL(call: "X509_EXTENSION_create_by_OBJ", detail: openSSLErrorDetail()) }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(certificate.x509, ext, -1) == 1 else {
            throw .openSSL(call: "X509_add_ext", detail: openSSLErrorDetail())
        }
    }

    private static func sign(_ certificate: X509Certificate, with key: P256Key) throws(CryptoError) {
        guard X509_sign(certificate.x509, key.pkey, EVP_sha256()) > 0 else {
            throw .openSSL(call: "X509_sign", detail: openSSLErrorDetail())
        }
    }
}
