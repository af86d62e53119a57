import CCrypto

/// An X.509 certificate held in an OpenSSL `X509`, freed once in `deinit`.
///
/// Covers what the kiosk needs: reading PEM/DER, writing PEM/DER, the subject public key and
/// a chain check against trusted roots. `CertificateBuilder` creates new certificates.
public final class X509Certificate: @unchecked Sendable {
    /// The owned OpenSSL certificate.
    let x509: OpaquePointer

    init(taking x509: OpaquePointer) { self.x509 = x509 }

    deinit { X509_free(x509) }

    /// Parses one PEM certificate (the first one when the text holds several).
    public convenience init(pem: String) throws(CryptoError) {
        let bio = try MemoryBIO(Array(pem.utf8))
        guard let certificate = PEM_read_bio_X509(bio.bio, nil, nil, nil) else {
            throw .openSSL(call: "PEM_read_bio_X509", detail: openSSLErrorDetail())
        }
        self.init(taking: certificate)
    }

    /// Parses a DER certificate; trailing bytes are rejected.
    public convenience init(der: [UInt8]) throws(CryptoError) {
        var consumed = 0
        let certificate: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            let parsed = d2i_X509(nil, &cursor, buffer.count)
            if let base = buffer.baseAddress, let cursor { consumed = cursor - base }
            return parsed
        }
        guard let certificate else { throw .openSSL(call: "d2i_X509", detail: openSSLErrorDetail()) }
        guard consumed == der.count else {
            X509_free(certificate)
            throw .invalidKey("certificate DER has \(der.count - consumed) trailing bytes")
        }
        self.init(taking: certificate)
    }

    /// The DER encoding, or empty when OpenSSL cannot encode it.
    public func der() -> [UInt8] {
        let length = i2d_X509(x509, nil)
        guard length > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: Int(length))
        output.withUnsafeMutableBufferPointer { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            _ = i2d_X509(x509, &cursor)
        }
        return output
    }

    /// The PEM encoding ("-----BEGIN CERTIFICATE-----" block with a trailing newline).
    public func pem() throws(CryptoError) -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_X509(bio.bio, x509) == 1 else {
            throw .openSSL(call: "PEM_write_bio_X509", detail: openSSLErrorDetail())
        }
        return String(decoding: bio.contents(), as: UTF8.self)
    }

    /// The subject public key when it is a P-256 key, otherwise `nil`.
    public func p256PublicKey() -> P256Key? {
        guard let key = X509_get_pubkey(x509) else { return nil }
        let wrapped = P256Key(taking: key)
        return wrapped.publicPoint().count == 65 ? wrapped : nil
    }

    /// The subject as OpenSSL's one-line form, for example `/C=DE/O=Example/CN=Demo`.
    public var subjectLine: String {
        guard let name = X509_get_subject_name(x509), let text = X509_NAME_oneline(name, nil, 0) else { return "" }
        defer { kiosk_openssl_free(text) }
        return String(cString: text)
    }

    /// The X.509 version number as written in the certificate (3 for v3).
    public var version: Int { Int(X509_get_version(x509)) + 1 }

    /// The raw value (the extnValue octets) of the extension with `oid`, or `nil` when absent.
    public func extensionValue(oid: String) -> [UInt8]? {
        guard let object = OBJ_txt2obj(oid, 1) else { return nil }
        defer { ASN1_OBJECT_free(object) }
        let index = X509_get_ext_by_OBJ(x509, object, -1)
        guard index >= 0, let ext = X509_get_ext(x509, index), let data = X509_EXTENSION_get_data(ext) else {
            return nil
        }
        let length = Int(ASN1_STRING_length(data))
        guard length > 0, let bytes = ASN1_STRING_get0_data(data) else { return [] }
        return Array(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// Whether basicConstraints marks this certificate as a CA.
    public var isCA: Bool { X509_check_ca(x509) != 0 }

    /// Checks the chain from this leaf through `intermediates` to one of `roots`.
    ///
    /// - Parameter time: seconds since 1970 at which every certificate must be valid; `nil`
    ///   checks at the current time. Tests pass a fixed time so they do not depend on the clock.
    /// - Throws: `CryptoError.openSSL` with OpenSSL's verification message, such as
    ///   "unable to get local issuer certificate", when the chain does not verify.
    public func verifyChain(
        roots: [X509Certificate], intermediates: [X509Certificate] = [], at time: Int64? = nil
    ) throws(CryptoError) {
        guard let store = X509_STORE_new() else { throw .openSSL(call: "X509_STORE_new", detail: openSSLErrorDetail()) }
        defer { X509_STORE_free(store) }
        for root in roots where X509_STORE_add_cert(store, root.x509) != 1 {
            throw .openSSL(call: "X509_STORE_add_cert", detail: openSSLErrorDetail())
        }
        guard let untrusted = OPENSSL_sk_new_null() else {
            throw .openSSL(call: "OPENSSL_sk_new_null", detail: openSSLErrorDetail())
        }
        defer { OPENSSL_sk_free(untrusted) }
        for certificate in intermediates {
            _ = OPENSSL_sk_push(untrusted, UnsafeRawPointer(certificate.x509))
        }
        guard let context = X509_STORE_CTX_new() else {
            throw .openSSL(call: "X509_STORE_CTX_new", detail: openSSLErrorDetail())
        }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, x509, untrusted) == 1 else {
            throw .openSSL(call: "X509_STORE_CTX_init", detail: openSSLErrorDetail())
        }
        if let time { X509_STORE_CTX_set_time(context, 0, time_t(time)) }
        guard X509_verify_cert(context) == 1 else {
            let code = X509_STORE_CTX_get_error(context)
            let message = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "code \(code)"
            ERR_clear_error()
            throw .openSSL(call: "X509_verify_cert", detail: message)
        }
    }
}
