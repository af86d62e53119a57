import Foundation
import KioskCrypto
import Synchronization

/// Failures while setting up a virtual key.
public enum VirtualKeyError: Error, Sendable, Equatable {
    /// A file in the data directory could not be read or written.
    case storage(path: String, reason: String)
    /// A PEM file exists but does not hold what it should.
    case invalidFile(path: String, reason: String)
    /// Key or certificate generation failed in libcrypto.
    case crypto(CryptoError)
    /// Another attached virtual key already uses this device path.
    case pathInUse(String)
}

/// The test attestation CA and the attestation certificate of the virtual keys.
///
/// Created on first use in a directory the caller chooses and reused afterwards, so that a
/// relying party (or the independent verifier) can trust the CA certificate file. The files:
/// `attestation-ca.pem` (CA certificate, the trust anchor), `attestation-ca-key.pem`,
/// `attestation-cert.pem` (leaf in every x5c) and `attestation-key.pem`. Key files are mode 0600.
public final class AttestationAuthority: Sendable {
    /// File name of the CA certificate inside the data directory.
    public static let caCertificateFileName = "attestation-ca.pem"

    /// The self-signed test CA certificate ("Kiosk Demo Attestation CA").
    public let caCertificate: X509Certificate
    /// The packed-attestation leaf certificate, signed by the CA.
    public let attestationCertificate: X509Certificate
    /// Full path of `attestation-ca.pem`.
    public let caCertificatePath: String
    let attestationKey: P256Key
    /// The CA's private key, kept to issue leaves for the wrong-attestation scenarios.
    let caKey: P256Key

    /// Serialises load-or-create so two keys opening one directory do not both generate a CA.
    private static let creationLock = Mutex(())

    private init(ca: X509Certificate, caKey: P256Key, leaf: X509Certificate, leafKey: P256Key, caPath: String) {
        caCertificate = ca
        self.caKey = caKey
        attestationCertificate = leaf
        attestationKey = leafKey
        caCertificatePath = caPath
    }

    /// Loads the CA and attestation certificate from `directory`, creating what is missing.
    ///
    /// The leaf is (re)issued when it is missing or when its FIDO AAGUID extension
    /// (OID 1.3.6.1.4.1.45724.1.1.4) differs from `aaguid`; the CA is kept once it exists.
    public static func loadOrCreate(directory: String, aaguid: [UInt8]) throws(VirtualKeyError) -> AttestationAuthority {
        try creationLock.withLock { _ throws(VirtualKeyError) in
            try createDirectory(directory)
            let files = Files(directory: directory)
            let (ca, caKey) = try loadOrCreateCA(files)
            let (leaf, leafKey) = try loadOrCreateLeaf(files, ca: ca, caKey: caKey, aaguid: aaguid)
            return AttestationAuthority(ca: ca, caKey: caKey, leaf: leaf, leafKey: leafKey, caPath: files.caCertificate)
        }
    }

    /// The CA certificate as PEM, for a verifier's trust store.
    public func caCertificatePEM() throws(VirtualKeyError) -> String {
        do { return try caCertificate.pem() } catch { throw .crypto(error) }
    }

    private struct Files {
        let caCertificate: String
        let caKey: String
        let leafCertificate: String
        let leafKey: String

        init(directory: String) {
            caCertificate = directory + "/" + AttestationAuthority.caCertificateFileName
            caKey = directory + "/attestation-ca-key.pem"
            leafCertificate = directory + "/attestation-cert.pem"
            leafKey = directory + "/attestation-key.pem"
        }
    }

    private static func loadOrCreateCA(_ files: Files) throws(VirtualKeyError) -> (X509Certificate, P256Key) {
        if let certificatePEM = try readIfPresent(files.caCertificate), let keyPEM = try readIfPresent(files.caKey) {
            return (try parseCertificate(certificatePEM, path: files.caCertificate), try parseKey(keyPEM, path: files.caKey))
        }
        do {
            let key = try P256Key.generate()
            let subject = [
                NameAttribute("C", "DE"), NameAttribute("O", "Kiosk Demo"),
                NameAttribute("CN", "Kiosk Demo Attestation CA (test only)"),
            ]
            let certificate = try CertificateBuilder.selfSignedCA(subject: subject, key: key, validityDays: 3650)
            try write(try key.privateKeyPEM(), to: files.caKey, secret: true)
            try write(try certificate.pem(), to: files.caCertificate, secret: false)
            return (certificate, key)
        } catch let error as CryptoError {
            throw .crypto(error)
        } catch let error as VirtualKeyError {
            throw error
        } catch {
            throw .storage(path: files.caCertificate, reason: "\(error)")
        }
    }

