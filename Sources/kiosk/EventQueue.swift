import KioskCore
import Synchronization

/// Carries results from the key worker thread to the UI loop, which drains it between key presses.
final class EventQueue: Sendable {
    private let events = Mutex<[FlowEvent]>([])

    func post(_ event: FlowEvent) {
        events.withLock { $0.append(event) }
    }

    /// Removes and returns every queued event, oldest first.
    func drain() -> [FlowEvent] {
        events.withLock { queued in
            let drained = queued
            queued.removeAll()
            return drained
        }
    }
}
