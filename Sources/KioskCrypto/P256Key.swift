import CCrypto

/// A NIST P-256 key pair (or public key alone) held in an OpenSSL `EVP_PKEY`.
///
/// Used for ES256 credential keys, ECDH key agreement and the test attestation CA. The
/// `EVP_PKEY` is owned by this object and freed once in `deinit`.
public final class P256Key: @unchecked Sendable {
    /// The owned OpenSSL key; never freed elsewhere.
    let pkey: OpaquePointer

    /// DER prefix of a SubjectPublicKeyInfo for an uncompressed P-256 point (RFC 5480).
    private static let spkiPrefix: [UInt8] = [
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
        0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    ]

    init(taking pkey: OpaquePointer) { self.pkey = pkey }

    deinit { EVP_PKEY_free(pkey) }

    /// Generates a fresh key pair from OpenSSL's random generator.
    public static func generate() throws(CryptoError) -> P256Key {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil) else {
            throw .openSSL(call: "EVP_PKEY_CTX_new_id", detail: openSSLErrorDetail())
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
            EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) == 1,
            EVP_PKEY_keygen(context, &key) == 1, let key
        else { throw .openSSL(call: "EVP_PKEY_keygen", detail: openSSLErrorDetail()) }
        return P256Key(taking: key)
    }

    /// Creates a public key from its affine coordinates, 32 bytes each (as in a COSE_Key).
    public convenience init(x: [UInt8], y: [UInt8]) throws(CryptoError) {
        guard x.count == 32, y.count == 32 else { throw .invalidKey("P-256 coordinates must be 32 bytes each") }
        let der = P256Key.spkiPrefix + [0x04] + x + y
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let key else { throw .invalidKey("point is not on the P-256 curve: \(openSSLErrorDetail())") }
        self.init(taking: key)
    }

    /// Reads a private key from PEM text (PKCS#8 or SEC1) and checks that it is on P-256.
    public convenience init(privateKeyPEM pem: String) throws(CryptoError) {
        let bio = try MemoryBIO(Array(pem.utf8))
        guard let key = PEM_read_bio_PrivateKey(bio.bio, nil, nil, nil) else {
            throw .invalidKey("PEM private key unreadable: \(openSSLErrorDetail())")
        }
        self.init(taking: key)
        guard publicPoint().count == 65 else { throw .invalidKey("PEM key is not a P-256 key") }
    }

    /// The private key as unencrypted PKCS#8 PEM, for files only the kiosk user can read.
    public func privateKeyPEM() throws(CryptoError) -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PrivateKey(bio.bio, pkey, nil, nil, 0, nil, nil) == 1 else {
            throw .openSSL(call: "PEM_write_bio_PrivateKey", detail: openSSLErrorDetail())
        }
        return String(decoding: bio.contents(), as: UTF8.self)
    }

    /// The uncompressed public point `04 || x || y` (65 bytes), or empty when OpenSSL fails.
    public func publicPoint() -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = EVP_PKEY_get1_encoded_public_key(pkey, &buffer)
        guard length > 0, let buffer else { return [] }
        defer { kiosk_openssl_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The x coordinate (32 bytes).
    public var x: [UInt8] { Array(publicPoint().dropFirst().prefix(32)) }
    /// The y coordinate (32 bytes).
    public var y: [UInt8] { Array(publicPoint().dropFirst(33)) }

    /// Signs `message` with ECDSA over SHA-256 and returns the DER-encoded signature.
    public func signSHA256(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw .openSSL(call: "EVP_MD_CTX_new", detail: openSSLErrorDetail()) }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pkey) == 1 else {
            throw .openSSL(call: "EVP_DigestSignInit", detail: openSSLErrorDetail())
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            throw .openSSL(call: "EVP_DigestSign", detail: openSSLErrorDetail())
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
            throw .openSSL(call: "EVP_DigestSign", detail: openSSLErrorDetail())
        }
        return Array(signature.prefix(length))
    }

    /// Checks a DER ECDSA-SHA256 signature over `message`; `false` for a bad or malformed one.
    public func verifySHA256(signature: [UInt8], message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, pkey) == 1 else { return false }
        let result = EVP_DigestVerify(context, signature, signature.count, message, message.count)
        ERR_clear_error()
        return result == 1
    }

    /// Derives the raw ECDH shared secret (the x coordinate of the shared point, 32 bytes).
    public func sharedSecret(with peer: P256Key) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_PKEY_CTX_new(pkey, nil) else {
            throw .openSSL(call: "EVP_PKEY_CTX_new", detail: openSSLErrorDetail())
        }
        defer { EVP_PKEY_CTX_free(context) }
        var length = 0
        guard EVP_PKEY_derive_init(context) == 1, EVP_PKEY_derive_set_peer(context, peer.pkey) == 1,
            EVP_PKEY_derive(context, nil, &length) == 1
        else { throw .openSSL(call: "EVP_PKEY_derive", detail: openSSLErrorDetail()) }
        var secret = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_derive(context, &secret, &length) == 1 else {
            throw .openSSL(call: "EVP_PKEY_derive", detail: openSSLErrorDetail())
        }
        return Array(secret.prefix(length))
    }
}

/// An OpenSSL memory BIO owned by one Swift value, freed in `deinit`.
final class MemoryBIO {
    let bio: OpaquePointer

    /// Creates an empty, writable memory BIO.
    init() throws(CryptoError) {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .openSSL(call: "BIO_new", detail: openSSLErrorDetail()) }
        self.bio = bio
    }

    /// Creates a memory BIO that holds a copy of `bytes` for reading.
    convenience init(_ bytes: [UInt8]) throws(CryptoError) {
        try self.init()
        guard bytes.isEmpty || BIO_write(bio, bytes, Int32(bytes.count)) == Int32(bytes.count) else {
            throw .openSSL(call: "BIO_write", detail: openSSLErrorDetail())
        }
    }

    deinit { BIO_free(bio) }

    /// Reads everything written so far.
    func contents() -> [UInt8] {
        let pending = Int(BIO_ctrl_pending(bio))
        var output = [UInt8](repeating: 0, count: pending)
        let read = pending == 0 ? 0 : BIO_read(bio, &output, Int32(pending))
        return Array(output.prefix(max(0, Int(read))))
    }
}
