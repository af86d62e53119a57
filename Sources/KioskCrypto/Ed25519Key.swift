import CCrypto
import Synchronization

/// An Ed25519 private key (RFC 8032) held in libcrypto, used by the kiosk to sign outbox records.
///
/// The key owns one `EVP_PKEY` and frees it in `deinit`. Every use of that handle runs under one
/// lock, because openssl-threads(7) calls an object thread-safe only for calls that do not modify
/// it, and `EVP_DigestSignInit` takes a non-const `EVP_PKEY`. That lock is why the type is
/// `@unchecked Sendable`.
public final class Ed25519Key: @unchecked Sendable {
    /// Length of a raw Ed25519 public key, private key seed and signature in bytes.
    public static let publicKeyLength = 32
    public static let privateKeyLength = 32
    public static let signatureLength = 64

    private let pkey: OpaquePointer
    private let lock = Mutex(())

    private init(owning pkey: OpaquePointer) {
        self.pkey = pkey
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    /// Generates a fresh key from OpenSSL's random generator.
    ///
    /// Wraps `EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519)`, `EVP_PKEY_keygen_init` and `EVP_PKEY_keygen`.
    /// - Throws: `CryptoError.openSSL` naming the call that failed.
    public static func generate() throws(CryptoError) -> Ed25519Key {
        let context = try Ed25519.KeyContext()
        guard EVP_PKEY_keygen_init(context.pointer) == 1 else {
            throw .openSSL(call: "EVP_PKEY_keygen_init", detail: openSSLErrorDetail())
        }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen(context.pointer, &generated) == 1, let generated else {
            throw .openSSL(call: "EVP_PKEY_keygen", detail: openSSLErrorDetail())
        }
        return Ed25519Key(owning: generated)
    }

    /// Creates the key from its 32-byte seed, the private key form RFC 8032 test vectors use.
    ///
    /// Wraps `EVP_PKEY_new_raw_private_key`.
    /// - Throws: `CryptoError.invalidKey` when `seed` is not 32 bytes, `.openSSL` when libcrypto rejects it.
    public convenience init(rawPrivateKey seed: [UInt8]) throws(CryptoError) {
        guard seed.count == Self.privateKeyLength else {
            throw .invalidKey("Ed25519 private key must be 32 bytes, got \(seed.count)")
        }
        guard let created = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw .openSSL(call: "EVP_PKEY_new_raw_private_key", detail: openSSLErrorDetail())
        }
        self.init(owning: created)
    }

    /// Reads a PEM private key ("BEGIN PRIVATE KEY", PKCS #8) as `privateKeyPEM()` writes it.
    ///
    /// Wraps `PEM_read_bio_PrivateKey`. The caller should wipe `pem` afterwards.
    /// - Throws: `CryptoError.invalidKey` when the PEM cannot be parsed or contains another key type.
    public convenience init(privateKeyPEM pem: [UInt8]) throws(CryptoError) {
        let bio = try Ed25519.MemoryBIO()
        try bio.write(pem)
        guard let loaded = PEM_read_bio_PrivateKey(bio.pointer, nil, nil, nil) else {
            throw .invalidKey("PEM private key could not be parsed: \(openSSLErrorDetail())")
        }
        // From here on `deinit` frees `loaded`, also when the type check below throws.
        self.init(owning: loaded)
        guard EVP_PKEY_get_base_id(loaded) == EVP_PKEY_ED25519 else {
            throw .invalidKey("PEM private key is not an Ed25519 key")
        }
    }

    /// The 32-byte raw public key (RFC 8032 encoding). Wraps `EVP_PKEY_get_raw_public_key`.
    public var publicKey: [UInt8] {
        var length = Self.publicKeyLength
        var bytes = [UInt8](repeating: 0, count: length)
        let status = lock.withLock { _ in EVP_PKEY_get_raw_public_key(pkey, &bytes, &length) }
        // An Ed25519 EVP_PKEY always has a public part, so a failure means memory corruption.
        precondition(status == 1 && length == Self.publicKeyLength, "EVP_PKEY_get_raw_public_key failed")
        return bytes
    }

    /// Writes the private key as PKCS #8 PEM. The caller must wipe the returned bytes after use.
    ///
    /// Wraps `PEM_write_bio_PrivateKey` into a memory BIO, without encryption, because the kiosk
    /// protects the key file by its mode (0600) and has nobody to type a passphrase at start.
    /// - Throws: `CryptoError.openSSL` naming the call that failed.
    public func privateKeyPEM() throws(CryptoError) -> [UInt8] {
        let bio = try Ed25519.MemoryBIO()
        let status = lock.withLock { _ in PEM_write_bio_PrivateKey(bio.pointer, pkey, nil, nil, 0, nil, nil) }
        guard status == 1 else {
            throw .openSSL(call: "PEM_write_bio_PrivateKey", detail: openSSLErrorDetail())
        }
        return try bio.readAll()
    }

    /// Signs `message` with pure Ed25519 (no pre-hash) and returns the 64-byte signature.
    ///
    /// Wraps `EVP_DigestSignInit` with a nil digest, then one-shot `EVP_DigestSign`, as Ed25519 requires.
    /// - Throws: `CryptoError.openSSL` naming the call that failed.
    public func sign(_ message: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        let context = try Ed25519.DigestContext()
        var signature = [UInt8](repeating: 0, count: Self.signatureLength)
        var signatureLength = signature.count
        let failedCall: String? = lock.withLock { _ in
            guard EVP_DigestSignInit(context.pointer, nil, nil, nil, pkey) == 1 else { return "EVP_DigestSignInit" }
            let status = Ed25519.withMessagePointer(Array(message)) { pointer, count in
                EVP_DigestSign(context.pointer, &signature, &signatureLength, pointer, count)
            }
            return status == 1 && signatureLength == Self.signatureLength ? nil : "EVP_DigestSign"
        }
        if let failedCall {
            throw .openSSL(call: failedCall, detail: openSSLErrorDetail())
        }
        return signature
    }
}
