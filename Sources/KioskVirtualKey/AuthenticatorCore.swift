import KioskCrypto

/// A discoverable credential held by the virtual key.
struct StoredCredential {
    let id: [UInt8]
    let rpID: String
    let userHandle: [UInt8]
    let userName: String?
    let displayName: String?
    let privateKey: P256Key
    /// Creation order; a larger number is newer.
    let serial: Int
}

/// What a CTAP2 request leads to: an immediate reply, or a reply that waits for a touch.
enum CoreOutcome {
    /// Status byte followed by the optional CBOR map.
    case reply([UInt8])
    case awaitTouch(TouchAction)
    /// authenticatorReset: the transport checks the time since plug-in, then waits for the touch.
    case reset
    /// The scenario asked to unplug the key at this point.
    case unplug
}

/// Work that finishes once the person touches the key.
enum TouchAction {
    case makeCredential(MakeCredentialRequest)
    case getAssertion(GetAssertionRequest)
    /// CTAP 2.1 asks for a touch before it reveals that an excluded credential exists.
    case excluded
    /// authenticatorReset, within the window after plug-in.
    case reset
}

/// The CTAP2 authenticator state machine, without transport or threading.
///
/// Every method runs under the owning `VirtualAuthenticator`'s lock. PIN handling follows
/// PIN/UV auth protocol 1 (CTAP 2.0 `getPinToken`): 8 retries, and after 3 wrong PINs in a row
/// `PIN_AUTH_BLOCKED` until the key is unplugged.
struct AuthenticatorCore {
    static let maxPinRetries = 8
    static let maxConsecutivePinFailures = 3
    static let maxMessageSize = 1200

    let configuration: VirtualKeyConfiguration
    let attestation: AttestationAuthority
    /// LEFT(SHA-256(PIN), 16), `nil` while no PIN is set.
    var pinHash: [UInt8]?
    var pinRetries = maxPinRetries
    var consecutivePinFailures = 0
    var keyAgreementKey: P256Key
    var pinToken: [UInt8]
    var credentials: [StoredCredential] = []
    var signCounter: UInt32 = 0
    var nextSerial = 0
    /// Further assertions a discoverable getAssertion left for authenticatorGetNextAssertion.
    var pendingAssertions: [StoredCredential] = []
    var pendingAssertionRequest: GetAssertionRequest?
    /// Set by the scenario knob; consumed by the next makeCredential.
    var unplugDuringNextMakeCredential = false
    /// Attestation that makeCredential returns.
    var attestationMode = VirtualAttestationMode.packed
    /// CTAP 2.1 forcePINChange: getPinToken fails with PIN_POLICY_VIOLATION until changePIN.
    var forcePINChange = false
    /// Minimum PIN length in code points, reported in getInfo and enforced on setPIN and changePIN.
    var minPINLength: Int

    init(configuration: VirtualKeyConfiguration, attestation: AttestationAuthority) throws(CryptoError) {
        self.configuration = configuration
        self.attestation = attestation
        minPINLength = configuration.minPINLength
        keyAgreementKey = try P256Key.generate()
        pinToken = try SecureRandom.bytes(32)
    }

    /// Runs one authenticatorAPI request (command byte followed by CBOR parameters).
    mutating func handle(_ request: [UInt8]) -> CoreOutcome {
        guard let first = request.first else { return .reply([CTAPStatus.invalidLength.rawValue]) }
        do {
            let parameters = request.count > 1 ? try decodeParameters(Array(request.dropFirst())) : CBOR.map([])
            if first != CTAP2Command.getNextAssertion.rawValue { pendingAssertions = [] }
            switch CTAP2Command(rawValue: first) {
            case .getInfo: return .reply(try Self.okReply(getInfo()))
            case .clientPIN: return .reply(try Self.okReply(clientPIN(parameters)))
            case .makeCredential: return try makeCredential(parameters)
            case .getAssertion: return try getAssertion(parameters)
            case .getNextAssertion: return .reply(try Self.okReply(getNextAssertion()))
            case .reset: return .reset
            case nil: throw CTAPStatus.invalidCommand
            }
        } catch let status as CTAPStatus {
            return .reply([status.rawValue])
        } catch {
            return .reply([CTAPStatus.other.rawValue])
        }
    }

