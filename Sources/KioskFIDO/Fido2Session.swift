import CFido2
import KioskCore
import KioskCrypto
import KioskVirtualKey
import Synchronization

/// One opened security key, driven through libfido2.
///
/// Operations block until the key replies, so call them off the UI thread. They run one at a
/// time, and `cancel()` may be called from any thread while one is waiting for the touch.
public final class Fido2Session: SecurityKeySession, @unchecked Sendable {
    /// The key this session opened.
    public let device: SecurityKeyDevice
    /// The key's authenticatorGetInfo, read at open and again after `setPIN`.
    public var info: SecurityKeyInfo { currentInfo.withLock { $0 } }

    private let fidoDevice: FidoDevice
    private let touchTimeout: Duration
    private let logger: Logger
    /// Held for the length of each operation; `true` once the session is closed.
    private let operationLock = Mutex(false)
    private let currentInfo: Mutex<SecurityKeyInfo>
    private let isPresent: @Sendable () -> Bool
    private let attestationPolicy: AttestationPolicy?
    private let catalog: KeyModelCatalog?

    /// Opens `device`; with `useVirtualIO` libfido2 reaches it through the virtual-key I/O hooks.
    /// - Parameters:
    ///   - isPresent: whether the key is still plugged in; asked after an unexplained failure,
    ///     because libfido2 reports a key pulled mid-exchange as FIDO_ERR_INTERNAL, RX or TX.
    ///   - attestationPolicy: checked after every makeCredential; `nil` accepts any attestation
    ///     whose signature libfido2 verified.
    ///   - catalog: names the model in `info.modelName`; `nil` leaves it empty.
    init(device: SecurityKeyDevice, useVirtualIO: Bool, touchTimeout: Duration, logger: Logger,
         isPresent: @escaping @Sendable () -> Bool = { true }, attestationPolicy: AttestationPolicy? = nil,
         catalog: KeyModelCatalog? = nil) throws(SecurityKeyError) {
        self.device = device
        self.isPresent = isPresent
        self.attestationPolicy = attestationPolicy
        self.catalog = catalog
        self.touchTimeout = touchTimeout
        self.logger = logger
        fidoDevice = try FidoDevice()
        if useVirtualIO {
            var io = VirtualAuthenticator.fidoIO
            let result = fido_dev_set_io_functions(fidoDevice.handle, &io)
            guard result == FIDO_OK else { throw .deviceError(call: "fido_dev_set_io_functions", code: Int(result)) }
        }
        let result = fidoDevice.open(path: device.path)
        guard result == FIDO_OK else {
            logger.warning("opening security key failed", ["error": fidoErrorName(result)])
            // A key pulled between listing and opening makes the open callback fail (FIDO_ERR_INTERNAL).
            if result == FIDO_ERR_INTERNAL { throw .keyRemoved }
            throw securityKeyError(code: result, context: FidoFailureContext(call: "fido_dev_open"))
        }
        let info = try Fido2Session.readInfo(fidoDevice, catalog: catalog)
        currentInfo = Mutex(info)
        let milliseconds = Int32(clamping: touchTimeout.components.seconds * 1000 + touchTimeout.components.attoseconds / 1_000_000_000_000_000)
        _ = fido_dev_set_timeout(fidoDevice.handle, milliseconds)
        logger.info("security key opened", ["aaguid": Hex.uuid(info.aaguid), "hasPIN": info.hasPIN.map { String($0) } ?? "unsupported"])
    }

    /// Asks the key how many PIN attempts remain.
    public func pinRetries() throws(SecurityKeyError) -> Int {
        try runOperation { () throws(SecurityKeyError) -> Int in try readRetries() }
    }

    /// Sets the first PIN with `fido_dev_set_pin`; the key checks its own PIN policy.
    public func setPIN(_ pin: SecretBytes) throws(SecurityKeyError) {
        try runOperation { () throws(SecurityKeyError) in
            let result = try withCString(pin) { pinText throws(SecurityKeyError) in fido_dev_set_pin(fidoDevice.handle, pinText, nil) }
            guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_set_pin") }
            logger.info("security key PIN set")
            let refreshed = try Fido2Session.readInfo(fidoDevice, catalog: catalog)
            currentInfo.withLock { $0 = refreshed }
        }
    }

