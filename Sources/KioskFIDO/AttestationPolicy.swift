import KioskCore
import KioskCrypto
import KioskVirtualKey

/// Decides whether a newly registered key is an approved model, from its packed attestation.
///
/// libfido2's `fido_cred_verify` checks the attestation signature only. This policy verifies
/// offline what a relying party must check (WebAuthn Level 2, sections 7.1 and 8.2). In the
/// authenticator data these are the rpIdHash, the UP, UV and AT flags and the credential
/// algorithm. In the statement they are the signature over authenticatorData ‖ clientDataHash,
/// the packed-attestation requirements of the leaf and its FIDO AAGUID extension, the x5c
/// chain (leaf and any intermediates) to a pinned root, and the AAGUID allow-list.
/// "none" attestation, an all-zero AAGUID and self-attestation (no x5c) never pass as an
/// approved model.
public struct AttestationPolicy: Sendable {
    /// Authenticator data flag bits (WebAuthn Level 2, section 6.1).
    public enum Flag {
        /// User present (UP).
        public static let userPresent: UInt8 = 0x01
        /// User verified (UV), by the key's PIN.
        public static let userVerified: UInt8 = 0x04
        /// Attested credential data (AT) follows the sign counter.
        public static let attestedCredentialData: UInt8 = 0x40
    }

    /// Root certificates a chain must end in, already checked against their pinned fingerprints.
    public var trustedRoots: [X509Certificate]
    /// Intermediate CAs that may complete a chain when x5c lacks them. They confer no trust:
    /// the chain must still end in one of `trustedRoots`.
    public var intermediatePool: [X509Certificate] = []
    /// AAGUIDs (16 bytes each) that may register; an empty set allows every non-zero AAGUID.
    public var allowedAAGUIDs: Set<[UInt8]>
    /// Whether a key must pass the attestation check. With `false`, a key whose attestation
    /// fails (untrusted, none, self, AAGUID not allowed) is accepted and reported as not
    /// attested. The rpIdHash, flags and algorithm checks apply either way.
    public var requireAttestation: Bool
    /// COSE algorithms the credential key may use (-7 ES256, -8 EdDSA).
    public var allowedAlgorithms: Set<Int>
    /// Flags that must be set in the authenticator data; UP, UV and AT by default.
    public var requiredFlags: UInt8
    /// Seconds since 1970 at which the certificates must be valid; `nil` means the current time.
    public var verificationTime: Int64?
    /// Gives the model name of an approved AAGUID; `nil` leaves names out of the verdict.
    public var catalog: KeyModelCatalog?

    public init(
        trustedRoots: [X509Certificate], allowedAAGUIDs: Set<[UInt8]> = [], requireAttestation: Bool = true,
        allowedAlgorithms: Set<Int> = [COSEAlgorithm.es256], catalog: KeyModelCatalog? = nil
    ) {
        self.trustedRoots = trustedRoots
        self.allowedAAGUIDs = allowedAAGUIDs
        self.requireAttestation = requireAttestation
        self.allowedAlgorithms = allowedAlgorithms
        requiredFlags = Flag.userPresent | Flag.userVerified | Flag.attestedCredentialData
        verificationTime = nil
        self.catalog = catalog
    }

    /// Verifies the attestation of `credential`, made for `clientDataJSON` and `rpID`.
    ///
    /// - Throws: `.keyNotApproved(reason:)` with an English reason for the log.
    public func check(_ credential: RegisteredCredential, clientDataJSON: [UInt8], rpID: String) throws(SecurityKeyError) -> AttestationVerdict {
        try evaluate(attestationObject: credential.attestationObject, clientDataHash: SHA256.hash(clientDataJSON), rpID: rpID)
    }

    /// Verifies a WebAuthn attestation object against `clientDataHash` (SHA-256 of clientDataJSON).
    ///
    /// - Throws: `.keyNotApproved(reason:)` naming the first failed check, in English for the log.
    public func evaluate(attestationObject: [UInt8], clientDataHash: [UInt8], rpID: String) throws(SecurityKeyError) -> AttestationVerdict {
        let parsed = try ParsedAttestation(attestationObject)
        try checkAuthenticatorData(parsed.authData, rpID: rpID)
        do {
            let fingerprint = try verifyProof(parsed, clientDataHash: clientDataHash)
            return AttestationVerdict(
                aaguid: parsed.authData.aaguid, attested: true, modelName: catalog?.modelName(for: parsed.authData.aaguid),
                rootFingerprint: fingerprint, unattestedReason: nil)
        } catch {
            guard !requireAttestation, case .keyNotApproved(let reason) = error else { throw error }
            return AttestationVerdict(
                aaguid: parsed.authData.aaguid, attested: false, modelName: nil, rootFingerprint: nil, unattestedReason: reason)
        }
    }

