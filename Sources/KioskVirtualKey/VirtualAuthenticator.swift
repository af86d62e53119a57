import KioskCrypto
import Synchronization

/// Identity and limits of a virtual key.
public struct VirtualKeyConfiguration: Sendable {
    /// Device path libfido2 opens, unique among attached virtual keys, for example `virtual:demo`.
    public var path: String
    /// Manufacturer string shown in device lists, as a USB key's HID descriptor would give it.
    public var manufacturer: String
    /// Product string shown in device lists.
    public var product: String
    /// AAGUID, 16 bytes; also written into the attestation certificate.
    public var aaguid: [UInt8]
    /// Firmware version reported in getInfo (0x050403 reads as 5.4.3).
    public var firmwareVersion: UInt64
    /// Number of discoverable credentials the key can hold.
    public var residentKeyCapacity: Int
    /// Minimum PIN length in Unicode code points.
    public var minPINLength: Int

    /// The kiosk's demo key: path `virtual:demo`, product "Virtual YubiKey (demo)".
    public static let demo = VirtualKeyConfiguration(path: "virtual:demo")

    /// The AAGUID of the virtual key: the ASCII bytes of "KIOSK-DEMO-VKEY!", plainly not a vendor's.
    public static let demoAAGUID: [UInt8] = Array("KIOSK-DEMO-VKEY!".utf8)

    public init(
        path: String, manufacturer: String = "Kiosk Demo", product: String = "Virtual YubiKey (demo)",
        aaguid: [UInt8] = VirtualKeyConfiguration.demoAAGUID, firmwareVersion: UInt64 = 0x050403,
        residentKeyCapacity: Int = 25, minPINLength: Int = 4
    ) {
        self.path = path
        self.manufacturer = manufacturer
        self.product = product
        self.aaguid = aaguid
        self.firmwareVersion = firmwareVersion
        self.residentKeyCapacity = residentKeyCapacity
        self.minPINLength = minPINLength
    }
}

/// When the simulated person touches the key after it asks for user presence.
public enum TouchBehaviour: Sendable, Equatable {
    /// Touch at once.
    case immediate
    /// Touch after the given delay.
    case after(Duration)
    /// Never touch; the key gives up after its user-presence timeout with USER_ACTION_TIMEOUT.
    case never
    /// Pull the key out after the given delay instead of touching it.
    case unplugAfter(Duration)
}

/// A software CTAP2 security key ("virtual YubiKey") that libfido2 talks to through its
/// custom I/O hooks, with 64-byte CTAPHID reports just as over hidraw.
///
/// Creating one attaches it: libfido2 can open `configuration.path` once the device has
/// `VirtualAuthenticator.fidoIO` as its I/O functions. Releasing the last reference detaches it.
/// The scenario methods (`unplug`, `setTouch`, `presetPIN`, ...) may be called from any thread
/// while libfido2 is talking to the key.
public final class VirtualAuthenticator: Sendable {
    /// Path, names, AAGUID and limits the key was created with.
    public let configuration: VirtualKeyConfiguration
    /// The test CA and attestation certificate, stored in the data directory.
    public let attestation: AttestationAuthority
    let state: Mutex<DeviceState>

    /// Creates a key whose attestation CA lives in `dataDirectory` (created on first use).
    ///
    /// - Throws: `VirtualKeyError.pathInUse` when another live virtual key has the same path,
    ///   `.storage` or `.crypto` when the CA cannot be loaded or created.
    public init(configuration: VirtualKeyConfiguration, dataDirectory: String) throws(VirtualKeyError) {
        guard configuration.aaguid.count == 16 else {
            throw .invalidFile(path: dataDirectory, reason: "AAGUID must be 16 bytes")
        }
        self.configuration = configuration
        attestation = try AttestationAuthority.loadOrCreate(directory: dataDirectory, aaguid: configuration.aaguid)
        do {
            let core = try AuthenticatorCore(configuration: configuration, attestation: attestation)
            state = Mutex(DeviceState(core: core))
        } catch {
            throw .crypto(error)
        }
        try VirtualKeyRegistry.register(self)
    }

    deinit { VirtualKeyRegistry.unregister(path: configuration.path, identifier: ObjectIdentifier(self)) }

    // MARK: - Scenario knobs

    /// Whether the key is plugged in; an unplugged key fails every read and write and cannot be opened.
    public var isPluggedIn: Bool { state.withLock { !$0.isRemoved } }

    /// Pulls the key: pending requests die and reads and writes fail like a vanished hidraw device.
    public func unplug() { state.withLock { $0.unplug() } }

    /// Plugs the key back in. Like a power cycle this clears PIN_AUTH_BLOCKED, but not the retry counter.
    public func plugIn() {
        state.withLock { device in
            guard device.isRemoved else { return }
            device.isRemoved = false
            device.pluggedInAt = .now
            try? device.core.powerCycle()
        }
    }

    /// Sets when the simulated person touches the key.
    public func setTouch(_ behaviour: TouchBehaviour) { state.withLock { $0.touch = behaviour } }

    /// Sets how long the key waits for a touch before it answers USER_ACTION_TIMEOUT (default 30 s).
    public func setUserPresenceTimeout(_ timeout: Duration) { state.withLock { $0.userPresenceTimeout = timeout } }

    /// Makes the key vanish when the next makeCredential request arrives (after its PIN check).
    public func unplugDuringNextMakeCredential() {
        state.withLock { $0.core.unplugDuringNextMakeCredential = true }
    }

    /// Sets the PIN directly, or clears it with `nil`, and refills the retry counter to 8.
    ///
    /// For scenario setup only; the kiosk sets PINs through libfido2 (`fido_dev_set_pin`).
    public func presetPIN(_ pin: String?) { state.withLock { $0.core.presetPIN(pin.map { Array($0.utf8) }) } }

    /// Whether a PIN is set.
    public var hasPIN: Bool { state.withLock { $0.core.pinHash != nil } }

    /// PIN attempts left before the key blocks (8 after a correct PIN).
    public var pinRetries: Int { state.withLock { $0.core.pinRetries } }

    /// Number of discoverable credentials stored.
    public var credentialCount: Int { state.withLock { $0.core.credentials.count } }

    /// How many times the key has asked for a touch since it was created.
    public var touchRequestCount: Int { state.withLock { $0.touchRequests } }
}

/// Mutable device state, always accessed under the `VirtualAuthenticator`'s lock.
struct DeviceState {
    var core: AuthenticatorCore
    var channel: CTAPHIDChannel
    var isRemoved = false
    var touch = TouchBehaviour.immediate
    var userPresenceTimeout = Duration.seconds(30)
    var pending: PendingTouch?
    var touchRequests = 0
    /// When the key was created or last plugged in; authenticatorReset works only shortly after.
    var pluggedInAt = ContinuousClock.now
    /// How long after plug-in authenticatorReset is allowed (CTAP 2.1 suggests 10 seconds).
    var resetWindow = Duration.seconds(10)

    init(core: AuthenticatorCore) {
        self.core = core
        channel = CTAPHIDChannel(maxMessageSize: AuthenticatorCore.maxMessageSize)
    }

    mutating func unplug() {
        isRemoved = true
        pending = nil
        channel.reset()
    }
}

/// A request waiting for the touch.
struct PendingTouch {
    let cid: UInt32
    let action: TouchAction
    let started: ContinuousClock.Instant
    var nextKeepalive: ContinuousClock.Instant
    var cancelled = false
}
