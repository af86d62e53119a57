import CCrypto

/// SHA-256 over libcrypto.
public enum SHA256 {
    /// Returns the 32-byte digest of `bytes`. Wraps OpenSSL's `SHA256`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let input = Array(bytes)
        input.withUnsafeBufferPointer { buffer in
            _ = CCrypto.SHA256(buffer.baseAddress, buffer.count, &digest)
        }
        return digest
    }

    /// Returns the digest as lower-case hex.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hash(bytes).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes`.
public enum SecureRandom {
    /// Returns `count` random bytes.
    /// - Throws: `CryptoError.randomFailed` when the generator is not seeded, which should not happen on Linux.
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&output, Int32(count)) == 1 else { throw .randomFailed }
        return output
    }
}

/// Failures of the libcrypto wrappers, with the OpenSSL call for the log.
public enum CryptoError: Error, Sendable, Equatable {
    case randomFailed
    /// An OpenSSL call failed; `call` names the function, `detail` is OpenSSL's error string.
    case openSSL(call: String, detail: String)
    case invalidKey(String)
    case invalidSignature
}

/// The text of the oldest error on OpenSSL's thread-local queue, then clears the queue.
public func openSSLErrorDetail() -> String {
    let code = ERR_get_error()
    ERR_clear_error()
    guard code != 0 else { return "no OpenSSL error queued" }
    var buffer = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(code, &buffer, buffer.count)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
