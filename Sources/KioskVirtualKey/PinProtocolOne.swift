import CCrypto
import KioskCrypto

/// CTAP2 PIN/UV auth protocol 1: the shared secret is SHA-256 of the ECDH x coordinate,
/// encryption is AES-256-CBC with a zero IV and no padding, and authentication is the first
/// 16 bytes of HMAC-SHA-256.
enum PinProtocolOne {
    /// Derives the shared secret from the authenticator's key and the platform's public key.
    static func sharedSecret(authenticatorKey: P256Key, platformKey: P256Key) throws(CryptoError) -> [UInt8] {
        SHA256.hash(try authenticatorKey.sharedSecret(with: platformKey))
    }

    /// Encrypts whole 16-byte blocks.
    static func encrypt(key: [UInt8], _ plaintext: [UInt8]) throws(CryptoError) -> [UInt8] {
        try cipher(key: key, input: plaintext, encrypt: true)
    }

    /// Decrypts whole 16-byte blocks.
    static func decrypt(key: [UInt8], _ ciphertext: [UInt8]) throws(CryptoError) -> [UInt8] {
        try cipher(key: key, input: ciphertext, encrypt: false)
    }

    /// The first 16 bytes of HMAC-SHA-256 of `message` under `key`.
    static func authenticate(key: [UInt8], _ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length = 0
        guard EVP_Q_mac(nil, "HMAC", nil, "SHA256", nil, key, key.count, message, message.count, &output, 32, &length) != nil,
            length == 32
        else { throw .openSSL(call: "EVP_Q_mac", detail: openSSLErrorDetail()) }
        return Array(output.prefix(16))
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    private static func cipher(key: [UInt8], input: [UInt8], encrypt: Bool) throws(CryptoError) -> [UInt8] {
        guard key.count == 32, !input.isEmpty, input.count % 16 == 0 else {
            throw .invalidKey("AES-256-CBC needs a 32-byte key and whole 16-byte blocks")
        }
        guard let context = EVP_CIPHER_CTX_new() else {
            throw .openSSL(call: "EVP_CIPHER_CTX_new", detail: openSSLErrorDetail())
        }
        defer { EVP_CIPHER_CTX_free(context) }
        let iv = [UInt8](repeating: 0, count: 16)
        var output = [UInt8](repeating: 0, count: input.count + 16)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        guard EVP_CipherInit_ex(context, EVP_aes_256_cbc(), nil, key, iv, encrypt ? 1 : 0) == 1,
            EVP_CIPHER_CTX_set_padding(context, 0) == 1,
            EVP_CipherUpdate(context, &output, &written, input, Int32(input.count)) == 1
        else { throw .openSSL(call: "EVP_CipherUpdate", detail: openSSLErrorDetail()) }
        let finalOK = output.withUnsafeMutableBufferPointer { buffer in
            EVP_CipherFinal_ex(context, buffer.baseAddress! + Int(written), &finalWritten) == 1
        }
        guard finalOK else { throw .openSSL(call: "EVP_CipherFinal_ex", detail: openSSLErrorDetail()) }
        return Array(output.prefix(Int(written + finalWritten)))
    }
}
