import Foundation
import KioskCore
import KioskOutbox
import KioskSync
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `kiosk sync` binary killed with SIGKILL at many points, then run to the end.
extension SCIMServerTests {
@Suite(.timeLimit(.minutes(3)))
struct SyncKillTests {
    static let kioskBinary = SCIMServer.repositoryRoot + "/.build/debug/kiosk"

    @Test func killedSyncRunsEndWithOneUserPerPersonAndEveryRecordConfirmed() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.kioskBinary), "build the kiosk binary first")
        let server = try SCIMServer()
        let kiosk = try SyncKiosk()
        let records = (0..<160).map { SyncRecords.record(index: $0) }
            + (160..<180).map { SyncRecords.record(index: $0, person: $0 - 160, kind: .additionalKey) }
        try kiosk.add(records)
        let singleConfig = try kiosk.writeConfig(url: server.baseURL, bulk: false)
        var generator = FixedSeedGenerator(seed: 0x5EED_2026)

        var killedMidPush = 0
        for round in 0..<8 {
            let delay = Int.random(in: 30_000...500_000, using: &generator)
            let status = try runAndKill(config: singleConfig, afterMicroseconds: delay)
            // A run that finished before the kill is fine too; one that failed otherwise is not.
            #expect(status == SIGKILL || status == 0, "round \(round)")
            let confirmed = try kiosk.states().values.filter { $0.state == .confirmed }.count
            if status == SIGKILL && confirmed < records.count { killedMidPush += 1 }
        }
        #expect(killedMidPush >= 2, "the kills should land while records are still being sent")
        let final = try runTool(Self.kioskBinary, ["sync", "--config", singleConfig])

        #expect(final.status == 0, "\(final.output)")
        let users = try usersByPerson(server)
        #expect(users.count == 160)
        #expect(users.values.allSatisfy { $0.count == 1 })
        let expectedCredentials = users.keys.map { number in number < "00700020" ? 2 : 1 }
        #expect(users.values.map { credentialIDs(of: $0[0]).count }.sorted() == expectedCredentials.sorted())
        let states = try kiosk.states()
        #expect(states.count == 180 && states.values.allSatisfy { $0.state == .confirmed })
        let audit = try kiosk.outbox.verifyAudit()
        #expect(audit.problem == nil)
    }

    /// Starts `kiosk sync`, sends SIGKILL after the delay and returns the signal or exit status.
    private func runAndKill(config: String, afterMicroseconds delay: Int) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.kioskBinary)
        process.arguments = ["sync", "--config", config]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        usleep(useconds_t(delay))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A small deterministic random generator (SplitMix64), so the kill points repeat run to run.
struct FixedSeedGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
}
