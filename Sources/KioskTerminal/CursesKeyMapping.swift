@preconcurrency import CNcursesw

/// Turns the result of `wget_wch` into a `KeyEvent`.
///
/// Kept apart from `CursesTerminal` so that the mapping can be tested without a terminal.
enum CursesKeyMapping {
    /// Maps one `wget_wch` result.
    ///
    /// - Parameters:
    ///   - result: `OK` for a character, `KEY_CODE_YES` for a function key.
    ///   - code: the character or the `KEY_*` code.
    /// - Returns: `nil` for keys the kiosk does not use, such as Insert or a lone control code.
    static func event(result: Int32, code: wint_t) -> KeyEvent? {
        if result == KEY_CODE_YES {
            return functionKey(Int32(bitPattern: code))
        }
        return character(code)
    }

    private static func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private static func character(_ code: wint_t) -> KeyEvent? {
        switch code {
        case 3: return .interrupt
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
