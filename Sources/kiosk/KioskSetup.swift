import Foundation
import KioskCore
import KioskOutbox

/// The configuration, data directory and log that every kiosk command starts from.
struct KioskSetup {
    let config: KioskConfig
    let logger: Logger

    /// Reads `configPath`, creates the data directory (mode 0700) and opens the log file in it.
    static func load(configPath: String) throws(KioskFailure) -> KioskSetup {
        let config: KioskConfig
        do {
            config = try KioskConfig.load(path: configPath)
        } catch {
            throw .configuration(error.message(file: configPath))
        }
        try createDirectory(config.dataDirectory)
        let handler = try FileLogHandler(path: config.dataDirectory + "/kiosk.log")
        let logger = Logger(label: "kiosk", level: config.logLevel, handler: handler, metadata: ["kiosk": config.kioskID])
        return KioskSetup(config: config, logger: logger)
    }

    var signingKeyPath: String { config.dataDirectory + "/" + KioskKeyFile.defaultFileName }
    var outboxDirectory: String { config.dataDirectory + "/outbox" }

    /// Loads or creates the kiosk's signing key and opens the outbox with it.
    func openOutbox() throws(KioskFailure) -> Outbox {
        do {
            let key = try KioskKeyFile.loadOrCreate(at: signingKeyPath, logger: logger.child("kiosk.key"))
            return try Outbox(directory: outboxDirectory, signingKey: key, logger: logger.child("kiosk.outbox"))
        } catch let error as KioskKeyFileError {
            throw .startup(error.description)
        } catch {
            throw .startup("cannot open the outbox in \(outboxDirectory): \(error)")
        }
    }

    /// Opens the outbox for reading with the existing key; never creates a key.
    func openOutboxForInspection() throws(KioskFailure) -> Outbox {
        do {
            let key = try KioskKeyFile.load(from: signingKeyPath)
            return try Outbox(directory: outboxDirectory, signingKey: key, logger: logger.child("kiosk.outbox"))
        } catch let error as KioskKeyFileError {
            throw .startup(error.description)
        } catch {
            throw .startup("cannot open the outbox in \(outboxDirectory): \(error)")
        }
    }

    private static func createDirectory(_ path: String) throws(KioskFailure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .configuration("data_directory \(path) is a file; set data_directory to a folder in kiosk.conf")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .configuration("cannot create data_directory \(path): \(error.localizedDescription). "
                + "Create it or set data_directory in kiosk.conf to a writable folder.")
        }
    }
}

/// Wall-clock values for records: the local calendar day and UTC timestamps.
enum Clock {
    /// Today's date in the kiosk's local time zone, for eligibility rules on entry and exit dates.
    static func today() -> CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(year: 1970, month: 1, day: 1)!
    }

    /// Now as ISO 8601 UTC with seconds, for example 2026-12-04T10:15:00Z.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