    /// Replaces the PIN with `fido_dev_set_pin(new, current)` (CTAP changePIN); this also clears
    /// a forcePINChange demand. Refreshes `info` afterwards.
    ///
    /// - Throws: `.pinInvalid(retriesLeft:)` for a wrong current PIN, `.pinPolicyViolation`
    ///   when the key rejects the new one, `.pinBlocked` or `.pinAuthBlocked`.
    public func changePIN(_ current: SecretBytes, to new: SecretBytes) throws(SecurityKeyError) {
        try runOperation { () throws(SecurityKeyError) in
            let result = try withCString(new) { newText throws(SecurityKeyError) in
                try withCString(current) { currentText throws(SecurityKeyError) in fido_dev_set_pin(fidoDevice.handle, newText, currentText) }
            }
            guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_set_pin") }
            logger.info("security key PIN changed")
            let refreshed = try Fido2Session.readInfo(fidoDevice, catalog: catalog)
            currentInfo.withLock { $0 = refreshed }
        }
    }

    /// Changes the PIN with `fido_dev_set_pin(new, old)`, which libfido2 sends as CTAP changePIN.
    public func changePIN(old: SecretBytes, new: SecretBytes) throws(SecurityKeyError) {
        try runOperation { () throws(SecurityKeyError) in
            let result = try withCString(new) { newText throws(SecurityKeyError) in
                try withCString(old) { oldText throws(SecurityKeyError) in fido_dev_set_pin(fidoDevice.handle, newText, oldText) }
            }
            guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_set_pin") }
            logger.info("security key PIN changed")
            let refreshed = try Fido2Session.readInfo(fidoDevice)
            currentInfo.withLock { $0 = refreshed }
        }
    }

    /// Erases every credential and the PIN (CTAP authenticatorReset through `fido_dev_reset`).
    ///
    /// Keys accept this only within a few seconds after being plugged in and only after a touch.
    public func reset() throws(SecurityKeyError) {
        try runOperation { () throws(SecurityKeyError) in
            let started = ContinuousClock.now
            let result = fido_dev_reset(fidoDevice.handle)
            guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_reset", started: started) }
            logger.info("security key reset")
            let refreshed = try Fido2Session.readInfo(fidoDevice, catalog: catalog)
            currentInfo.withLock { $0 = refreshed }
        }
    }

    /// Creates a discoverable ES256 credential with PIN verification, checks its attestation
    /// signature with libfido2 and then the attestation policy before returning it.
    ///
    /// - Throws: `.keyNotApproved(reason:)` when the policy rejects the key; the credential then
    ///   stays on the key but is never returned, so it is never registered.
    public func makeCredential(_ request: CredentialRequest, pin: SecretBytes) throws(SecurityKeyError) -> RegisteredCredential {
        try runOperation { () throws(SecurityKeyError) -> RegisteredCredential in
            let credential = try CredentialBuilder.prepare(request)
            let started = ContinuousClock.now
            let result = try withCString(pin) { pinText throws(SecurityKeyError) in
                fido_dev_make_cred(fidoDevice.handle, credential.handle, pinText)
            }
            guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_make_cred", started: started) }
            try verifySignature(credential)
            let registered = try CredentialBuilder.registeredCredential(from: credential)
            // A key that ignored the excludeList must not get the same credential id registered twice.
            guard !request.excludeCredentialIDs.contains(registered.credentialID) else {
                logger.error("key returned an excluded credential id", ["credential": Self.shortHash(registered.credentialID)])
                throw .credentialExcluded
            }
            try applyPolicy(registered, request: request)
            logger.info("credential created", ["credential": Self.shortHash(registered.credentialID)])
            return registered
        }
    }

    /// Signs in with the credential (PIN verified) and checks the signature with `fido_assert_verify`.
    ///
    /// - Throws: `.assertionInvalid` when the signature does not verify against
    ///   `request.publicKeyCOSE` or the key returned another credential.
    public func getAssertion(_ request: AssertionRequest, pin: SecretBytes) throws(SecurityKeyError) -> AssertionResult {
        try runOperation { () throws(SecurityKeyError) -> AssertionResult in
            let assertion = try AssertionBuilder.prepare(request)
            let started = ContinuousClock.now
            let result = try withCString(pin) { pinText throws(SecurityKeyError) in
                fido_dev_get_assert(fidoDevice.handle, assertion.handle, pinText)
            }
            guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_get_assert", started: started) }
            let outcome = try AssertionBuilder.verify(assertion, request: request)
            logger.info("test sign-in verified", ["credential": Self.shortHash(request.credentialID)])
            return outcome
        }
    }

