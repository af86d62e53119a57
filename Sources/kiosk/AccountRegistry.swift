import KioskCore
import Synchronization

/// Usernames that are taken and people who already have an account, from the HR export's
/// account column, the central IAM's account list (`iam-accounts.tsv`) and the outbox, updated
/// after each saved enrollment.
final class AccountRegistry: Sendable {
    private struct State {
        var takenUsernames: Set<String>
        /// Personnel number → that person's records in the outbox, oldest first.
        var enrolled: [String: EarlierEnrollments]
    }

    private let state: Mutex<State>
    /// Personnel number → username of an account the IAM already has.
    private let iamAccounts: [String: String]

    /// - Parameter iamAccounts: the list `kiosk sync` pulled from the IAM; empty before the
    ///   first sync.
    init(hrRecords: [HRRecord], outboxRecords: [OutboxRecord], iamAccounts: IAMAccountList = IAMAccountList()) {
        var state = State(takenUsernames: UsernamePolicy.lowercasedSet(hrRecords.compactMap(\.account)), enrolled: [:])
        state.takenUsernames.formUnion(UsernamePolicy.lowercasedSet(iamAccounts.usernames))
        for record in outboxRecords.sorted(by: { $0.completedAt < $1.completedAt }) {
            Self.add(record, to: &state)
        }
        self.state = Mutex(state)
        self.iamAccounts = iamAccounts.usernameByEmployeeNumber
    }

    /// `true` when `username` is in use, ignoring case as Active Directory does.
    func isTaken(_ username: String) -> Bool {
        state.withLock { $0.takenUsernames.contains(username.lowercased()) }
    }

    /// Returns the username of this person's enrollment in the outbox or, failing that, of the
    /// account the IAM lists for them; `nil` when neither exists.
    func enrolledUsername(personnelNumber: String) -> String? {
        state.withLock { $0.enrolled[personnelNumber]?.username } ?? iamAccounts[personnelNumber]
    }

    /// Returns the person's enrollments in the outbox, or an empty value when there are none.
    func earlierEnrollments(personnelNumber: String) -> EarlierEnrollments {
        state.withLock { $0.enrolled[personnelNumber] } ?? EarlierEnrollments()
    }

    /// Records a saved enrollment so the next proposal avoids its username and the person's
    /// next key excludes this credential.
    func add(_ record: OutboxRecord) {
        state.withLock { Self.add(record, to: &$0) }
    }

    private static func add(_ record: OutboxRecord, to state: inout State) {
        state.takenUsernames.insert(record.account.username.lowercased())
        var earlier = state.enrolled[record.personnelNumber] ?? EarlierEnrollments()
        earlier.username = record.account.username
        earlier.email = record.account.email
        if let handle = Base64URL.decode(record.credential.userHandle), !handle.isEmpty {
            earlier.userHandle = handle
        }
        if let id = Base64URL.decode(record.credential.credentialID), !earlier.credentialIDs.contains(id) {
            earlier.credentialIDs.append(id)
        }
        if record.kind == .newAccount { earlier.includesNewAccount = true }
        state.enrolled[record.personnelNumber] = earlier
    }
}
