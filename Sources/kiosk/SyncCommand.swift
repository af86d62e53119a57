import Foundation
import KioskCore
import KioskOutbox
import KioskSync

#if canImport(Glibc)
import Glibc
#endif

/// `kiosk sync`: pushes the outbox to the IAM, pulls the account list, prints one summary line.
///
/// Progress goes to stderr, and only when stderr is a terminal, so cron and systemd logs get the
/// summary line alone. Conflicts are listed on stdout after the summary (enrollment id, username,
/// the IAM's error detail), because the operator running the command hands them to the clerks.
enum SyncCommand {
    /// Runs the sync and returns the exit status (0 done, 75 partial, 78 configuration error).
    static func run(configPath: String) -> Int32 {
        let setup: KioskSetup
        let outbox: Outbox
        let endpoint: SyncEndpoint
        do {
            setup = try KioskSetup.load(configPath: configPath)
            endpoint = try SyncEndpoint.make(setup.config.sync)
            outbox = try setup.openOutboxForInspection()
        } catch let error as SyncError {
            return fail(error.description)
        } catch let error as KioskFailure {
            return fail(error.message)
        } catch {
            return fail("\(error)")
        }

        let logger = setup.logger.child("kiosk.sync")
        let transport: CurlTransport
        do {
            transport = try CurlTransport(endpoint: endpoint, logger: logger)
        } catch {
            return fail("libcurl could not be initialised (\(error.code.rawValue))")
        }
        let client = SCIMClient(endpoint: endpoint, transport: transport, logger: logger)
        let showProgress = isatty(STDERR_FILENO) == 1
        let engine = SyncEngine(
            outbox: outbox, client: client, accountsPath: setup.config.dataDirectory + "/iam-accounts.tsv",
            retentionDays: setup.config.sync.retentionDays, logger: logger,
            progress: { progress in if showProgress { drawProgress(progress) } })
        let report = engine.run()

        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(report.summaryLine)
        if let reason = report.stopReason { print(reason.description) }
        for conflict in report.conflicts {
            print("conflict: enrollment \(conflict.enrollmentID) userName \(conflict.userName): HTTP \(conflict.status) \(conflict.answer)")
        }
        return report.exitStatus
    }

    private static func drawProgress(_ progress: SyncProgress) {
        let text = progress.total > 0
            ? "\r\(progress.phase): \(progress.done)/\(progress.total)" : "\r\(progress.phase): \(progress.done)"
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("kiosk sync: \(message)\n".utf8))
        return SyncReport.exitConfiguration
    }
}