    /// Finishes a request after the touch.
    mutating func complete(_ action: TouchAction) -> [UInt8] {
        do {
            switch action {
            case .makeCredential(let request): return try Self.okReply(finishMakeCredential(request))
            case .getAssertion(let request): return try Self.okReply(finishGetAssertion(request))
            case .excluded: throw CTAPStatus.credentialExcluded
            case .reset:
                try factoryReset()
                return [CTAPStatus.ok.rawValue]
            }
        } catch let status as CTAPStatus {
            return [status.rawValue]
        } catch {
            return [CTAPStatus.other.rawValue]
        }
    }

    /// Forgets the per-power-cycle state, as unplugging a real key does.
    mutating func powerCycle() throws(CryptoError) {
        consecutivePinFailures = 0
        keyAgreementKey = try P256Key.generate()
        pinToken = try SecureRandom.bytes(32)
        pendingAssertions = []
    }

    /// Sets or clears the PIN directly (scenario setup, not a CTAP command) and sets the retries.
    mutating func presetPIN(_ pin: [UInt8]?, retries: Int = maxPinRetries) {
        pinHash = pin.map { Array(SHA256.hash($0).prefix(16)) }
        pinRetries = max(0, min(retries, Self.maxPinRetries))
        consecutivePinFailures = 0
    }

    /// authenticatorReset after the touch: erases credentials, PIN and forcePINChange.
    mutating func factoryReset() throws(CryptoError) {
        presetPIN(nil)
        forcePINChange = false
        credentials.removeAll()
        pendingAssertions = []
        pendingAssertionRequest = nil
        keyAgreementKey = try P256Key.generate()
        pinToken = try SecureRandom.bytes(32)
    }

    static func okReply(_ body: CBOR?) throws -> [UInt8] {
        guard let body else { return [CTAPStatus.ok.rawValue] }
        return [CTAPStatus.ok.rawValue] + (try body.encoded())
    }

    private func decodeParameters(_ bytes: [UInt8]) throws -> CBOR {
        guard let parameters = try? CBOR.decode(bytes), parameters.mapValue != nil else { throw CTAPStatus.invalidCBOR }
        return parameters
    }

    private func getInfo() -> CBOR {
        let options: [CBORPair] = [
            CBORPair(.text("rk"), .bool(true)), CBORPair(.text("up"), .bool(true)),
            CBORPair(.text("plat"), .bool(false)), CBORPair(.text("clientPin"), .bool(pinHash != nil)),
        ]
        let remaining = max(0, configuration.residentKeyCapacity - credentials.count)
        return .map([
            CBORPair(.int(0x01), .array([.text("FIDO_2_0"), .text("FIDO_2_1")])),
            CBORPair(.int(0x03), .bytes(configuration.aaguid)),
            CBORPair(.int(0x04), .map(options)),
            CBORPair(.int(0x05), .int(Self.maxMessageSize)),
            CBORPair(.int(0x06), .array([.int(1)])),
            CBORPair(.int(0x07), .int(8)),
            CBORPair(.int(0x08), .int(128)),
            CBORPair(.int(0x09), .array([.text("usb")])),
            CBORPair(.int(0x0A), .array([.map([CBORPair(.text("alg"), .int(-7)), CBORPair(.text("type"), .text("public-key"))])])),
            CBORPair(.int(0x0C), .bool(forcePINChange)),
            CBORPair(.int(0x0D), .int(minPINLength)),
            CBORPair(.int(0x0E), .unsigned(configuration.firmwareVersion)),
            CBORPair(.int(0x14), .int(remaining)),
        ])
    }

    /// The authenticator's key-agreement public key as a COSE_Key (alg -25, ECDH-ES+HKDF-256).
    static func coseKey(_ key: P256Key, algorithm: Int) -> CBOR {
        .map([
            CBORPair(.int(1), .int(2)), CBORPair(.int(3), .int(algorithm)), CBORPair(.int(-1), .int(1)),
            CBORPair(.int(-2), .bytes(key.x)), CBORPair(.int(-3), .bytes(key.y)),
        ])
    }
}
