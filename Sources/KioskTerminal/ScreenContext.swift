import KioskCore

/// Everything a screen shows besides the enrollment step itself.
///
/// The app keeps one context per session and changes `language` when the person presses F2.
public struct ScreenContext: Sendable {
    /// Screen texts; its `language` is the language shown.
    public var localizer: Localizer
    /// This terminal's id, shown in the second line so that a clerk can name it to IT.
    public var kioskID: String
    /// The signed-in clerk; `nil` before sign-in, which hides the clerk in the second line.
    public var clerkID: String?
    /// Seconds the person has for touching the key, shown on the touch screen.
    public var touchTimeoutSeconds: Int
    /// Seconds until the idle timeout wipes the session; `nil` hides the warning line.
    public var idleSecondsLeft: Int?
    /// Number of enrollments the IAM rejected. Above zero, the lookup footer offers F4 for their list.
    public var syncConflictCount = 0
    /// The open key's model, firmware and free slots, shown on the PIN and touch screens; `nil` hides the line.
    public var keyDetails: KeyDetails?

    /// Creates a context; without a clerk, a touch timeout of 30 seconds and no idle warning.
    public init(
        localizer: Localizer, kioskID: String, clerkID: String? = nil,
        touchTimeoutSeconds: Int = 30, idleSecondsLeft: Int? = nil
    ) {
        self.localizer = localizer
        self.kioskID = kioskID
        self.clerkID = clerkID
        self.touchTimeoutSeconds = touchTimeoutSeconds
        self.idleSecondsLeft = idleSecondsLeft
    }

    /// The language shown; setting it switches every text on the next render.
    public var language: Language {
        get { localizer.language }
        set { localizer.language = newValue }
    }

    /// Returns the localized text for `key` with its placeholders filled in.
    func text(_ key: String, _ arguments: String...) -> String {
        localizer.text(key, arguments: arguments)
    }
}
