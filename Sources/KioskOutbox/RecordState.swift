/// Where a record stands on its way to the central IAM.
///
/// `pending` → `sent` (written before the request leaves, so a rerun after a crash knows to look the
/// person up first) → `confirmed` (the IAM holds the user and the credential) or `conflict` (the IAM
/// refused it, for example because another kiosk took the username; kept for the clerk).
public enum RecordSyncState: String, Sendable, Codable, CaseIterable {
    case pending
    case sent
    case confirmed
    case conflict
}

/// The sync state of one record, stored beside the record in `state/<enrollmentID>.json`.
///
/// The signed record file is never changed by the sync; this file is.
public struct RecordState: Sendable, Codable, Equatable {
    /// Version of this layout.
    public var format = 1
    public var enrollmentID: String
    public var state: RecordSyncState
    /// ISO 8601 UTC time of the last change.
    public var updatedAt: String
    /// The user's `id` at the central IAM once known; nil before.
    public var centralID: String?
    /// The userName the IAM holds for this person once known (it is the authority); nil before.
    public var centralUserName: String?
    /// For `conflict`: the server's HTTP status; nil otherwise.
    public var serverStatus: Int?
    /// For `conflict`: the server's answer (its SCIM error `detail`, or the body), for the clerk.
    public var serverAnswer: String?
    /// How many runs sent this record; helps an operator spot a record that keeps failing.
    public var attempts: Int
    /// For a `conflict` the sync decided itself from the IAM's user list, without a request:
    /// `person-has-other-account` or `no-account-for-key`; nil for a server's response.
    public var localReason: String?

    /// Creates a state; `attempts` counts sends so far.
    public init(
        enrollmentID: String, state: RecordSyncState, updatedAt: String, centralID: String? = nil,
        centralUserName: String? = nil, serverStatus: Int? = nil, serverAnswer: String? = nil, attempts: Int = 0
    ) {
        self.enrollmentID = enrollmentID
        self.state = state
        self.updatedAt = updatedAt
        self.centralID = centralID
        self.centralUserName = centralUserName
        self.serverStatus = serverStatus
        self.serverAnswer = serverAnswer
        self.attempts = attempts
    }
}
