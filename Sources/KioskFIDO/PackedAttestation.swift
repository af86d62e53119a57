import KioskCore
import KioskCrypto
import KioskVirtualKey

/// A WebAuthn attestation object split into its three members.
struct ParsedAttestation {
    let format: String
    let statement: CBOR
    let authDataBytes: [UInt8]
    let authData: AuthenticatorData

    /// - Throws: `.keyNotApproved` when the object is not a CBOR map with fmt, attStmt and
    ///   authData, or the authenticator data carries no attested credential.
    init(_ attestationObject: [UInt8]) throws(SecurityKeyError) {
        guard let object = try? CBOR.decode(attestationObject), let format = object[text: "fmt"]?.textValue,
            let statement = object[text: "attStmt"], statement.mapValue != nil,
            let authDataBytes = object[text: "authData"]?.bytesValue
        else { throw .keyNotApproved(reason: "attestation object is not a CBOR map of fmt, attStmt and authData") }
        guard let authData = AuthenticatorData(parsing: authDataBytes) else {
            throw .keyNotApproved(reason: "authenticator data is truncated or has no attested credential data (AT)")
        }
        self.format = format
        self.statement = statement
        self.authDataBytes = authDataBytes
        self.authData = authData
    }
}

/// The attStmt of the "packed" format: alg, sig and the optional x5c chain (leaf first).
struct PackedStatement {
    let algorithm: Int
    let signature: [UInt8]
    /// Leaf, then intermediates; empty for self-attestation.
    let chain: [X509Certificate]

    init(_ statement: CBOR) throws(SecurityKeyError) {
        guard let algorithm = statement[text: "alg"]?.intValue, let signature = statement[text: "sig"]?.bytesValue else {
            throw .keyNotApproved(reason: "packed attestation statement lacks alg or sig")
        }
        var chain: [X509Certificate] = []
        if let encoded = statement[text: "x5c"] {
            guard let items = encoded.arrayValue, !items.isEmpty else {
                throw .keyNotApproved(reason: "x5c is not a non-empty array of certificates")
            }
            for item in items {
                guard let der = item.bytesValue, let certificate = try? X509Certificate(der: der) else {
                    throw .keyNotApproved(reason: "x5c contains an unreadable certificate")
                }
                chain.append(certificate)
            }
        }
        self.algorithm = algorithm
        self.signature = signature
        self.chain = chain
    }
}

/// The requirements on a packed attestation certificate (WebAuthn Level 2, section 8.2.1).
enum LeafRequirements {
    /// FIDO's certificate extension that carries the authenticator's AAGUID.
    static let aaguidExtensionOID = AttestationAuthority.aaguidExtensionOID

    /// Checks version 3, the subject fields, CA:FALSE and the AAGUID extension.
    ///
    /// WebAuthn makes the AAGUID extension optional, but the kiosk requires it. Without it the
    /// certificate does not bind the AAGUID, so any model could claim to be an approved one.
    static func check(_ leaf: X509Certificate, aaguid: [UInt8]) throws(SecurityKeyError) {
        let subject = leaf.subjectLine
        guard leaf.version == 3 else { throw .keyNotApproved(reason: "attestation certificate \(subject) is not X.509 version 3") }
        let country = leaf.subjectValues("C")
        guard country.count == 1, country[0].utf8.count == 2 else {
            throw .keyNotApproved(reason: "attestation certificate \(subject) lacks a two-letter country (C)")
        }
        guard leaf.subjectValues("O").contains(where: { !$0.isEmpty }) else {
            throw .keyNotApproved(reason: "attestation certificate \(subject) lacks the vendor (O)")
        }
        guard leaf.subjectValues("OU") == ["Authenticator Attestation"] else {
            throw .keyNotApproved(reason: "attestation certificate \(subject) lacks OU=Authenticator Attestation")
        }
        guard leaf.subjectValues("CN").contains(where: { !$0.isEmpty }) else {
            throw .keyNotApproved(reason: "attestation certificate \(subject) lacks a common name (CN)")
        }
        guard !leaf.isCA else { throw .keyNotApproved(reason: "attestation certificate \(subject) is a CA certificate") }
        try checkAAGUIDExtension(leaf, aaguid: aaguid)
    }

    private static func checkAAGUIDExtension(_ leaf: X509Certificate, aaguid: [UInt8]) throws(SecurityKeyError) {
        guard let value = leaf.extensionValue(oid: aaguidExtensionOID) else {
            throw .keyNotApproved(reason: "attestation certificate has no FIDO AAGUID extension (\(aaguidExtensionOID))")
        }
        guard leaf.isExtensionCritical(oid: aaguidExtensionOID) == false else {
            throw .keyNotApproved(reason: "the FIDO AAGUID extension is marked critical")
        }
        // The extension value is the DER of an OCTET STRING holding the 16 AAGUID bytes.
        guard value.count == 18, value[0] == 0x04, value[1] == 16 else {
            throw .keyNotApproved(reason: "the FIDO AAGUID extension is not a 16-byte OCTET STRING")
        }
        let certified = Array(value.dropFirst(2))
        guard certified == aaguid else {
            throw .keyNotApproved(reason: "AAGUID \(Hex.uuid(certified)) in the attestation certificate differs from "
                + "\(Hex.uuid(aaguid)) in the authenticator data")
        }
    }
}
