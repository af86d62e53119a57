import CFido2
import KioskCore
import KioskVirtualKey

/// Finds security keys through libfido2: USB HID keys from `fido_dev_info_manifest` plus the
/// virtual keys given at creation, which libfido2 reaches through its custom I/O hooks.
public struct Fido2KeyProvider: SecurityKeyProvider {
    /// At most this many USB keys are listed (the manifest needs a fixed-size array).
    static let maxUSBDevices = 16

    private let virtualKeys: [VirtualAuthenticator]
    private let includeUSB: Bool
    private let touchTimeout: Duration
    private let logger: Logger
    private let attestationPolicy: AttestationPolicy?
    private let catalog: KeyModelCatalog?

    /// - Parameters:
    ///   - virtualKeys: software keys to list next to USB keys; unplugged ones are left out.
    ///   - includeUSB: whether to ask the HID bus (false in tests and the demo, so a real key on
    ///     the developer's machine does not show up).
    ///   - touchTimeout: how long makeCredential and getAssertion wait for the touch, including
    ///     the PIN exchange before it. libfido2 gives up after this and the call fails with `.touchTimeout`.
    ///   - logger: receives session milestones; libfido2's own diagnostics go here at debug level.
    ///   - attestationPolicy: every session checks new credentials against it; `nil` accepts
    ///     any attestation whose signature libfido2 verified (only for tests).
    ///   - catalog: fills `SecurityKeyInfo.modelName`; `nil` leaves it empty.
    public init(
        virtualKeys: [VirtualAuthenticator] = [], includeUSB: Bool = true,
        touchTimeout: Duration = .seconds(30), logger: Logger,
        attestationPolicy: AttestationPolicy? = nil, catalog: KeyModelCatalog? = nil
    ) {
        self.attestationPolicy = attestationPolicy
        self.catalog = catalog
        self.virtualKeys = virtualKeys
        self.includeUSB = includeUSB
        self.touchTimeout = touchTimeout
        self.logger = logger
        FidoLibrary.configure(logger: logger)
    }

    /// Lists the USB keys (when enabled) and then the plugged-in virtual keys.
    public func devices() throws(SecurityKeyError) -> [SecurityKeyDevice] {
        var found = includeUSB ? try usbDevices() : []
        for key in virtualKeys where key.isPluggedIn {
            let configuration = key.configuration
            found.append(
                SecurityKeyDevice(path: configuration.path, manufacturer: configuration.manufacturer, product: configuration.product))
        }
        logger.debug("listed security keys", ["count": String(found.count)])
        return found
    }

    /// Opens `device` and reads its authenticatorGetInfo.
    ///
    /// - Throws: `.keyRemoved` when the key is gone (unplugged since it was listed), or the
    ///   mapped libfido2 error of `fido_dev_open` / `fido_dev_get_cbor_info`.
    public func open(_ device: SecurityKeyDevice) throws(SecurityKeyError) -> any SecurityKeySession {
        let isVirtual = virtualKeys.contains { $0.configuration.path == device.path }
        if isVirtual && VirtualAuthenticator.attached(path: device.path)?.isPluggedIn != true {
            throw .keyRemoved
        }
        let isPresent = presenceCheck(path: device.path, isVirtual: isVirtual)
        return try Fido2Session(
            device: device, useVirtualIO: isVirtual, touchTimeout: touchTimeout, logger: logger.child("fido2.session"),
            isPresent: isPresent, attestationPolicy: attestationPolicy, catalog: catalog)
    }

    /// A check whether the key at `path` is still plugged in, for telling a pulled key from other failures.
    private func presenceCheck(path: String, isVirtual: Bool) -> @Sendable () -> Bool {
        if isVirtual {
            return { VirtualAuthenticator.attached(path: path)?.isPluggedIn == true }
        }
        let provider = self
        return { provider.isUSBDevicePresent(path: path) }
    }

    private func isUSBDevicePresent(path: String) -> Bool {
        do {
            return try usbDevices().contains { $0.path == path }
        } catch {
            return false
        }
    }

    private func usbDevices() throws(SecurityKeyError) -> [SecurityKeyDevice] {
        let list = try FidoDeviceInfoList(capacity: Self.maxUSBDevices)
        var count = 0
        let result = fido_dev_info_manifest(list.handle, list.capacity, &count)
        guard result == FIDO_OK else {
            throw securityKeyError(code: result, context: FidoFailureContext(call: "fido_dev_info_manifest"))
        }
        return (0..<count).compactMap { index in
            guard let entry = fido_dev_info_ptr(list.handle, index), let path = fido_dev_info_path(entry) else { return nil }
            return SecurityKeyDevice(
                path: String(cString: path),
                manufacturer: fido_dev_info_manufacturer_string(entry).map { String(cString: $0) } ?? "",
                product: fido_dev_info_product_string(entry).map { String(cString: $0) } ?? "")
        }
    }
}
