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

    /// Runs the capped search unless the throttle is waiting; see `LookupThrottle.run(at:_:)`.
    func search(_ query: LookupQuery) -> LookupOutcome {
        throttle.withLock { throttle in
            throttle.run(at: ContinuousClock.now) { index.search(query) }
        }
    }
}
