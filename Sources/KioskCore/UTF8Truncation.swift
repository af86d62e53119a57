/// Shortens text to a byte limit without splitting a character.
///
/// WebAuthn lets authenticators cut `user.name` and `user.displayName` to 64 bytes, possibly in
/// the middle of a multi-byte letter. Truncating first on a grapheme boundary keeps names such as
/// "Dr. Ayşe Yılmaz-Berger" readable on the key.
public enum UTF8Truncation {
    /// Returns the longest prefix of `text` made of whole `Character`s whose UTF-8 form has at most
    /// `maxBytes` bytes. A `Character` is a grapheme cluster, so a base letter keeps its combining marks.
    /// Returns `text` unchanged when it fits, and "" when `maxBytes` is zero or smaller than the
    /// first character.
    public static func truncate(_ text: String, maxBytes: Int = 64) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            guard used + size <= maxBytes else { break }
            result.append(character)
            used += size
        }
        return result
    }
}
