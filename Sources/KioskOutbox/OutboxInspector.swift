import KioskCore

/// Text and exit status of an operator command such as `kiosk outbox list`.
public struct OutboxCommandOutput: Sendable, Equatable {
    /// Lines for stdout, each ending in a newline.
    public let text: String
    /// 0: everything verified; 1: at least one file failed verification; 2: the outbox could not be read.
    public let exitStatus: Int32
}

/// Formats the outbox for operators: `kiosk outbox list` and `kiosk outbox verify`.
///
/// The listing shows usernames, because the operator running it may see them; nothing here
/// writes to a log. Text is German by default and English on request, like the screens.
public enum OutboxInspector {
    /// Exit status when every file verified.
    public static let exitVerified: Int32 = 0
    /// Exit status when at least one file failed verification.
    public static let exitFailures: Int32 = 1
    /// Exit status when the outbox directory could not be listed.
    public static let exitUnreadable: Int32 = 2

    /// Lists every record: one line per file with time, enrollment id, kind, username and status.
    /// - Returns: exit status 1 when any line shows a failure, so scripts notice without `verify`.
    public static func list(_ outbox: Outbox, language: Language = .german) -> OutboxCommandOutput {
        let entries: [OutboxEntry]
        do {
            entries = try outbox.records()
        } catch {
            return unreadable(outbox, error, language: language)
        }
        let failed = entries.contains { !$0.isVerified }
        return OutboxCommandOutput(
            text: listing(of: entries, language: language), exitStatus: failed ? exitFailures : exitVerified)
    }

    /// Verifies every file and names each failing one with its reason.
    public static func verify(_ outbox: Outbox, language: Language = .german) -> OutboxCommandOutput {
        let verification: OutboxVerificationReport
        do {
            verification = try outbox.verify()
        } catch {
            return unreadable(outbox, error, language: language)
        }
        let auditReport: AuditVerificationReport
        do {
            auditReport = try outbox.verifyAudit()
        } catch {
            return unreadable(outbox, error, language: language)
        }
        return OutboxCommandOutput(
            text: report(verification, language: language) + report(auditReport, language: language),
            exitStatus: verification.isClean && auditReport.isClean ? exitVerified : exitFailures)
    }

    /// Formats `entries` as a header, one line per entry and a count.
    public static func listing(of entries: [OutboxEntry], language: Language) -> String {
        let german = language == .german
        var lines = [
            row(
                time: german ? "Zeit (UTC)" : "Time (UTC)", enrollment: german ? "Vorgang" : "Enrollment",
                kind: german ? "Art" : "Kind", username: german ? "Benutzername" : "Username",
                status: german ? "Prüfung" : "Status")
        ]
        for entry in entries {
            lines.append(
                row(
                    time: entry.record?.completedAt ?? "-",
                    enrollment: entry.record?.enrollmentID ?? entry.fileName,
                    kind: entry.record.map { kindName($0.kind, language: language) } ?? "-",
                    username: entry.record?.account.username ?? "-",
                    status: statusText(entry.problem, language: language)))
        }
        let failedCount = entries.filter { !$0.isVerified }.count
        lines.append(
            german
                ? "\(entries.count) Datensätze, davon \(failedCount) fehlerhaft"
                : "\(entries.count) records, \(failedCount) failed")
        return lines.map { $0 + "\n" }.joined()
    }

    /// Formats `report` as a summary line, then one line per failing file.
    public static func report(_ report: OutboxVerificationReport, language: Language) -> String {
        let german = language == .german
        var lines = [String]()
        if report.isClean {
            lines.append(
                german
                    ? "Alle \(report.checkedFileCount) Dateien sind gültig signiert."
                    : "All \(report.checkedFileCount) files verified.")
        } else {
            lines.append(
                german
                    ? "\(report.failures.count) von \(report.checkedFileCount) Dateien fehlerhaft:"
                    : "\(report.failures.count) of \(report.checkedFileCount) files failed:")
        }
        for failure in report.failures {
            lines.append("\(failure.fileName): \(describe(failure.problem, language: language))")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Describes `problem` for the operator in a few words.
    public static func describe(_ problem: OutboxProblem, language: Language) -> String {
        let german = language == .german
        switch problem {
        case .unreadableFile(let errno):
            return german ? "Datei nicht lesbar (\(errorText(errno)))" : "file not readable (\(errorText(errno)))"
        case .unreadableJSON(let detail):
            return german ? "kein lesbares Outbox-JSON (\(detail))" : "unreadable outbox JSON (\(detail))"
        case .unsupportedFormat(let format):
            return german ? "unbekanntes Format \"\(format)\"" : "unsupported format \"\(format)\""
        case .wrongKey(let keyID):
            return german
                ? "mit einem fremden Schlüssel signiert (keyID \(keyID))" : "signed by another key (keyID \(keyID))"
        case .badSignature(let detail):
            return german ? "Signatur fehlerhaft (\(detail))" : "malformed signature (\(detail))"
        case .tamperedPayload:
            return german
                ? "Signatur passt nicht zum Inhalt: Inhalt oder Signatur wurde nach dem Signieren verändert"
                : "signature does not match the payload: the payload or signature was changed after signing"
        case .invalidPayload(let detail):
            return german
                ? "signierter Inhalt ist kein Outbox-Datensatz (\(detail))"
                : "signed payload is not an outbox record (\(detail))"
        case .fileNameMismatch(let expected):
            return german
                ? "Dateiname passt nicht zum Datensatz (erwartet \(expected))"
                : "file name does not match the record (expected \(expected))"
        }
    }

    // MARK: - Private helpers

    private static func row(time: String, enrollment: String, kind: String, username: String, status: String) -> String {
        [pad(time, 20), pad(enrollment, 36), pad(kind, 18), pad(username, 20), status].joined(separator: "  ")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func statusText(_ problem: OutboxProblem?, language: Language) -> String {
        guard let problem else { return language == .german ? "gültig" : "verified" }
        return (language == .german ? "FEHLER: " : "FAILED: ") + problem.code
    }

    private static func kindName(_ kind: EnrollmentKind, language: Language) -> String {
        switch (kind, language) {
        case (.newAccount, .german): "neues Konto"
        case (.additionalKey, .german): "weiterer Schlüssel"
        case (.replacementKey, .german): "Ersatzschlüssel"
        case (.newAccount, .english): "new account"
        case (.additionalKey, .english): "additional key"
        case (.replacementKey, .english): "replacement key"
        }
    }

    private static func unreadable(_ outbox: Outbox, _ error: OutboxError, language: Language) -> OutboxCommandOutput {
        let text = language == .german
            ? "Outbox \(outbox.directory) nicht lesbar: \(error.description)\n"
            : "Outbox \(outbox.directory) could not be read: \(error.description)\n"
        return OutboxCommandOutput(text: text, exitStatus: exitUnreadable)
    }
}