    private static func loadOrCreateLeaf(
        _ files: Files, ca: X509Certificate, caKey: P256Key, aaguid: [UInt8]
    ) throws(VirtualKeyError) -> (X509Certificate, P256Key) {
        let expectedExtension = CertificateBuilder.octetStringDER(aaguid)
        if let certificatePEM = try readIfPresent(files.leafCertificate), let keyPEM = try readIfPresent(files.leafKey) {
            let certificate = try parseCertificate(certificatePEM, path: files.leafCertificate)
            if certificate.extensionValue(oid: aaguidExtensionOID) == expectedExtension,
                (try? certificate.verifyChain(roots: [ca])) != nil
            {
                return (certificate, try parseKey(keyPEM, path: files.leafKey))
            }
        }
        do {
            let key = try P256Key.generate()
            let certificate = try CertificateBuilder.leaf(
                subject: attestationSubject, publicKey: key, issuer: ca, issuerKey: caKey, validityDays: 3650,
                extensions: [CustomExtension(oid: aaguidExtensionOID, critical: false, valueDER: expectedExtension)])
            try write(try key.privateKeyPEM(), to: files.leafKey, secret: true)
            try write(try certificate.pem(), to: files.leafCertificate, secret: false)
            return (certificate, key)
        } catch let error as CryptoError {
            throw .crypto(error)
        } catch let error as VirtualKeyError {
            throw error
        } catch {
            throw .storage(path: files.leafCertificate, reason: "\(error)")
        }
    }

    /// Issues a packed-attestation leaf for `aaguid` signed by `issuer`, held only in memory.
    static func issueLeaf(aaguid: [UInt8], issuer: X509Certificate, issuerKey: P256Key) throws(CryptoError) -> (X509Certificate, P256Key) {
        let key = try P256Key.generate()
        let certificate = try CertificateBuilder.leaf(
            subject: attestationSubject, publicKey: key, issuer: issuer, issuerKey: issuerKey, validityDays: 3650,
            extensions: [CustomExtension(oid: aaguidExtensionOID, critical: false, valueDER: CertificateBuilder.octetStringDER(aaguid))])
        return (certificate, key)
    }

    /// Creates a CA that nobody trusts and a leaf for `aaguid` under it, held only in memory.
    static func untrustedLeaf(aaguid: [UInt8]) throws(CryptoError) -> (X509Certificate, P256Key) {
        let caKey = try P256Key.generate()
        let subject = [NameAttribute("C", "DE"), NameAttribute("O", "Unknown Vendor"), NameAttribute("CN", "Untrusted Attestation CA")]
        let ca = try CertificateBuilder.selfSignedCA(subject: subject, key: caKey, validityDays: 3650)
        return try issueLeaf(aaguid: aaguid, issuer: ca, issuerKey: caKey)
    }

    /// WebAuthn packed attestation: OU must be the literal "Authenticator Attestation".
    private static let attestationSubject = [
        NameAttribute("C", "DE"), NameAttribute("O", "Kiosk Demo"),
        NameAttribute("OU", "Authenticator Attestation"), NameAttribute("CN", "Virtual YubiKey (demo) Attestation"),
    ]

    /// FIDO's certificate extension that carries the authenticator's AAGUID.
    public static let aaguidExtensionOID = "1.3.6.1.4.1.45724.1.1.4"

    private static func createDirectory(_ directory: String) throws(VirtualKeyError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .storage(path: directory, reason: "cannot create directory: \(error.localizedDescription)")
        }
    }

    private static func readIfPresent(_ path: String) throws(VirtualKeyError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .storage(path: path, reason: "cannot read file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func parseCertificate(_ pem: String, path: String) throws(VirtualKeyError) -> X509Certificate {
        do { return try X509Certificate(pem: pem) } catch { throw .invalidFile(path: path, reason: "\(error)") }
    }

    private static func parseKey(_ pem: String, path: String) throws(VirtualKeyError) -> P256Key {
        do { return try P256Key(privateKeyPEM: pem) } catch { throw .invalidFile(path: path, reason: "\(error)") }
    }

    /// Writes through a temporary file and a rename, so a crash never leaves half a PEM file.
    private static func write(_ text: String, to path: String, secret: Bool) throws(VirtualKeyError) {
        let temporary = path + ".tmp"
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: secret ? 0o600 : 0o644]
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: attributes) else {
            throw .storage(path: temporary, reason: "cannot write file")
        }
        guard rename(temporary, path) == 0 else {
            throw .storage(path: path, reason: "rename failed: errno \(errno)")
        }
    }
}
