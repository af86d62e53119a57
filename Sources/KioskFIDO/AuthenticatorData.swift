import KioskCore
import KioskVirtualKey

/// The parts of WebAuthn authenticator data the kiosk stores (WebAuthn Level 2, section 6.1).
///
/// Layout: rpIdHash (32) | flags (1) | signCount (4, big-endian) | attested credential data
/// when flag AT (0x40) is set: aaguid (16) | credentialIdLength (2) | credentialId | COSE_Key.
struct AuthenticatorData: Equatable {
    var rpIDHash: [UInt8]
    var flags: UInt8
    var signCount: UInt32
    var aaguid: [UInt8]
    var credentialID: [UInt8]
    /// The credential public key exactly as the key encoded it (CBOR COSE_Key).
    var publicKeyCOSE: [UInt8]

    /// Parses raw authenticator data that must contain attested credential data.
    ///
    /// - Returns: `nil` when the data is too short, lacks the AT flag or has no readable COSE key.
    init?(parsing bytes: [UInt8]) {
        guard bytes.count >= 55, bytes[32] & 0x40 != 0 else { return nil }
        rpIDHash = Array(bytes[0..<32])
        flags = bytes[32]
        signCount = bytes[33..<37].reduce(0) { $0 << 8 | UInt32($1) }
        aaguid = Array(bytes[37..<53])
        let idLength = Int(bytes[53]) << 8 | Int(bytes[54])
        let keyStart = 55 + idLength
        guard bytes.count > keyStart else { return nil }
        credentialID = Array(bytes[55..<keyStart])
        let rest = Array(bytes[keyStart...])
        guard let (_, keyLength) = try? CBOR.decodePrefix(rest) else { return nil }
        publicKeyCOSE = Array(rest.prefix(keyLength))
    }

    /// Whether the UV flag (0x04) is set: the key checked the PIN.
    var userVerified: Bool { flags & 0x04 != 0 }
}

/// Reads the affine coordinates of an EC2 P-256 COSE_Key (kty 2, crv 1).
///
/// - Returns: `nil` for any other key type, curve or coordinate length.
func p256Coordinates(fromCOSE bytes: [UInt8]) -> (x: [UInt8], y: [UInt8])? {
    guard let key = try? CBOR.decode(bytes), key[int: 1]?.intValue == 2, key[int: -1]?.intValue == 1,
        let x = key[int: -2]?.bytesValue, let y = key[int: -3]?.bytesValue, x.count == 32, y.count == 32
    else { return nil }
    return (x, y)
}

/// Builds the WebAuthn attestation object `{"fmt", "attStmt", "authData"}` with libcbor.
///
/// `attStmt` is the statement exactly as the key sent it (libfido2 keeps the raw CBOR), so a
/// relying party verifies the same alg, sig and x5c the key produced.
func makeAttestationObject(format: String, attestationStatement: [UInt8], authenticatorData: [UInt8]) throws(SecurityKeyError) -> [UInt8] {
    do {
        let statement = try CBOR.decode(attestationStatement)
        return try CBOR.map([
            CBORPair(.text("fmt"), .text(format)),
            CBORPair(.text("attStmt"), statement),
            CBORPair(.text("authData"), .bytes(authenticatorData)),
        ]).encoded()
    } catch {
        throw .deviceError(call: "cbor_serialize_alloc", code: 0)
    }
}
