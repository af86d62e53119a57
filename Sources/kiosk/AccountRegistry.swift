import KioskCore
import Synchronization

/// Usernames that are taken and people already enrolled at this kiosk, from the HR export's
/// account column and the outbox, updated after each saved enrollment.
final class AccountRegistry: Sendable {
    private struct State {
        var takenUsernames: Set<String>
        /// Personnel number → username of an enrollment waiting in the outbox.
        var enrolled: [String: String]
    }

    private let state: Mutex<State>

    init(hrRecords: [HRRecord], outboxRecords: [OutboxRecord]) {
        var taken = UsernamePolicy.lowercasedSet(hrRecords.compactMap(\.account))
        var enrolled: [String: String] = [:]
        for record in outboxRecords {
            taken.insert(record.account.username.lowercased())
            enrolled[record.personnelNumber] = record.account.username
        }
        state = Mutex(State(takenUsernames: taken, enrolled: enrolled))
    }

    /// `true` when `username` is in use, ignoring case as Active Directory does.
    func isTaken(_ username: String) -> Bool {
        state.withLock { $0.takenUsernames.contains(username.lowercased()) }
    }

    /// The username of an enrollment of this person already in the outbox, if any.
    func enrolledUsername(personnelNumber: String) -> String? {
        state.withLock { $0.enrolled[personnelNumber] }
    }

    /// Records a saved enrollment so the next proposal avoids its username.
    func add(_ record: OutboxRecord) {
        state.withLock { state in
            state.takenUsernames.insert(record.account.username.lowercased())
            state.enrolled[record.personnelNumber] = record.account.username
        }
    }
}
