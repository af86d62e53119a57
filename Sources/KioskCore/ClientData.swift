/// Builds the WebAuthn clientDataJSON that the kiosk, acting as the client, hashes for the key.
///
/// The bytes are kept verbatim in the outbox record, because a relying party verifies the
/// signature over their exact SHA-256, not over a re-serialisation.
public enum ClientData {
    /// "webauthn.create" for registration, "webauthn.get" for a sign-in.
    public enum Ceremony: String, Sendable {
        case create = "webauthn.create"
        case get = "webauthn.get"
    }

    /// Returns clientDataJSON with the members in the order WebAuthn's limited verification
    /// algorithm expects: type, challenge, origin, crossOrigin.
    public static func json(_ ceremony: Ceremony, challenge: [UInt8], origin: String) -> [UInt8] {
        let text = "{\"type\":\"\(ceremony.rawValue)\",\"challenge\":\"\(Base64URL.encode(challenge))\","
            + "\"origin\":\"\(escape(origin))\",\"crossOrigin\":false}"
        return Array(text.utf8)
    }

    /// Escapes a string for a JSON string literal.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
