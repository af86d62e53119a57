import Foundation
import KioskCore

/// `kiosk hr check FILE`: loads an HR export as the kiosk would and prints a summary for the
/// HR clerk who produced it, German unless --language or kiosk.conf sets English.
///
/// Reads kiosk.conf for column names, encoding and eligibility rules: the file given with
/// --config, else kiosk.conf in the current directory when there is one, else the defaults.
/// Writes nothing to disk, not even a log, so a clerk can run it on any machine.
enum HRCheckCommand {
    /// Files larger than this get a progress line on stderr when stderr is a terminal.
    static let progressThresholdBytes = 2_000_000

    /// Runs the check and returns the exit status: 0 fine, 1 rows rejected, 2 file rejected.
    /// - Throws: `KioskFailure.configuration` when kiosk.conf is unreadable or invalid.
    static func run(file: String, configPath: String?, language: Language?) throws(KioskFailure) -> Int32 {
        let config = try loadConfig(configPath)
        let language = language ?? config.defaultLanguage
        let report: HRCheckReport
        do {
            let result = try HRImporter(config).load(path: file, progress: progressReporter(file: file, language: language))
            clearProgress()
            report = HRCheckReport(result: result, config: config, today: Clock.today(), language: language)
        } catch {
            clearProgress()
            report = HRCheckReport(error: error, config: config, language: language)
        }
        print(report.text, terminator: "")
        return report.exitStatus
    }

    private static func loadConfig(_ path: String?) throws(KioskFailure) -> KioskConfig {
        let chosen = path ?? Arguments.defaultConfigPath
        if path == nil && !FileManager.default.fileExists(atPath: chosen) { return KioskConfig() }
        do {
            return try KioskConfig.load(path: chosen)
        } catch {
            throw .configuration(error.message(file: chosen))
        }
    }

    /// Returns a reporter that rewrites one stderr line with the percentage read, or `nil` when
    /// stderr is not a terminal or the file is small.
    private static func progressReporter(file: String, language: Language) -> ((Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size >= progressThresholdBytes else { return nil }
        let label = language == .german ? "Lese Datei" : "Reading file"
        return { done, total in
            let percent = total > 0 ? done * 100 / total : 100
            FileHandle.standardError.write(Data("\r\(label): \(percent) %".utf8))
        }
    }

    private static func clearProgress() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
