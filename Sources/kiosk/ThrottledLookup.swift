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

    func search(_ query: LookupQuery) -> LookupOutcome {
        throttle.withLock { throttle in
            let now = ContinuousClock.now
            let wait = throttle.remainingWaitSeconds(at: now)
            guard wait == 0 else { return .throttled(waitSeconds: wait) }
            let found: [HRRecord]
            switch query {
            case .personnelNumber(let number, let birthDate):
                found = index.lookup(personnelNumber: number, birthDate: birthDate).map { [$0] } ?? []
            case .name(let surname, let givenName, let birthDate):
                found = index.lookup(surname: surname, givenName: givenName, birthDate: birthDate)
            }
            if found.isEmpty { throttle.recordFailure(at: now) } else { throttle.recordSuccess() }
            return .found(found)
        }
    }
}
