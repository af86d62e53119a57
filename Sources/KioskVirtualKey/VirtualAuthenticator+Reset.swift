extension VirtualAuthenticator {
    /// Erases the PIN and every credential, as a factory reset would, and plugs the key back in.
    ///
    /// The demo calls this after each saved enrollment, so the next person finds a fresh key
    /// the way they would with a new YubiKey. The attestation certificate stays.
    public func resetToFactory() {
        state.withLock { state in
            try? state.core.factoryReset()
            state.pending = nil
            state.isRemoved = false
            state.pluggedInAt = .now
        }
    }
}
