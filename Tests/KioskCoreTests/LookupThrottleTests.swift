import Testing

@testable import KioskCore

/// A point in test time, counted in whole seconds from zero; no real clock involved.
private struct TestInstant: InstantProtocol {
    var offset: Duration

    static func seconds(_ value: Int) -> TestInstant { TestInstant(offset: .seconds(value)) }
    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }
}

@Suite struct LookupThrottleTests {
    @Test func freeFailuresCauseNoWait() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 3)
        for second in 0..<3 {
            throttle.recordFailure(at: .seconds(second))
            #expect(throttle.remainingWait(at: .seconds(second)) == .zero)
        }
    }

    @Test func waitDoublesAfterFreeFailures() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 2, baseDelay: .seconds(5), maxDelay: .seconds(300))
        throttle.recordFailure(at: .seconds(0))
        throttle.recordFailure(at: .seconds(0))
        var waits: [Int] = []
        for _ in 0..<4 {
            throttle.recordFailure(at: .seconds(100))
            waits.append(throttle.remainingWaitSeconds(at: .seconds(100)))
        }
        #expect(waits == [5, 10, 20, 40])
    }

    @Test func waitIsCappedAtMaximum() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 0, baseDelay: .seconds(5), maxDelay: .seconds(60))
        for _ in 0..<40 { throttle.recordFailure(at: .seconds(0)) }
        #expect(throttle.remainingWait(at: .seconds(0)) == .seconds(60))
    }

    @Test func waitShrinksAsTimePassesAndRoundsUp() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 0, baseDelay: .seconds(10))
        throttle.recordFailure(at: .seconds(1000))
        #expect(throttle.remainingWaitSeconds(at: TestInstant(offset: .milliseconds(1_003_500))) == 7)
        #expect(throttle.remainingWaitSeconds(at: .seconds(1010)) == 0)
        #expect(throttle.remainingWait(at: .seconds(2000)) == .zero)
    }

    @Test func successResetsCountAndWait() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 1)
        throttle.recordFailure(at: .seconds(0))
        throttle.recordFailure(at: .seconds(0))
        #expect(throttle.remainingWaitSeconds(at: .seconds(0)) > 0)
        throttle.recordSuccess()
        #expect(throttle.consecutiveFailures == 0)
        #expect(throttle.remainingWait(at: .seconds(0)) == .zero)
        throttle.recordFailure(at: .seconds(1))
        #expect(throttle.remainingWait(at: .seconds(1)) == .zero)
    }

    @Test func worksWithContinuousClockInstants() {
        var throttle = LookupThrottle<ContinuousClock.Instant>(freeFailures: 0, baseDelay: .seconds(5))
        let start = ContinuousClock.Instant.now
        throttle.recordFailure(at: start)
        #expect(throttle.remainingWait(at: start.advanced(by: .seconds(2))) == .seconds(3))
    }

    @Test func runCountsMissesAndResetsOnFind() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 1, baseDelay: .seconds(5), maxDelay: .seconds(60))
        #expect(throttle.run(at: .seconds(0)) { .found([]) } == .found([]))
        #expect(throttle.run(at: .seconds(0)) { .found([]) } == .found([]))
        var searched = false
        #expect(throttle.run(at: .seconds(1)) { searched = true; return .found([]) } == .throttled(waitSeconds: 4))
        #expect(!searched)
        let person = HRRecord(personnelNumber: "10000001", surname: "Kaya", givenName: "Ali",
                              birthDate: CivilDate(year: 1980, month: 1, day: 1)!)
        #expect(throttle.run(at: .seconds(5)) { .found([person]) } == .found([person]))
        #expect(throttle.consecutiveFailures == 0)
    }

    @Test func tooManyMatchesNeitherCountsNorResets() {
        var throttle = LookupThrottle<TestInstant>(freeFailures: 3)
        _ = throttle.run(at: .seconds(0)) { .found([]) }
        _ = throttle.run(at: .seconds(0)) { .found([]) }
        #expect(throttle.run(at: .seconds(0)) { .tooManyMatches(limit: 5) } == .tooManyMatches(limit: 5))
        #expect(throttle.consecutiveFailures == 2)
    }
}
