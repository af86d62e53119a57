/// Slows down repeated failed lookups so the HR data cannot be probed by trying many
/// personnel numbers or birth dates.
///
/// The first `freeFailures` failures in a row cost nothing. After that each failure doubles the
/// wait, starting at `baseDelay` and capped at `maxDelay`. A successful lookup resets the count.
/// The caller passes the current time of its clock into every call, so tests control time.
/// The throttle only keeps count: the caller checks `remainingWait(at:)` before each lookup and
/// reports the outcome with `recordFailure(at:)` or `recordSuccess()`.
public struct LookupThrottle<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Failures in a row that are allowed without a wait.
    public let freeFailures: Int
    /// Wait after the first failure beyond `freeFailures`.
    public let baseDelay: Duration
    /// Upper bound of the wait.
    public let maxDelay: Duration

    /// Failures since the last success.
    public private(set) var consecutiveFailures = 0
    /// The instant before which the next lookup is refused; `nil` while no wait applies.
    public private(set) var blockedUntil: Instant?

    /// Creates a throttle; the defaults allow 3 free failures, then wait 5 s, 10 s, 20 s … up to 5 minutes.
    public init(freeFailures: Int = 3, baseDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(300)) {
        self.freeFailures = freeFailures
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Returns the time still to wait before the next lookup, `.zero` when a lookup is allowed now.
    public func remainingWait(at now: Instant) -> Duration {
        guard let blockedUntil, now < blockedUntil else { return .zero }
        return now.duration(to: blockedUntil)
    }

    /// Returns the remaining wait in whole seconds, rounded up, as `InputProblem.tooManyAttempts`
    /// takes it. Returns 0 when a lookup is allowed now.
    public func remainingWaitSeconds(at now: Instant) -> Int {
        let wait = remainingWait(at: now).components
        return Int(wait.seconds) + (wait.attoseconds > 0 ? 1 : 0)
    }

    /// Counts a lookup that found no record, and starts a wait once the free failures are used up.
    public mutating func recordFailure(at now: Instant) {
        consecutiveFailures += 1
        let excess = consecutiveFailures - freeFailures
        guard excess > 0 else { return }
        // Doubling stops at 2^16 so the multiplication cannot overflow; maxDelay caps it earlier.
        let delay = min(baseDelay * (1 << min(excess - 1, 16)), maxDelay)
        blockedUntil = now.advanced(by: delay)
    }

    /// Resets the count after a lookup that found someone.
    public mutating func recordSuccess() {
        consecutiveFailures = 0
        blockedUntil = nil
    }
}

extension LookupThrottle {
    /// Runs `search` unless a wait applies, and records its outcome.
    ///
    /// An empty result counts as a failure and a non-empty one resets the count. Too many matches
    /// does neither, so a common name cannot be slipped between guesses to lift the wait.
    /// - Returns: `.throttled` with the seconds left when a wait applies (then `search` does not
    ///   run), otherwise what `search` returned.
    public mutating func run(at now: Instant, _ search: () -> LookupOutcome) -> LookupOutcome {
        let wait = remainingWaitSeconds(at: now)
        guard wait == 0 else { return .throttled(waitSeconds: wait) }
        let outcome = search()
        switch outcome {
        case .found(let people) where people.isEmpty: recordFailure(at: now)
        case .found: recordSuccess()
        case .tooManyMatches, .throttled: break
        }
        return outcome
    }
}
