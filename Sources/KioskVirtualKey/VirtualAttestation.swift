import KioskCrypto

/// The attestation the virtual key returns from makeCredential, so that every way a key can
/// fail the attestation policy can be played through libfido2.
public enum VirtualAttestationMode: Sendable, Equatable {
    /// "packed" with x5c = [leaf signed by the key's test CA], the leaf carrying the key's AAGUID.
    case packed
    /// "packed" without x5c, signed with the new credential's own key.
    case selfAttestation
    /// "packed" with a leaf from an untrusted CA created in memory.
    case untrustedCA
    /// "none" with an empty statement and an all-zero AAGUID, like a key hiding its model.
    case none
    /// "packed" from the test CA, but the leaf's AAGUID extension names another AAGUID.
    case mismatchedAAGUID
    /// "packed" from the test CA, but the authenticator data carries an all-zero AAGUID.
    case zeroAAGUID
}

extension AuthenticatorCore {
    /// The AAGUID written into the authenticator data for the current mode.
    var attestedAAGUID: [UInt8] {
        switch attestationMode {
        case .none, .zeroAAGUID: Array(repeating: 0, count: 16)
        default: configuration.aaguid
        }
    }

    /// Builds the format name and attestation statement over `authData ‖ clientDataHash`.
    func attestationStatement(authData: [UInt8], clientDataHash: [UInt8], credentialKey: P256Key) throws -> (String, CBOR) {
        let signed = authData + clientDataHash
        switch attestationMode {
        case .none:
            return ("none", .map([]))
        case .selfAttestation:
            let signature = try credentialKey.signSHA256(signed)
            return ("packed", .map([CBORPair(.text("alg"), .int(-7)), CBORPair(.text("sig"), .bytes(signature))]))
        case .packed, .zeroAAGUID:
            return ("packed", try Self.packed(signed, leaf: attestation.attestationCertificate, key: attestation.attestationKey))
        case .untrustedCA:
            let (leaf, key) = try AttestationAuthority.untrustedLeaf(aaguid: configuration.aaguid)
            return ("packed", try Self.packed(signed, leaf: leaf, key: key))
        case .mismatchedAAGUID:
            let other = configuration.aaguid.map { $0 ^ 0xFF }
            let (leaf, key) = try AttestationAuthority.issueLeaf(
                aaguid: other, issuer: attestation.caCertificate, issuerKey: attestation.caKey)
            return ("packed", try Self.packed(signed, leaf: leaf, key: key))
        }
    }

    private static func packed(_ signed: [UInt8], leaf: X509Certificate, key: P256Key) throws -> CBOR {
        let signature = try key.signSHA256(signed)
        return .map([
            CBORPair(.text("alg"), .int(-7)), CBORPair(.text("sig"), .bytes(signature)),
            CBORPair(.text("x5c"), .array([.bytes(leaf.der())])),
        ])
    }
}
