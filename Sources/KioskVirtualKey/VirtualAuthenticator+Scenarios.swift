import KioskCrypto

/// Scenario knobs beyond touch and unplugging, so every key state can be played through libfido2.
///
/// All of them may be called from any thread, also while libfido2 is talking to the key.
extension VirtualAuthenticator {
    /// Sets the PIN directly (or clears it with `nil`) with `retries` attempts left (0...8).
    ///
    /// `retries: 2` gives a key with few attempts left, `retries: 0` a blocked key
    /// (getPinToken then returns PIN_BLOCKED). For scenario setup only.
    public func presetPIN(_ pin: String?, retries: Int) {
        state.withLock { $0.core.presetPIN(pin.map { Array($0.utf8) }, retries: retries) }
    }

    /// Makes the key answer PIN_AUTH_BLOCKED to the next PIN check, as after three wrong PINs in
    /// a row, until it is unplugged and plugged in again. The retry counter stays as it is.
    public func blockPINAuthUntilReplug() {
        state.withLock { $0.core.consecutivePinFailures = AuthenticatorCore.maxConsecutivePinFailures }
    }

    /// Sets CTAP 2.1 forcePINChange: getInfo reports it, and a correct PIN gets no token
    /// (PIN_POLICY_VIOLATION) until the PIN is changed.
    public func setForcePINChange(_ required: Bool) { state.withLock { $0.core.forcePINChange = required } }

    /// Whether the key currently demands a PIN change.
    public var forcePINChange: Bool { state.withLock { $0.core.forcePINChange } }

    /// Sets the minimum PIN length (code points) reported in getInfo and enforced on new PINs.
    public func setMinPINLength(_ length: Int) { state.withLock { $0.core.minPINLength = max(4, min(length, 63)) } }

    /// Chooses the attestation makeCredential returns; see `VirtualAttestationMode`.
    public func setAttestation(_ mode: VirtualAttestationMode) { state.withLock { $0.core.attestationMode = mode } }

    /// Sets how long after plug-in authenticatorReset is accepted; later it returns NOT_ALLOWED.
    /// The window restarts with every `plugIn()`.
    public func setResetWindow(_ window: Duration) { state.withLock { $0.resetWindow = window } }

    /// Fills the remaining discoverable-credential slots with credentials of another relying
    /// party ("filled.example"), so the next makeCredential returns KEY_STORE_FULL.
    ///
    /// - Throws: `CryptoError` when a key pair cannot be generated.
    public func fillCredentialStore() throws(CryptoError) {
        let free = state.withLock { $0.core.configuration.residentKeyCapacity - $0.core.credentials.count }
        var filler: [StoredCredential] = []
        for index in 0..<max(0, free) {
            filler.append(StoredCredential(
                id: try SecureRandom.bytes(32), rpID: "filled.example", userHandle: try SecureRandom.bytes(16),
                userName: "filler\(index)", displayName: nil, privateKey: try P256Key.generate(), serial: -1 - index))
        }
        state.withLock { $0.core.credentials += filler }
    }
}
