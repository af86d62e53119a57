/// The personal data and secrets of the enrollment in progress.
///
/// The flow drops the whole value (and wipes the PIN buffers) when it returns to the welcome
/// screen, so nothing of one person survives into the next session.
struct EnrollmentSession {
    var startedAt: String
    var person: HRRecord?
    var proposal: AccountProposal?
    /// The clerk's choice for a person with an account; `nil` for a new account.
    var keyChoice: KeyChoice?
    var existingAccount: ExistingAccount?
    /// The person's records in this kiosk's outbox, read when the person is confirmed.
    var earlier = EarlierEnrollments()
    var device: SecurityKeyDevice?
    /// A key that failed to open; the watcher ignores it until it is unplugged.
    var failedDevice: SecurityKeyDevice?
    /// `true` once the key watcher saw a key on the saved screen, so that pulling it returns to the welcome screen.
    var keySeenAfterSave = false
    var keyInfo: SecurityKeyInfo?
    /// PIN being typed, and the first entry while the employee confirms a new PIN.
    var pinEntry = PINBuffer()
    var firstPIN: SecretBytes?
    /// The PIN accepted for this key, kept until the test sign-in is done.
    var pin: SecretBytes?
    /// The current PIN while the employee chooses a new one for a forced PIN change.
    var currentPIN: SecretBytes?
    var userHandle: [UInt8] = []
    var clientDataJSON: [UInt8] = []
    var credential: RegisteredCredential?
    var assertion: AssertionResult?
    /// A finished record waiting to be saved (kept for a retry after a failed write).
    var record: OutboxRecord?
    /// `true` between asking the outbox to save and hearing back, so a second Enter cannot save twice.
    var isSaving = false

    static let noEarlierEnrollments = EarlierEnrollments()

    init(startedAt: String) {
        self.startedAt = startedAt
    }

    /// Zeroes every secret buffer.
    mutating func wipeSecrets() {
        pinEntry.wipe()
        firstPIN?.wipe()
        firstPIN = nil
        pin?.wipe()
        pin = nil
        currentPIN?.wipe()
        currentPIN = nil
    }
}

/// Collects typed PIN characters as UTF-8 in a wipeable buffer.
///
/// Only the per-character byte lengths are kept outside the secret bytes, so Backspace can
/// remove the last character without building a String of the PIN.
struct PINBuffer {
    private var bytes: [UInt8] = []
    private var characterLengths: [Int] = []

    var characterCount: Int { characterLengths.count }
    var byteCount: Int { bytes.count }

    mutating func append(_ character: Character) {
        let utf8 = Array(String(character).utf8)
        bytes.append(contentsOf: utf8)
        characterLengths.append(utf8.count)
    }

    mutating func removeLast() {
        guard let length = characterLengths.popLast() else { return }
        for index in (bytes.count - length)..<bytes.count { bytes[index] = 0 }
        bytes.removeLast(length)
    }

    /// Moves the bytes into a `SecretBytes` after NFC normalisation and empties the buffer.
    ///
    /// CTAP requires the PIN in NFC, so "ü" typed as u + combining diaeresis and as one code
    /// point yield the same PIN.
    mutating func take() -> SecretBytes {
        let normalized = PINNormalization.nfc(bytes)
        wipe()
        return SecretBytes(normalized)
    }

    mutating func wipe() {
        for index in bytes.indices { bytes[index] = 0 }
        bytes.removeAll()
        characterLengths.removeAll()
    }
}
