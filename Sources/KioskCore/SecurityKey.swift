/// A security key found on the USB bus or attached as a virtual key.
public struct SecurityKeyDevice: Sendable, Hashable {
    /// Device path as libfido2 reports it, for example `/dev/hidraw3` or `virtual:demo`.
    public var path: String
    public var manufacturer: String
    public var product: String

    public init(path: String, manufacturer: String, product: String) {
        self.path = path
        self.manufacturer = manufacturer
        self.product = product
    }
}

/// The fields of a key's authenticatorGetInfo reply that the kiosk uses.
public struct SecurityKeyInfo: Sendable, Hashable {
    /// AAGUID, 16 bytes.
    public var aaguid: [UInt8]
    /// CTAP versions such as "FIDO_2_0" and "FIDO_2_1".
    public var versions: [String]
    /// `true` when a PIN is set, `false` when the key supports a PIN but has none, `nil` without PIN support.
    public var hasPIN: Bool?
    /// Minimum PIN length in Unicode code points; CTAP 2.1 default is 4.
    public var minPINLength: Int
    /// `true` when the key demands a PIN change before the next use (CTAP 2.1 forcePINChange).
    public var forcePINChange: Bool
    /// Firmware version as the key reports it, `nil` when it does not.
    public var firmwareVersion: String?
    /// Free discoverable-credential slots, `nil` when the key does not report it.
    public var remainingDiscoverableCredentials: Int?
    /// COSE algorithm identifiers the key supports (-7 is ES256, -8 is EdDSA).
    public var algorithms: [Int]
    /// Model family for the screen, such as "YubiKey 5 Series with NFC", looked up by the
    /// AAGUID the key claims in getInfo; `nil` when the AAGUID is not in the model catalog.
    /// The claim is unproven until the attestation of a new credential has been verified.
    public var modelName: String?

    public init(
        aaguid: [UInt8], versions: [String], hasPIN: Bool?, minPINLength: Int = 4,
        forcePINChange: Bool = false, firmwareVersion: String? = nil,
        remainingDiscoverableCredentials: Int? = nil, algorithms: [Int] = [-7], modelName: String? = nil
    ) {
        self.aaguid = aaguid
        self.versions = versions
        self.hasPIN = hasPIN
        self.minPINLength = minPINLength
        self.forcePINChange = forcePINChange
        self.firmwareVersion = firmwareVersion
        self.remainingDiscoverableCredentials = remainingDiscoverableCredentials
        self.algorithms = algorithms
        self.modelName = modelName
    }
}

/// Everything needed to create a discoverable ES256 credential with user verification.
public struct CredentialRequest: Sendable {
    public var rpID: String
    public var rpName: String
    /// Random user handle (WebAuthn user.id), at most 64 bytes, free of personal data.
    public var userHandle: [UInt8]
    /// user.name, already cut to at most 64 UTF-8 bytes.
    public var userName: String
    /// user.displayName, already cut to at most 64 UTF-8 bytes.
    public var displayName: String
    /// The exact clientDataJSON bytes; the key layer hashes them with SHA-256.
    public var clientDataJSON: [UInt8]
    /// Credential ids the key must not hold already (CTAP excludeList).
    public var excludeCredentialIDs: [[UInt8]]

    public init(
        rpID: String, rpName: String, userHandle: [UInt8], userName: String, displayName: String,
        clientDataJSON: [UInt8], excludeCredentialIDs: [[UInt8]] = []
    ) {
        self.rpID = rpID
        self.rpName = rpName
        self.userHandle = userHandle
        self.userName = userName
        self.displayName = displayName
        self.clientDataJSON = clientDataJSON
        self.excludeCredentialIDs = excludeCredentialIDs
    }
}

/// A credential the key created, with the data a relying party needs to verify it.
public struct RegisteredCredential: Sendable, Hashable {
    public var credentialID: [UInt8]
    /// Credential public key as a COSE_Key (CBOR map).
    public var publicKeyCOSE: [UInt8]
    public var aaguid: [UInt8]
    public var signCount: UInt32
    /// Attestation format, "packed" for YubiKeys.
    public var attestationFormat: String
    /// The WebAuthn attestation object: CBOR map of fmt, attStmt and authData.
    public var attestationObject: [UInt8]
    /// Raw authenticator data (not CBOR-wrapped).
    public var authenticatorData: [UInt8]

    public init(
        credentialID: [UInt8], publicKeyCOSE: [UInt8], aaguid: [UInt8], signCount: UInt32,
        attestationFormat: String, attestationObject: [UInt8], authenticatorData: [UInt8]
    ) {
        self.credentialID = credentialID
        self.publicKeyCOSE = publicKeyCOSE
        self.aaguid = aaguid
        self.signCount = signCount
        self.attestationFormat = attestationFormat
        self.attestationObject = attestationObject
        self.authenticatorData = authenticatorData
    }
}

