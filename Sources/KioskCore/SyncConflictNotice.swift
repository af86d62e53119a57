/// One enrollment the central IAM rejected, as the clerk's conflict screen shows it.
///
/// Built at kiosk start from the outbox record and its sync state (`conflict`). The screen sits
/// behind the clerk sign-in, so it may show the person's name. The log never does.
public struct SyncConflictNotice: Sendable, Equatable {
    /// Cause of the IAM's rejection, reduced to what the clerk can act on.
    public enum Reason: Sendable, Equatable {
        /// HTTP 409: the proposed username is already taken (by another kiosk or the IAM).
        case usernameTaken
        /// Any other rejection, with the HTTP status. The status is 0 when the state contains none.
        case rejected(status: Int)
        /// The sync found another account of this person at the IAM, so it did not create a second one.
        case personHasOtherAccount
        /// An additional or replacement key for a person the IAM has no account for.
        case noAccountForKey
    }

    /// `RecordState.localReason` values that the sync writes when it decides a conflict itself,
    /// from the IAM's user list, without sending a request.
    public static let localReasonOtherAccount = "person-has-other-account"
    public static let localReasonNoAccount = "no-account-for-key"

    /// The enrollment id (the Vorgangsnummer the clerk gives to IT-Service).
    public var enrollmentID: String
    /// Time the enrollment was completed, ISO 8601 UTC as in the record.
    public var enrolledAt: String
    /// The username the kiosk proposed. The kiosk never renames it.
    public var username: String
    /// The person's display name.
    public var displayName: String
    public var reason: Reason

    /// Creates a notice.
    public init(enrollmentID: String, enrolledAt: String, username: String, displayName: String, reason: Reason) {
        self.enrollmentID = enrollmentID
        self.enrolledAt = enrolledAt
        self.username = username
        self.displayName = displayName
        self.reason = reason
    }

    /// Derives the reason from the server's HTTP status of a conflict state.
    ///
    /// A SCIM server returns 409 (scimType `uniqueness`) when the `userName` is taken. The kiosk
    /// shows every other status as a plain rejection, so the clerk never reads raw server text.
    /// - Parameter status: the stored status; nil (an old or damaged state) counts as status 0.
    public static func reason(forStatus status: Int?, localReason: String? = nil) -> Reason {
        switch localReason {
        case localReasonOtherAccount: .personHasOtherAccount
        case localReasonNoAccount: .noAccountForKey
        default: status == 409 ? .usernameTaken : .rejected(status: status ?? 0)
        }
    }

    /// `enrolledAt` as "DD.MM.YYYY HH:MM UTC", or the stored text when it is not ISO 8601.
    public var enrolledAtText: String {
        let characters = Array(enrolledAt)
        guard characters.count >= 16, characters[4] == "-", characters[7] == "-", characters[10] == "T",
              characters[13] == ":"
        else { return enrolledAt }
        let part = { (range: Range<Int>) in String(characters[range]) }
        return "\(part(8..<10)).\(part(5..<7)).\(part(0..<4)) \(part(11..<16)) UTC"
    }
}
