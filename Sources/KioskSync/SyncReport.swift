/// The outcome of one `kiosk sync` run, for the summary line, the exit status and the clerk.
public struct SyncReport: Sendable {
    /// Exit status when every record is confirmed or in conflict and the account list was written.
    public static let exitDone: Int32 = 0
    /// Exit status when records are left for the next run (server unreachable, 5xx, timeouts).
    public static let exitPartial: Int32 = 75
    /// Exit status for a configuration problem (kiosk.conf, token, TLS, 400/401/403 from the server).
    public static let exitConfiguration: Int32 = 78

    /// One record the IAM refused; shown to the operator and, next day, to the clerk.
    public struct Conflict: Sendable, Equatable {
        public let enrollmentID: String
        public let userName: String
        public let status: Int
        public let answer: String
    }

    /// Records sent to the IAM in this run (a record sent again after a retry counts once more).
    public var sent = 0
    /// Records the IAM confirmed in this run.
    public var confirmed = 0
    /// Conflicts found in this run.
    public var conflicts: [Conflict] = []
    /// Repeated requests after 429, 5xx or a timeout.
    public var retried = 0
    /// Records still pending or sent at the end: they wait for the next run.
    public var failed = 0
    /// Damaged record files moved to quarantine in this run.
    public var quarantined = 0
    /// Confirmed records whose personal data the retention period removed in this run.
    public var redacted = 0
    /// Accounts written to iam-accounts.tsv; nil when the list could not be pulled.
    public var accounts: Int?
    /// Reason the run stopped early; nil when it ran to the end.
    public var stopReason: SyncError?

    public init() {}

    /// 0 all done, 75 partial (retry later), 78 configuration error.
    public var exitStatus: Int32 {
        switch stopReason {
        case .configuration, .notAuthorized, .rejected: Self.exitConfiguration
        case .unavailable, .protocolViolation, .storage: Self.exitPartial
        case nil: failed > 0 || accounts == nil ? Self.exitPartial : Self.exitDone
        }
    }

    /// The one-line summary for cron and systemd, without personal data.
    public var summaryLine: String {
        let outcome = switch exitStatus {
        case Self.exitDone: "done"
        case Self.exitPartial: "partial, retry later"
        default: "configuration error"
        }
        return "kiosk sync: \(outcome); sent \(sent), confirmed \(confirmed), conflicts \(conflicts.count), "
            + "retried \(retried), failed \(failed), quarantined \(quarantined), redacted \(redacted), "
            + "accounts \(accounts.map(String.init) ?? "-")"
    }
}
