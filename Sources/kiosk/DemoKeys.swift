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
    /// Both check every new credential against the `[attestation]` policy of kiosk.conf.
    static func makeKeyProvider(config: KioskConfig, demo: Bool, logger: Logger) throws(KioskFailure) -> KeySetup {
        let timeout = Duration.seconds(config.touchTimeoutSeconds)
        guard demo else {
            let (policy, catalog) = try loadAttestationPolicy(config, demo: nil, logger: logger)
            return KeySetup(provider: Fido2KeyProvider(includeUSB: true, touchTimeout: timeout, logger: logger.child("fido2"),
                                                       attestationPolicy: policy, catalog: catalog),
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
            primary.setTouch(.after(.milliseconds(600)))
            second.setTouch(.after(.milliseconds(600)))
            if let settings = ProcessInfo.processInfo.environment[DemoKeyScenario.environmentVariable] {
                try DemoKeyScenario.apply(settings, to: primary)
                logger.info("demo key scenario applied", ["settings": settings.contains("pin=") ? "(with a PIN)" : settings])
            }
            // Demo mode only: the virtual keys' test CA and AAGUID are trusted next to the vendor roots.
            let demoTrust = AttestationPolicy.DemoTrust(
                caCertificate: primary.attestation.caCertificate,
                model: KeyModel(aaguid: VirtualKeyConfiguration.demoAAGUID, name: "Virtual YubiKey (demo)"))
            let (policy, catalog) = try loadAttestationPolicy(config, demo: demoTrust, logger: logger)
            let provider = Fido2KeyProvider(virtualKeys: [primary, second], includeUSB: false,
                                            touchTimeout: timeout, logger: logger.child("fido2"),
                                            attestationPolicy: policy, catalog: catalog)
            logger.info("demo mode: virtual keys attached")
            return KeySetup(provider: provider, virtualKeys: [primary, second])
        } catch let failure as KioskFailure {
            throw failure
        } catch {
            throw .startup("cannot create the demo security key in \(config.dataDirectory)/demo-key: \(error)")
        }
    }

    /// Reads the trusted roots, their pins and the model catalog named in kiosk.conf.
    private static func loadAttestationPolicy(
        _ config: KioskConfig, demo: AttestationPolicy.DemoTrust?, logger: Logger
    ) throws(KioskFailure) -> (AttestationPolicy, KeyModelCatalog) {
        do {
            return try AttestationPolicy.load(settings: config.attestation, demo: demo, logger: logger.child("attestation"))
        } catch {
            switch error {
            case .noTrustedRoot:
                throw .configuration("no attestation root in \(config.attestation.rootCertificateFiles.joined(separator: ", ")) "
                    + "matches a fingerprint in \(config.attestation.rootFingerprintFile); fix the files or set attestation.required = no")
            case .unreadable(let path, let reason), .invalidFile(let path, let reason):
                throw .configuration("cannot read the attestation file \(path): \(reason). "
                    + "Start the kiosk from the folder that contains Assets/, or fix the [attestation] paths in kiosk.conf.")
            }
        }
    }
}