    /// rpIdHash, flags and credential algorithm: enforced whether or not attestation is required.
    private func checkAuthenticatorData(_ authData: AuthenticatorData, rpID: String) throws(SecurityKeyError) {
        guard authData.rpIDHash == SHA256.hash(Array(rpID.utf8)) else {
            throw .keyNotApproved(reason: "rpIdHash in the authenticator data is not SHA-256 of \(rpID)")
        }
        guard authData.flags & requiredFlags == requiredFlags else {
            throw .keyNotApproved(reason: "authenticator data flags \(Self.hexByte(authData.flags)) lack "
                + Self.flagNames(requiredFlags & ~authData.flags))
        }
        let algorithm = (try? CBOR.decode(authData.publicKeyCOSE))?[int: 3]?.intValue
        guard let algorithm, allowedAlgorithms.contains(algorithm) else {
            throw .keyNotApproved(reason: "credential algorithm \(algorithm.map(String.init) ?? "missing") is not allowed")
        }
    }

    /// Everything that proves the model; returns the fingerprint of the root the chain ends in.
    private func verifyProof(_ parsed: ParsedAttestation, clientDataHash: [UInt8]) throws(SecurityKeyError) -> String {
        let aaguid = parsed.authData.aaguid
        guard aaguid.contains(where: { $0 != 0 }) else { throw .keyNotApproved(reason: "the AAGUID is all zeros") }
        guard parsed.format == "packed" else {
            throw .keyNotApproved(reason: "attestation format \"\(parsed.format)\" does not prove the key model")
        }
        let statement = try PackedStatement(parsed.statement)
        guard let leaf = statement.chain.first else {
            throw .keyNotApproved(reason: "self-attestation (no x5c) does not prove the key model")
        }
        try LeafRequirements.check(leaf, aaguid: aaguid)
        guard leaf.verifySignature(algorithm: statement.algorithm, signature: statement.signature, message: parsed.authDataBytes + clientDataHash) else {
            throw .keyNotApproved(reason: "attestation signature (alg \(statement.algorithm)) does not verify with the x5c leaf")
        }
        let fingerprint = try chainRoot(leaf: leaf, intermediates: Array(statement.chain.dropFirst()))
        guard allowedAAGUIDs.isEmpty || allowedAAGUIDs.contains(aaguid) else {
            throw .keyNotApproved(reason: "AAGUID \(Hex.uuid(aaguid)) is not on the allow-list")
        }
        return fingerprint
    }

    /// Finds the trusted root the chain verifies to, trying each root on its own.
    private func chainRoot(leaf: X509Certificate, intermediates: [X509Certificate]) throws(SecurityKeyError) -> String {
        var lastError = "no trusted root is configured"
        for root in trustedRoots {
            do {
                try leaf.verifyChain(roots: [root], intermediates: intermediates + intermediatePool, at: verificationTime)
                return root.sha256Fingerprint
            } catch {
                if case .openSSL(_, let detail) = error { lastError = detail } else { lastError = "\(error)" }
            }
        }
        throw .keyNotApproved(reason: "attestation chain of \(leaf.subjectLine) does not lead to a trusted root: \(lastError)")
    }

    private static func hexByte(_ value: UInt8) -> String {
        "0x" + Hex.encode([value])
    }

    private static func flagNames(_ missing: UInt8) -> String {
        var names: [String] = []
        if missing & Flag.userPresent != 0 { names.append("UP") }
        if missing & Flag.userVerified != 0 { names.append("UV") }
        if missing & Flag.attestedCredentialData != 0 { names.append("AT") }
        return names.joined(separator: ", ")
    }
}

/// Outcome of a passed attestation check.
public struct AttestationVerdict: Sendable, Hashable {
    /// AAGUID from the authenticator data, 16 bytes.
    public var aaguid: [UInt8]
    /// `true` when the chain, AAGUID and signature were verified; `false` only when the policy
    /// does not require attestation and the key failed it.
    public var attested: Bool
    /// Model family of an attested AAGUID; `nil` when not attested or not in the catalog.
    public var modelName: String?
    /// SHA-256 fingerprint of the root the chain ends in; `nil` when not attested.
    public var rootFingerprint: String?
    /// Reason the key counts as not attested (English, for the log); `nil` when attested.
    public var unattestedReason: String?
}
