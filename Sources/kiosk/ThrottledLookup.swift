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
    /// people neither counts as a failure nor resets the count, so a common name cannot be
    /// slipped between guesses to lift the wait.
    func search(_ query: LookupQuery) -> LookupOutcome {
        throttle.withLock { throttle in
            let now = ContinuousClock.now
            let wait = throttle.remainingWaitSeconds(at: now)
            guard wait == 0 else { return .throttled(waitSeconds: wait) }
            let outcome = index.search(query)
            switch outcome {
            case .found(let people) where people.isEmpty: throttle.recordFailure(at: now)
            case .found: throttle.recordSuccess()
            case .tooManyMatches, .throttled: break
            }
            return outcome
        }
    }
}
