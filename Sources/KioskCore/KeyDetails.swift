/// The plugged-in key as the screens describe it: model, firmware and free credential slots.
public struct KeyDetails: Sendable, Equatable {
    /// Model name from the AAGUID catalog, else the product name the key reports over USB.
    public var model: String
    public var firmware: String?
    /// Free discoverable-credential slots, `nil` when the key does not report them.
    public var remainingSlots: Int?

    public init(model: String, firmware: String? = nil, remainingSlots: Int? = nil) {
        self.model = model
        self.firmware = firmware
        self.remainingSlots = remainingSlots
    }
}

extension EnrollmentFlow {
    /// Details of the key that is open in this enrollment, or `nil` before a key was opened.
    public var keyDetails: KeyDetails? {
        guard let device = session?.device, let info = session?.keyInfo else { return nil }
        return KeyDetails(model: info.modelName ?? device.product, firmware: info.firmwareVersion,
                          remainingSlots: info.remainingDiscoverableCredentials)
    }
}

extension EnrollmentStep {
    /// `true` on the screens where the open key's details help: PIN entry and the touches.
    public var showsKeyDetails: Bool {
        switch self {
        case .pin, .touchKey: true
        default: false
        }
    }
}