    /// Sends CTAPHID_CANCEL; a pending makeCredential or getAssertion then fails with `.cancelled`.
    public func cancel() {
        _ = fido_dev_cancel(fidoDevice.handle)
    }

    /// Cancels any pending request, waits for it to end and closes the device.
    public func close() {
        cancel()
        operationLock.withLock { closed in
            guard !closed else { return }
            closed = true
            fidoDevice.close()
        }
    }

    /// Checks the attestation signature with libfido2: `fido_cred_verify` with an x5c chain,
    /// `fido_cred_verify_self` for self-attestation. A "none" statement has no signature;
    /// the attestation policy rejects it.
    private func verifySignature(_ credential: FidoCredential) throws(SecurityKeyError) {
        let format = fido_cred_fmt(credential.handle).map { String(cString: $0) } ?? ""
        guard format != "none" else { return }
        let hasChain = fido_cred_x5c_len(credential.handle) > 0
        let call = hasChain ? "fido_cred_verify" : "fido_cred_verify_self"
        let verified = hasChain ? fido_cred_verify(credential.handle) : fido_cred_verify_self(credential.handle)
        guard verified == FIDO_OK else {
            logger.error("attestation signature invalid", ["call": call, "error": fidoErrorName(verified)])
            throw securityKeyError(code: verified, context: FidoFailureContext(call: call))
        }
    }

    private func applyPolicy(_ credential: RegisteredCredential, request: CredentialRequest) throws(SecurityKeyError) {
        guard let attestationPolicy else { return }
        do {
            let verdict = try attestationPolicy.check(credential, clientDataJSON: request.clientDataJSON, rpID: request.rpID)
            if let reason = verdict.unattestedReason {
                logger.warning("security key accepted without verified attestation", ["aaguid": Hex.uuid(verdict.aaguid), "reason": reason])
            } else {
                logger.info("attestation verified", [
                    "aaguid": Hex.uuid(verdict.aaguid), "model": verdict.modelName ?? "unknown",
                    "root": String(verdict.rootFingerprint?.prefix(16) ?? ""),
                ])
            }
        } catch {
            if case .keyNotApproved(let reason) = error {
                logger.warning("security key not approved", ["aaguid": Hex.uuid(credential.aaguid), "reason": reason])
            }
            throw error
        }
    }

    private func runOperation<R>(_ body: () throws(SecurityKeyError) -> R) throws(SecurityKeyError) -> R {
        try operationLock.withLock { closed throws(SecurityKeyError) -> R in
            guard !closed else { throw .keyRemoved }
            return try body()
        }
    }

    private func readRetries() throws(SecurityKeyError) -> Int {
        var retries: Int32 = 0
        let result = fido_dev_get_retry_count(fidoDevice.handle, &retries)
        guard result == FIDO_OK else { throw mapFailure(result, call: "fido_dev_get_retry_count") }
        return Int(retries)
    }

    /// Maps a failed call; asks for the retry count after a wrong PIN and cancels after a timeout.
    private func mapFailure(_ code: Int32, call: String, started: ContinuousClock.Instant? = nil) -> SecurityKeyError {
        var context = FidoFailureContext(call: call)
        if code == FIDO_ERR_PIN_INVALID { context.retriesLeft = try? readRetries() }
        if let started, ContinuousClock.now - started >= touchTimeout - .milliseconds(20) {
            context.deadlinePassed = true
        }
        if code != FIDO_ERR_PIN_INVALID, !isPresent() { context.deviceGone = true }
        let error = securityKeyError(code: code, context: context)
        if error == .touchTimeout { cancel() }
        logger.warning("security key operation failed", ["call": call, "error": fidoErrorName(code)])
        return error
    }

    /// Returns the first 8 hex digits of SHA-256 of a credential id, enough to match log lines.
    static func shortHash(_ bytes: [UInt8]) -> String { String(SHA256.hex(bytes).prefix(8)) }
}
