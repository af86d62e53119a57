import KioskCrypto

/// authenticatorClientPIN with PIN/UV auth protocol 1.
extension AuthenticatorCore {
    mutating func clientPIN(_ parameters: CBOR) throws -> CBOR? {
        guard let subcommand = parameters[int: 2]?.intValue else { throw CTAPStatus.missingParameter }
        if subcommand != 1 {
            guard let protocolVersion = parameters[int: 1]?.intValue else { throw CTAPStatus.missingParameter }
            guard protocolVersion == 1 else { throw CTAPStatus.invalidParameter }
        }
        switch subcommand {
        case 1: return .map([CBORPair(.int(3), .int(pinRetries))])
        case 2: return .map([CBORPair(.int(1), Self.coseKey(keyAgreementKey, algorithm: -25))])
        case 3: try setPIN(parameters); return nil
        case 4: try changePIN(parameters); return nil
        case 5: return try getPinToken(parameters)
        default: throw CTAPStatus.invalidSubcommand
        }
    }

    /// setPIN (0x03): only on a key without a PIN.
    private mutating func setPIN(_ parameters: CBOR) throws {
        guard pinHash == nil else { throw CTAPStatus.notAllowed }
        guard let platformKey = parameters[int: 3], let newPinEncrypted = parameters[int: 5]?.bytesValue,
            let pinAuth = parameters[int: 4]?.bytesValue
        else { throw CTAPStatus.missingParameter }
        let secret = try sharedSecret(platformKey)
        let expected = try PinProtocolOne.authenticate(key: secret, newPinEncrypted)
        guard PinProtocolOne.constantTimeEquals(expected, pinAuth) else { throw CTAPStatus.pinAuthInvalid }
        let pin = try decryptNewPIN(newPinEncrypted, secret: secret)
        presetPIN(pin)
    }

    /// changePIN (0x04): checks the current PIN like getPinToken does, then stores the new one.
    private mutating func changePIN(_ parameters: CBOR) throws {
        guard pinHash != nil else { throw CTAPStatus.pinNotSet }
        guard let platformKey = parameters[int: 3], let newPinEncrypted = parameters[int: 5]?.bytesValue,
            let pinHashEncrypted = parameters[int: 6]?.bytesValue, let pinAuth = parameters[int: 4]?.bytesValue
        else { throw CTAPStatus.missingParameter }
        let secret = try sharedSecret(platformKey)
        let expected = try PinProtocolOne.authenticate(key: secret, newPinEncrypted + pinHashEncrypted)
        guard PinProtocolOne.constantTimeEquals(expected, pinAuth) else { throw CTAPStatus.pinAuthInvalid }
        try checkPINHash(pinHashEncrypted, secret: secret)
        let pin = try decryptNewPIN(newPinEncrypted, secret: secret)
        presetPIN(pin)
        forcePINChange = false
    }

    /// getPinToken (0x05): returns the PIN token encrypted under the shared secret.
    private mutating func getPinToken(_ parameters: CBOR) throws -> CBOR {
        guard pinHash != nil else { throw CTAPStatus.pinNotSet }
        guard let platformKey = parameters[int: 3], let pinHashEncrypted = parameters[int: 6]?.bytesValue else {
            throw CTAPStatus.missingParameter
        }
        let secret = try sharedSecret(platformKey)
        try checkPINHash(pinHashEncrypted, secret: secret)
        // CTAP 2.1: a correct PIN gets no token while the key demands a new PIN.
        if forcePINChange { throw CTAPStatus.pinPolicyViolation }
        return .map([CBORPair(.int(2), .bytes(try PinProtocolOne.encrypt(key: secret, pinToken)))])
    }

    /// Compares the decrypted PIN hash with the stored one and keeps the retry counters.
    ///
    /// The retry counter drops before the comparison, as CTAP requires, so pulling the key
    /// mid-check still costs an attempt. A mismatch also replaces the key-agreement key.
    private mutating func checkPINHash(_ encrypted: [UInt8], secret: [UInt8]) throws {
        guard pinRetries > 0 else { throw CTAPStatus.pinBlocked }
        guard consecutivePinFailures < Self.maxConsecutivePinFailures else { throw CTAPStatus.pinAuthBlocked }
        guard encrypted.count == 16 else { throw CTAPStatus.invalidLength }
        pinRetries -= 1
        let presented = try PinProtocolOne.decrypt(key: secret, encrypted)
        if let pinHash, PinProtocolOne.constantTimeEquals(presented, pinHash) {
            pinRetries = Self.maxPinRetries
            consecutivePinFailures = 0
            return
        }
        keyAgreementKey = try P256Key.generate()
        consecutivePinFailures += 1
        if pinRetries == 0 { throw CTAPStatus.pinBlocked }
        if consecutivePinFailures >= Self.maxConsecutivePinFailures { throw CTAPStatus.pinAuthBlocked }
        throw CTAPStatus.pinInvalid
    }

    /// Decrypts newPinEnc (64 bytes, PIN padded with zeros) and checks the PIN policy.
    private func decryptNewPIN(_ encrypted: [UInt8], secret: [UInt8]) throws -> [UInt8] {
        guard encrypted.count == 64 else { throw CTAPStatus.pinPolicyViolation }
        let padded = try PinProtocolOne.decrypt(key: secret, encrypted)
        let pin = Array(padded.prefix { $0 != 0 })
        let codePoints = String(decoding: pin, as: UTF8.self).unicodeScalars.count
        guard codePoints >= minPINLength, pin.count <= 63 else { throw CTAPStatus.pinPolicyViolation }
        return pin
    }

    /// Shared secret with the platform key given as a COSE_Key.
    private func sharedSecret(_ platformKey: CBOR) throws -> [UInt8] {
        guard platformKey[int: 1]?.intValue == 2, platformKey[int: -1]?.intValue == 1,
            let x = platformKey[int: -2]?.bytesValue, let y = platformKey[int: -3]?.bytesValue,
            let peer = try? P256Key(x: x, y: y)
        else { throw CTAPStatus.invalidParameter }
        return try PinProtocolOne.sharedSecret(authenticatorKey: keyAgreementKey, platformKey: peer)
    }

    /// Checks pinUvAuthParam over `clientDataHash`; returns whether the request is user-verified.
    ///
    /// Without a parameter the request is not verified, and makeCredential on a key with a PIN
    /// then fails with `PIN_REQUIRED`.
    func verifyPinUvAuth(_ parameters: CBOR, paramKey: Int, protocolKey: Int, clientDataHash: [UInt8]) throws -> Bool {
        guard let pinAuth = parameters[int: paramKey]?.bytesValue else { return false }
        guard pinHash != nil else { throw CTAPStatus.pinNotSet }
        if pinAuth.isEmpty { throw CTAPStatus.pinInvalid }
        guard parameters[int: protocolKey]?.intValue == 1 else { throw CTAPStatus.pinAuthInvalid }
        let expected = try PinProtocolOne.authenticate(key: pinToken, clientDataHash)
        guard PinProtocolOne.constantTimeEquals(expected, pinAuth) else { throw CTAPStatus.pinAuthInvalid }
        return true
    }
}
