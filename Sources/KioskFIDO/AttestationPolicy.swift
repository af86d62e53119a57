import KioskCore
import KioskCrypto
import KioskVirtualKey

/// Decides whether a newly registered key is an allowed model, from its packed attestation.
///
/// `Fido2Session.makeCredential` has already checked the attestation signature with libfido2
/// (`fido_cred_verify`). This policy adds what libfido2 leaves to the relying party: the x5c
/// chain to a trusted vendor root, the AAGUID certificate extension and an AAGUID allow-list.
public struct AttestationPolicy: Sendable {
    /// Root certificates an attestation chain must end in (a vendor root, or the virtual key's test CA).
    public var trustedRoots: [X509Certificate]
    /// AAGUIDs (16 bytes each) that may register; an empty set allows every AAGUID.
    public var allowedAAGUIDs: Set<[UInt8]>

    public init(trustedRoots: [X509Certificate], allowedAAGUIDs: Set<[UInt8]> = []) {
        self.trustedRoots = trustedRoots
        self.allowedAAGUIDs = allowedAAGUIDs
    }

    /// Reads the trusted roots from PEM texts.
    ///
    /// - Throws: `CryptoError` naming the OpenSSL failure when a text is not a PEM certificate.
    public init(trustedRootsPEM: [String], allowedAAGUIDs: Set<[UInt8]> = []) throws(CryptoError) {
        var roots: [X509Certificate] = []
        for pem in trustedRootsPEM { roots.append(try X509Certificate(pem: pem)) }
        self.init(trustedRoots: roots, allowedAAGUIDs: allowedAAGUIDs)
    }

    /// Checks `credential` against the policy.
    ///
    /// - Throws: `.unsupportedKey(reason:)` with an English reason for the log: a format other
    ///   than "packed", a missing or untrusted x5c chain, an AAGUID extension that differs from
    ///   the authenticator data, or an AAGUID outside the allow-list.
    public func check(_ credential: RegisteredCredential) throws(SecurityKeyError) {
        guard credential.attestationFormat == "packed" else {
            throw .unsupportedKey(reason: "attestation format \(credential.attestationFormat) is not packed")
        }
        let chain = try certificateChain(credential.attestationObject)
        guard let leaf = chain.first else { throw .unsupportedKey(reason: "attestation has no x5c certificate") }
        do {
            try leaf.verifyChain(roots: trustedRoots, intermediates: Array(chain.dropFirst()))
        } catch {
            throw .unsupportedKey(reason: "attestation certificate is not trusted: \(error)")
        }
        if let value = leaf.extensionValue(oid: AttestationAuthority.aaguidExtensionOID),
            value != CertificateBuilder.octetStringDER(credential.aaguid)
        {
            throw .unsupportedKey(reason: "AAGUID in the attestation certificate differs from the authenticator data")
        }
        guard allowedAAGUIDs.isEmpty || allowedAAGUIDs.contains(credential.aaguid) else {
            throw .unsupportedKey(reason: "AAGUID \(Hex.uuid(credential.aaguid)) is not on the allow-list")
        }
    }

    private func certificateChain(_ attestationObject: [UInt8]) throws(SecurityKeyError) -> [X509Certificate] {
        guard let object = try? CBOR.decode(attestationObject),
            let encoded = object[text: "attStmt"]?[text: "x5c"]?.arrayValue
        else { throw .unsupportedKey(reason: "attestation has no x5c certificate") }
        var chain: [X509Certificate] = []
        for item in encoded {
            guard let der = item.bytesValue, let certificate = try? X509Certificate(der: der) else {
                throw .unsupportedKey(reason: "x5c contains an unreadable certificate")
            }
            chain.append(certificate)
        }
        return chain
    }
}
