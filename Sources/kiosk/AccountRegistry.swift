import KioskCore
import Synchronization

/// Usernames that are taken and people who already have an account, from the HR export's
/// account column, the central IAM's account list (`iam-accounts.tsv`) and the outbox, updated
/// after each saved enrollment.
final class AccountRegistry: Sendable {
    private struct State {
        var takenUsernames: Set<String>
        /// Personnel number → username of an enrollment waiting in the outbox.
        var enrolled: [String: String]
    }

    private let state: Mutex<State>
    /// Personnel number → username of an account the IAM already has.
    private let iamAccounts: [String: String]

    /// - Parameter iamAccounts: the list `kiosk sync` pulled from the IAM; empty before the
    ///   first sync.
    init(hrRecords: [HRRecord], outboxRecords: [OutboxRecord], iamAccounts: IAMAccountList = IAMAccountList()) {
        var taken = UsernamePolicy.lowercasedSet(hrRecords.compactMap(\.account))
        taken.formUnion(UsernamePolicy.lowercasedSet(iamAccounts.usernames))
        var enrolled: [String: String] = [:]
        for record in outboxRecords {
            taken.insert(record.account.username.lowercased())
            enrolled[record.personnelNumber] = record.account.username
        }
        state = Mutex(State(takenUsernames: taken, enrolled: enrolled))
        self.iamAccounts = iamAccounts.usernameByEmployeeNumber
    }

    /// `true` when `username` is in use, ignoring case as Active Directory does.
    func isTaken(_ username: String) -> Bool {
        state.withLock { $0.takenUsernames.contains(username.lowercased()) }
    }

    /// Returns the username of this person's enrollment in the outbox or, failing that, of the
    /// account the IAM lists for them; `nil` when neither exists.
    func enrolledUsername(personnelNumber: String) -> String? {
        state.withLock { $0.enrolled[personnelNumber] } ?? iamAccounts[personnelNumber]
    }

    /// Records a saved enrollment so the next proposal avoids its username.
    func add(_ record: OutboxRecord) {
        state.withLock { state in
            state.takenUsernames.insert(record.account.username.lowercased())
            state.enrolled[record.personnelNumber] = record.account.username
        }
    }
}
