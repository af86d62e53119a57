import KioskVirtualKey

/// The state the demo key starts in, so every key state can be shown without hardware.
///
/// Read in demo mode from the environment variable `KIOSK_DEMO_KEY`: comma-separated settings,
/// for example `KIOSK_DEMO_KEY=pin=1234,retries=2` or `KIOSK_DEMO_KEY=attestation=untrusted`.
/// The settings:
/// - `pin=TEXT`: the key has this PIN (without it the key is fresh, without a PIN);
/// - `retries=N`: N PIN attempts left (0 = blocked; needs `pin`);
/// - `auth-blocked`: the first PIN check fails with PIN_AUTH_BLOCKED until the key is replugged (F5);
/// - `force-pin-change`: the key demands a new PIN before use;
/// - `min-pin-length=N`: the key asks for PINs of at least N characters;
/// - `full`: no free slot for a discoverable credential;
/// - `touch=never`, `touch=MILLISECONDS`, `touch=unplug`: the person never touches, touches
///   late, or pulls the key while it blinks;
/// - `unplug-on-register`: the key vanishes when the registration request arrives;
/// - `attestation=self|untrusted|none|mismatch|zero`: a key that fails the attestation policy;
/// - `reset-window=SECONDS`: how long after plug-in a reset is accepted (default 10).
enum DemoKeyScenario {
    /// Name of the environment variable that contains the settings.
    static let environmentVariable = "KIOSK_DEMO_KEY"

    /// Applies `settings` to `key`.
    ///
    /// - Throws: `KioskFailure.usage` naming the first setting that is not understood.
    static func apply(_ settings: String, to key: VirtualAuthenticator) throws(KioskFailure) {
        var pin: String?
        var retries = 8
        var authBlocked = false
        for item in settings.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0].trimmingCharacters(in: " ")
            let value = parts.count > 1 ? parts[1].trimmingCharacters(in: " ") : ""
            switch (name, value) {
            case ("pin", let text) where !text.isEmpty: pin = text
            case ("retries", let text) where Int(text).map({ (0...8).contains($0) }) == true: retries = Int(text) ?? 8
            case ("force-pin-change", ""): key.setForcePINChange(true)
            case ("auth-blocked", ""): authBlocked = true
            case ("min-pin-length", let text) where Int(text) != nil: key.setMinPINLength(Int(text) ?? 4)
            case ("full", ""): try fill(key)
            case ("touch", _): try applyTouch(value, to: key)
            case ("unplug-on-register", ""): key.unplugDuringNextMakeCredential()
            case ("attestation", let mode) where attestationModes[mode] != nil: key.setAttestation(attestationModes[mode] ?? .packed)
            case ("reset-window", let text) where Int(text) != nil: key.setResetWindow(.seconds(Int(text) ?? 10))
            default: throw invalid(String(item))
            }
        }
        if let pin { key.presetPIN(pin, retries: retries) }
        // Presetting a PIN clears the consecutive-failure count, so the block comes last.
        if authBlocked { key.blockPINAuthUntilReplug() }
    }

    private static let attestationModes: [String: VirtualAttestationMode] = [
        "self": .selfAttestation, "untrusted": .untrustedCA, "none": .none, "mismatch": .mismatchedAAGUID,
        "zero": .zeroAAGUID,
    ]

    private static func applyTouch(_ value: String, to key: VirtualAuthenticator) throws(KioskFailure) {
        switch value {
        case "never": key.setTouch(.never)
        case "unplug": key.setTouch(.unplugAfter(.seconds(2)))
        default:
            guard let milliseconds = Int(value), milliseconds >= 0 else { throw invalid("touch=\(value)") }
            key.setTouch(.after(.milliseconds(milliseconds)))
        }
    }

    private static func fill(_ key: VirtualAuthenticator) throws(KioskFailure) {
        do {
            try key.fillCredentialStore()
        } catch {
            throw .startup("cannot fill the demo key's credential store: \(error)")
        }
    }

    private static func invalid(_ item: String) -> KioskFailure {
        .usage("\(environmentVariable): setting '\(item)' is not understood; use pin=, retries=, auth-blocked, force-pin-change, "
            + "min-pin-length=, full, touch=never|MILLISECONDS|unplug, unplug-on-register, "
            + "attestation=self|untrusted|none|mismatch|zero or reset-window=SECONDS")
    }
}

extension String {
    /// Returns the text without leading and trailing occurrences of `character`.
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
