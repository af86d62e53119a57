import CCrypto

/// Ed25519 signature checks (RFC 8032) over libcrypto, and the libcrypto handles the Ed25519 code owns.
public enum Ed25519 {
    /// Checks `signature` over `message` against a raw 32-byte public key.
    ///
    /// Wraps `EVP_PKEY_new_raw_public_key`, `EVP_DigestVerifyInit` with a nil digest and one-shot
    /// `EVP_DigestVerify`.
    /// - Returns: `true` only for a valid signature. A wrong signature, a key or signature of the
    ///   wrong length, or a key that libcrypto rejects all give `false`.
    public static func verify(
        signature: some Collection<UInt8>, message: some Collection<UInt8>, publicKey: some Collection<UInt8>
    ) -> Bool {
        let signatureBytes = Array(signature)
        let keyBytes = Array(publicKey)
        guard signatureBytes.count == Ed25519Key.signatureLength,
            keyBytes.count == Ed25519Key.publicKeyLength,
            let key = PublicKey(raw: keyBytes),
            let context = try? DigestContext()
        else {
            ERR_clear_error()
            return false
        }
        guard EVP_DigestVerifyInit(context.pointer, nil, nil, nil, key.pointer) == 1 else {
            ERR_clear_error()
            return false
        }
        let status = withMessagePointer(Array(message)) { pointer, count in
            EVP_DigestVerify(context.pointer, signatureBytes, signatureBytes.count, pointer, count)
        }
        ERR_clear_error()
        return status == 1
    }

    /// Calls `body` with a non-nil pointer to `message`, also when it is empty.
    ///
    /// An empty Swift array may hand out a nil base address, and Ed25519 over the empty message is
    /// valid (RFC 8032 test 1), so an empty message gets a one-byte buffer with a count of zero.
    static func withMessagePointer<R>(_ message: [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        let storage = message.isEmpty ? [0] : message
        return storage.withUnsafeBufferPointer { buffer in
            // The buffer is never empty here, so the base address exists.
            body(buffer.baseAddress.unsafelyUnwrapped, message.count)
        }
    }

    // MARK: - libcrypto handles

    /// Owns one `EVP_PKEY_CTX` for Ed25519 key generation; freed in `deinit`.
    final class KeyContext {
        let pointer: OpaquePointer

        init() throws(CryptoError) {
            guard let created = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else {
                throw .openSSL(call: "EVP_PKEY_CTX_new_id", detail: openSSLErrorDetail())
            }
            pointer = created
        }

        deinit { EVP_PKEY_CTX_free(pointer) }
    }

    /// Owns one `EVP_MD_CTX` for a single sign or verify call; freed in `deinit`.
    final class DigestContext {
        let pointer: OpaquePointer

        init() throws(CryptoError) {
            guard let created = EVP_MD_CTX_new() else {
                throw .openSSL(call: "EVP_MD_CTX_new", detail: openSSLErrorDetail())
            }
            pointer = created
        }

        deinit { EVP_MD_CTX_free(pointer) }
    }

    /// Owns one public-only `EVP_PKEY` built from raw bytes; freed in `deinit`.
    final class PublicKey {
        let pointer: OpaquePointer

        /// Returns nil when libcrypto rejects the bytes.
        init?(raw: [UInt8]) {
            guard let created = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
                return nil
            }
            pointer = created
        }

        deinit { EVP_PKEY_free(pointer) }
    }

    /// Owns one read-write memory `BIO`; freed in `deinit`. Freeing also zeroes the buffer, which
    /// carries PEM private keys (`BUF_MEM_free` in OpenSSL's crypto/buffer/buffer.c calls
    /// `OPENSSL_clear_free`).
    final class MemoryBIO {
        let pointer: OpaquePointer

        init() throws(CryptoError) {
            guard let created = BIO_new(BIO_s_mem()) else {
                throw .openSSL(call: "BIO_new", detail: openSSLErrorDetail())
            }
            pointer = created
        }

        deinit { BIO_free(pointer) }

        /// Appends `bytes` to the BIO's buffer.
        func write(_ bytes: [UInt8]) throws(CryptoError) {
            guard !bytes.isEmpty else { return }
            let written = bytes.withUnsafeBytes { buffer in
                BIO_write(pointer, buffer.baseAddress, Int32(buffer.count))
            }
            guard written == Int32(bytes.count) else {
                throw .openSSL(call: "BIO_write", detail: openSSLErrorDetail())
            }
        }

        /// Reads every pending byte out of the BIO.
        func readAll() throws(CryptoError) -> [UInt8] {
            let pending = Int(BIO_ctrl_pending(pointer))
            var bytes = [UInt8](repeating: 0, count: pending)
            let read = bytes.withUnsafeMutableBytes { buffer in
                BIO_read(pointer, buffer.baseAddress, Int32(pending))
            }
            guard read == Int32(pending) else {
                throw .openSSL(call: "BIO_read", detail: openSSLErrorDetail())
            }
            return bytes
        }
    }
}
