extension VirtualAuthenticator {
    /// Sets the PIN retry counter (clamped to 0...8) without touching the PIN, so a scenario can
    /// start with few retries left or, with 0, with a blocked PIN that only a reset clears.
    ///
    /// For scenario setup only, after `presetPIN(_:)`, which refills the counter to 8.
    public func setPINRetries(_ retries: Int) {
        state.withLock { $0.core.pinRetries = max(0, min(retries, AuthenticatorCore.maxPinRetries)) }
    }
}
