import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// A kiosk installation in a temporary folder: a small HR export with hard cases, a
/// kiosk.conf pointing at it, and the built `kiosk` binary started in a private tmux server.
final class KioskFixture {
    /// The repository root, three levels above this file (Tests/KioskEndToEndTests/KioskFixture.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let kioskBinary = repositoryRoot + "/.build/debug/kiosk"

    /// Synthetic people: homonyms (same name and birth date), umlauts, a name over 64 bytes,
    /// someone with an account and someone who has left.
    static let hrExport = """
        \u{FEFF}Personalnummer;Nachname;Vorname;Titel;Geburtsdatum;Referat;Organisationseinheit;Beschaeftigtengruppe;Status;Eintrittsdatum;Austrittsdatum;Benutzerkennung
        00471100;Müller-Lüdenscheidt;Jürgen;;07.03.1984;BAU;BAU-GB-3;gewerblich-technisch;aktiv;01.04.2010;;
        00471101;Müller-Lüdenscheidt;Jürgen;;07.03.1984;SOZ;SOZ-KITA-7;Erziehung;aktiv;01.09.2015;;
        00523311;Yılmaz-Großkopf;Ayşe Gülşen;Dr.;19.11.1990;RGU;RGU-GS-2;Pflege;aktiv;01.01.2020;;
        00600001;Weiß;Anna;;02.02.1975;KVR;KVR-I/6;Verwaltung;aktiv;01.01.2001;;anna.weiss
        00600002;Schön;Peter;;03.03.1950;KVR;KVR-I/6;Verwaltung;ausgeschieden;01.01.1980;31.12.2015;
        00600003;"Graf von Hohenzollern-Sigmaringen; Freifrau";Maximiliane-Theodora Friederike;Prof. Dr.;04.04.1988;KULT;KULT-M-1;Verwaltung;aktiv;01.01.2012;;

        """

    let directory: TemporaryDirectory
    let configPath: String
    var dataDirectory: String { directory.filePath("data") }
    var outboxDirectory: String { dataDirectory + "/outbox" }
    private(set) var tmux: TmuxSession?

    /// Writes the HR export and a kiosk.conf; `hrExport` replaces the default export.
    init(hrExport: String = KioskFixture.hrExport, hrBytes: [UInt8]? = nil) throws {
        let folder = try TemporaryDirectory(prefix: "kiosk-e2e")
        directory = folder
        let hrPath = try hrBytes.map { try folder.write($0, to: "hr.csv") } ?? folder.write(hrExport, to: "hr.csv")
        let config = """
            kiosk_id = e2e-kiosk
            data_directory = \(folder.filePath("data"))
            idle_timeout_seconds = 300
            touch_timeout_seconds = 10
            [hr]
            export = \(hrPath)
            """
        configPath = try directory.write(config, to: "kiosk.conf")
    }

    /// Starts the kiosk in demo mode in an 80x24 tmux window and waits for the welcome screen.
    /// - Parameter environment: extra variables for the kiosk, such as the demo key's PIN scenario.
    func startKiosk(columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        let variables = environment.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(TmuxSession.shellQuoted($0.value))" }.joined(separator: " ")
        let command = "cd \(TmuxSession.shellQuoted(Self.repositoryRoot)) && "
            + (variables.isEmpty ? "" : "env \(variables) ")
            + "\(TmuxSession.shellQuoted(Self.kioskBinary)) --config \(TmuxSession.shellQuoted(configPath)) --demo"
        let session = try TmuxSession(command: command, columns: columns, rows: rows)
        tmux = session
        try session.waitFor("Willkommen", timeout: .seconds(15))
    }

    func screen() throws -> TmuxSession {
        try #require(tmux, "startKiosk() was not called")
    }

    /// Types `text`, then presses Enter.
    func type(_ text: String) throws {
        try screen().sendLiteral(text)
        try screen().sendKeys("Enter")
    }

    func press(_ keys: String...) throws {
        for key in keys { try screen().sendKeys(key) }
    }

    @discardableResult
    func waitFor(_ text: String, seconds: Int = 10) throws -> String {
        try screen().waitFor(text, timeout: .seconds(seconds))
    }

    /// Signs in as a clerk and looks a person up by personnel number and birth date.
    func lookUp(personnelNumber: String, birthDate: String) throws {
        try press("Enter")
        try waitFor("Sachbearbeitung")
        try type("clerk-e2e")
        try waitFor("Person suchen")
        try type(personnelNumber)
        try type(birthDate)
    }

    /// Files in the outbox folder, sorted.
    func outboxFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outboxDirectory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Decodes the record inside an outbox file from the envelope's payload.
    func record(in fileName: String) throws -> OutboxRecord {
        let data = try Data(contentsOf: URL(fileURLWithPath: outboxDirectory + "/" + fileName))
        let envelope = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let payloadText = try #require(envelope["payload"] as? String)
        let payload = try #require(Data(base64Encoded: payloadText))
        return try JSONDecoder().decode(OutboxRecord.self, from: payload)
    }

    func log() -> String {
        (try? String(contentsOfFile: dataDirectory + "/kiosk.log", encoding: .utf8)) ?? ""
    }

    deinit {
        tmux?.close()
    }
}

/// Runs a program to completion and returns its exit status and combined output.
/// Only for programs that do not daemonize (not tmux): the pipe is read to its end.
func runProgram(_ path: String, _ arguments: [String], directory: String = KioskFixture.repositoryRoot) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
