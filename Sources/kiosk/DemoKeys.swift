import Foundation
import KioskCore
import KioskFIDO
import KioskVirtualKey

/// The virtual keys of demo mode and the demo-only function keys that play with them.
enum DemoKeys {
    static let primaryPath = "virtual:demo"
    static let secondPath = "virtual:demo-2"

    /// F5 unplugs or replugs the demo key; F6 plugs in or pulls a second key.
    static func toggle(_ functionKey: Int, keys: [VirtualAuthenticator]) {
        let index = functionKey == 5 ? 0 : 1
        guard index < keys.count else { return }
        let key = keys[index]
        if key.isPluggedIn { key.unplug() } else { key.plugIn() }
    }

    /// Environment variables that end-to-end tests set to start the demo key in a given PIN
    /// state; the kiosk reads them only in demo mode. `KIOSK_DEMO_KEY_PIN` presets a PIN and
    /// `KIOSK_DEMO_KEY_PIN_RETRIES` the retries left (0 blocks the PIN).
    static let presetPINVariable = "KIOSK_DEMO_KEY_PIN"
    static let presetRetriesVariable = "KIOSK_DEMO_KEY_PIN_RETRIES"

    /// Puts the primary demo key into the PIN state that the environment variables request, if any.
    static func applyPINScenario(to key: VirtualAuthenticator, environment: [String: String]) {
        guard let pin = environment[presetPINVariable], !pin.isEmpty else { return }
        key.presetPIN(pin)
        if let retries = environment[presetRetriesVariable].flatMap(Int.init) {
            key.setPINRetries(retries)
        }
    }

    /// Makes the demo key look like the next person's new, empty key after an enrollment.
    static func handOver(_ keys: [VirtualAuthenticator]) {
        guard let key = keys.first else { return }
        key.resetToFactory()
    }
}

extension KioskRunner {
    /// The key provider plus, in demo mode, the virtual keys it lists.
    struct KeySetup {
        let provider: any SecurityKeyProvider
        let virtualKeys: [VirtualAuthenticator]
    }

    /// USB keys through libfido2, or in demo mode two virtual keys (the second unplugged)
    /// attached through libfido2's custom I/O, so the demo runs the same code path.
    static func makeKeyProvider(config: KioskConfig, demo: Bool, logger: Logger) throws(KioskFailure) -> KeySetup {
        let timeout = Duration.seconds(config.touchTimeoutSeconds)
        guard demo else {
            return KeySetup(provider: Fido2KeyProvider(includeUSB: true, touchTimeout: timeout, logger: logger.child("fido2")),
                            virtualKeys: [])
        }
        do {
            let directory = config.dataDirectory + "/demo-key"
            let primary = try VirtualAuthenticator(
                configuration: VirtualKeyConfiguration(path: DemoKeys.primaryPath), dataDirectory: directory)
            let second = try VirtualAuthenticator(
                configuration: VirtualKeyConfiguration(path: DemoKeys.secondPath, product: "Virtual YubiKey (demo 2)"),
                dataDirectory: directory)
            second.unplug()
            DemoKeys.applyPINScenario(to: primary, environment: ProcessInfo.processInfo.environment)
            primary.setTouch(.after(.milliseconds(600)))
            second.setTouch(.after(.milliseconds(600)))
            let provider = Fido2KeyProvider(virtualKeys: [primary, second], includeUSB: false,
                                            touchTimeout: timeout, logger: logger.child("fido2"))
            logger.info("demo mode: virtual keys attached")
            return KeySetup(provider: provider, virtualKeys: [primary, second])
        } catch {
            throw .startup("cannot create the demo security key in \(config.dataDirectory)/demo-key: \(error)")
        }
    }
}
