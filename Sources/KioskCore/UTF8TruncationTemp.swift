/// Cuts text to a byte budget on a character boundary (temporary until the policy module lands).
public enum UTF8Truncation {
    public static func truncate(_ text: String, maxBytes: Int) -> String {
        var output = ""
        var used = 0
        for character in text {
            let size = String(character).utf8.count
            if used + size > maxBytes { break }
            output.append(character)
            used += size
        }
        return output
    }
}
