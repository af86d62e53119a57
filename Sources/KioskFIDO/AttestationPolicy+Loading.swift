import Foundation
import KioskCore
import KioskCrypto

/// A root certificate from a trusted-roots file that the kiosk does not trust.
public struct RejectedRoot: Sendable, Hashable {
    /// Subject in OpenSSL's one-line form.
    public var subject: String
    /// SHA-256 of the certificate's DER, lower-case hex.
    public var fingerprint: String
    /// English reason for the log.
    public var reason: String
}

/// Failures while building the attestation policy at start.
public enum AttestationSetupError: Error, Sendable, Equatable {
    /// A configured file could not be read.
    case unreadable(path: String, reason: String)
    /// A configured file is not in the expected format.
    case invalidFile(path: String, reason: String)
    /// Attestation is required but no root certificate passed its pin.
    case noTrustedRoot
}

/// Root certificates accepted only when the SHA-256 of their DER matches a pinned fingerprint.
///
/// Pinning by fingerprint, not by subject, matters for the 2014 Yubico root: a corrupted copy
/// with one wrong byte in the serial number circulates. Its self-signature fails, but its
/// public key is the real one, so a chain check that trusts it would still accept real leaves.
public enum PinnedRoots {
    /// Splits `certificates` into trusted roots and rejected ones.
    ///
    /// A root is trusted when its fingerprint is in `pins` and its self-signature verifies.
    public static func select(_ certificates: [X509Certificate], pins: Set<String>) -> (trusted: [X509Certificate], rejected: [RejectedRoot]) {
        var trusted: [X509Certificate] = []
        var rejected: [RejectedRoot] = []
        for certificate in certificates {
            let fingerprint = certificate.sha256Fingerprint
            if !pins.contains(fingerprint) {
                rejected.append(RejectedRoot(
                    subject: certificate.subjectLine, fingerprint: fingerprint,
                    reason: "SHA-256 fingerprint matches no pinned value (a corrupted or unexpected copy)"))
            } else if !certificate.hasValidSelfSignature {
                rejected.append(RejectedRoot(
                    subject: certificate.subjectLine, fingerprint: fingerprint, reason: "self-signature does not verify"))
            } else {
                trusted.append(certificate)
            }
        }
        return (trusted, rejected)
    }

    /// Reads a fingerprint file. Lines starting with `#` are comments. Every other line starts
    /// with 64 hex digits (colons allowed, either case), and the rest of it is a note for the reader.
    ///
    /// - Throws: `.invalidFile` naming the first line that does not start with a fingerprint.
    public static func parsePins(_ text: String, path: String) throws(AttestationSetupError) -> Set<String> {
        var pins: Set<String> = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let token = trimmed.prefix { $0 != " " && $0 != "\t" }.replacingOccurrences(of: ":", with: "").lowercased()
            guard token.count == 64, token.allSatisfy({ $0.isHexDigit }) else {
                throw .invalidFile(path: path, reason: "line \(index + 1) does not start with a SHA-256 fingerprint (64 hex digits)")
            }
            pins.insert(token)
        }
        return pins
    }
}

extension AttestationPolicy {
    /// The virtual key's test CA and model, which demo mode (and only demo mode) trusts in addition.
    public struct DemoTrust: Sendable {
        public var caCertificate: X509Certificate
        public var model: KeyModel

        public init(caCertificate: X509Certificate, model: KeyModel) {
            self.caCertificate = caCertificate
            self.model = model
        }
    }

    /// Builds the policy and the model catalog from the `[attestation]` settings of kiosk.conf.
    ///
    /// Logs every rejected root and every pin without a matching certificate at error level.
    /// - Throws: `AttestationSetupError` when a file is unreadable or malformed, or when
    ///   attestation is required and no root passes its pin.
    public static func load(
        settings: AttestationSettings, demo: DemoTrust? = nil, logger: Logger
    ) throws(AttestationSetupError) -> (policy: AttestationPolicy, catalog: KeyModelCatalog) {
        var catalog = try loadCatalog(path: settings.modelCatalogFile)
        let pins = try PinnedRoots.parsePins(try read(settings.rootFingerprintFile), path: settings.rootFingerprintFile)
        let candidates = try loadCertificates(settings.rootCertificateFiles)
        var (trusted, rejected) = PinnedRoots.select(candidates, pins: pins)
        let pool = try loadCertificates(settings.intermediateCertificateFiles)
        for root in rejected {
            logger.error("attestation root rejected", ["subject": root.subject, "sha256": root.fingerprint, "reason": root.reason])
        }
        for pin in pins where !trusted.contains(where: { $0.sha256Fingerprint == pin }) {
            logger.error("pinned attestation root not found in the root files", ["sha256": pin])
        }
        guard !trusted.isEmpty || !settings.required else { throw .noTrustedRoot }
        var allowed = settings.allowedAAGUIDs.map(Set.init) ?? catalog.aaguids
        if let demo {
            trusted.append(demo.caCertificate)
            catalog = catalog.adding(demo.model)
            allowed.insert(demo.model.aaguid)
            logger.warning("demo mode: the virtual key's test attestation CA is trusted")
        }
        var policy = AttestationPolicy(
            trustedRoots: trusted, allowedAAGUIDs: allowed, requireAttestation: settings.required,
            allowedAlgorithms: Set(settings.algorithms), catalog: catalog)
        policy.intermediatePool = pool
        logger.info("attestation policy loaded", [
            "roots": String(trusted.count), "intermediates": String(pool.count), "aaguids": String(allowed.count),
            "required": String(settings.required),
        ])
        return (policy, catalog)
    }

    private static func loadCertificates(_ paths: [String]) throws(AttestationSetupError) -> [X509Certificate] {
        var certificates: [X509Certificate] = []
        for path in paths {
            let text = try read(path)
            do {
                certificates += try X509Certificate.all(pem: text)
            } catch {
                throw .invalidFile(path: path, reason: "\(error)")
            }
        }
        return certificates
    }

    private static func loadCatalog(path: String) throws(AttestationSetupError) -> KeyModelCatalog {
        do {
            return try KeyModelCatalog(tsv: try read(path))
        } catch let error as KeyModelCatalogError {
            throw .invalidFile(path: path, reason: "\(error)")
        } catch {
            throw error as? AttestationSetupError ?? .unreadable(path: path, reason: "\(error)")
        }
    }

    private static func read(_ path: String) throws(AttestationSetupError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "file missing or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .invalidFile(path: path, reason: "not UTF-8") }
        return text
    }
}