/// A test sign-in against a credential that was just created.
public struct AssertionRequest: Sendable {
    public var rpID: String
    /// The exact clientDataJSON bytes of type "webauthn.get"; the key layer hashes them.
    public var clientDataJSON: [UInt8]
    public var credentialID: [UInt8]
    /// The public key the signature must verify against (COSE_Key).
    public var publicKeyCOSE: [UInt8]

    public init(rpID: String, clientDataJSON: [UInt8], credentialID: [UInt8], publicKeyCOSE: [UInt8]) {
        self.rpID = rpID
        self.clientDataJSON = clientDataJSON
        self.credentialID = credentialID
        self.publicKeyCOSE = publicKeyCOSE
    }
}

/// Outcome of a verified test sign-in.
public struct AssertionResult: Sendable, Hashable {
    public var credentialID: [UInt8]
    public var signCount: UInt32
    /// `true` when the key reported user verification (PIN) in the authenticator data flags.
    public var userVerified: Bool

    public init(credentialID: [UInt8], signCount: UInt32, userVerified: Bool) {
        self.credentialID = credentialID
        self.signCount = signCount
        self.userVerified = userVerified
    }
}

/// Failures of a security key operation, mapped from libfido2 codes in one place.
public enum SecurityKeyError: Error, Sendable, Equatable {
    case noKeyFound
    case multipleKeys(count: Int)
    /// The key was unplugged or stopped responding mid-operation.
    case keyRemoved
    case pinRequired
    /// Wrong PIN; `retriesLeft` is `nil` when the key could not be asked.
    case pinInvalid(retriesLeft: Int?)
    /// Three wrong PINs in a row: the key must be unplugged and plugged in again.
    case pinAuthBlocked
    /// The PIN retry counter reached zero: only a reset (which erases all credentials) helps.
    case pinBlocked
    /// The key rejected the new PIN (too short, too long or otherwise against its policy).
    case pinPolicyViolation
    /// The person did not touch the key in time.
    case touchTimeout
    /// The key refused the operation (for example a touch was declined or the request excluded).
    case operationDenied
    case credentialExcluded
    case keyStoreFull
    case unsupportedKey(reason: String)
    /// The key works but fails the attestation policy (untrusted chain, AAGUID not allowed);
    /// `reason` is English detail for the log, never shown on screen.
    case keyNotApproved(reason: String)
    case cancelled
    /// The test sign-in produced a signature that does not verify against the new credential.
    case assertionInvalid
    /// Any other libfido2 failure, with the C function and its FIDO_ERR code for the log.
    case deviceError(call: String, code: Int)
}

/// Finds security keys. The real implementation queries libfido2; tests may attach virtual keys.
public protocol SecurityKeyProvider: Sendable {
    /// Lists the keys present right now.
    func devices() throws(SecurityKeyError) -> [SecurityKeyDevice]
    /// Opens one key and reads its authenticatorGetInfo.
    func open(_ device: SecurityKeyDevice) throws(SecurityKeyError) -> any SecurityKeySession
}

/// One opened key. Calls block until the key responds, so run them off the UI thread.
public protocol SecurityKeySession: AnyObject, Sendable {
    var device: SecurityKeyDevice { get }
    var info: SecurityKeyInfo { get }

    /// Asks the key how many PIN attempts remain.
    func pinRetries() throws(SecurityKeyError) -> Int
    /// Sets the first PIN on a key that has none.
    func setPIN(_ pin: SecretBytes) throws(SecurityKeyError)
    /// Replaces the PIN `old` with `new`, as a key that reports forcePINChange demands.
    /// A wrong `old` PIN counts against the retries like any wrong PIN.
    func changePIN(old: SecretBytes, new: SecretBytes) throws(SecurityKeyError)
    /// Creates a discoverable credential with user verification; blocks until the person touches the key.
    func makeCredential(_ request: CredentialRequest, pin: SecretBytes) throws(SecurityKeyError) -> RegisteredCredential
    /// Signs in with the new credential and verifies the signature against its public key.
    func getAssertion(_ request: AssertionRequest, pin: SecretBytes) throws(SecurityKeyError) -> AssertionResult
    /// Erases every credential and the PIN on the key; only with the person's consent.
    /// Keys accept it only shortly after being plugged in, and only after a touch.
    func reset() throws(SecurityKeyError)
    /// Aborts a pending operation; the blocked call then fails with `.cancelled`. Safe from any thread.
    func cancel()
    /// Closes the device; further calls fail.
    func close()
}

extension SecurityKeySession {
    /// Default for sessions that cannot change a PIN: fails with `.unsupportedKey`.
    public func changePIN(old: SecretBytes, new: SecretBytes) throws(SecurityKeyError) {
        throw .unsupportedKey(reason: "this key session cannot change a PIN")
    }
}
