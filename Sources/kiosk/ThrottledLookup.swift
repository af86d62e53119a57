import KioskCore
import Synchronization

/// Identity lookup with the anti-enumeration throttle: after a few lookups in a row that find
/// nobody, the clerk must wait longer and longer before the next one.
final class ThrottledLookup: Sendable {
    private let index: IdentityIndex
    private let throttle = Mutex(LookupThrottle<ContinuousClock.Instant>())

    init(index: IdentityIndex) {
        self.index = index
    }

    /// Runs the capped search unless the throttle is waiting. A lookup that matched too many
    /// people counts as a success, because the name and birth date did exist.
    func search(_ query: LookupQuery) -> LookupOutcome {
        throttle.withLock { throttle in
            let now = ContinuousClock.now
            let wait = throttle.remainingWaitSeconds(at: now)
            guard wait == 0 else { return .throttled(waitSeconds: wait) }
            let outcome = index.search(query)
            if outcome == .found([]) { throttle.recordFailure(at: now) } else { throttle.recordSuccess() }
            return outcome
        }
    }
}
