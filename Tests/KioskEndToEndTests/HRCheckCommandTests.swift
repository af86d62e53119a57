import Foundation
import KioskTestSupport
import Testing

/// Runs `kiosk hr check` as a built binary on small exports and checks output and exit status.
@Suite struct HRCheckCommandTests {
    private static let header = "Personalnummer;Nachname;Vorname;Titel;Geburtsdatum;Referat;Organisationseinheit;"
        + "Beschaeftigtengruppe;Status;Eintrittsdatum;Austrittsdatum;Benutzerkennung"

    private func export(_ rows: [String], in directory: TemporaryDirectory) throws -> String {
        try directory.write(([Self.header] + rows).joined(separator: "\r\n") + "\r\n", to: "hr.csv")
    }

    @Test func cleanExportExitsZeroInGerman() throws {
        let directory = try TemporaryDirectory()
        let path = try export(["10000001;Weiß;Jürgen;;01.02.1980;BAU;;Pflege;aktiv;;;"], in: directory)
        let result = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path], directory: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("Gelesene Zeilen:"))
        #expect(result.output.contains("Die Datei ist in Ordnung"))
        #expect(!result.output.contains("Weiß"))
    }

    @Test func rejectedRowsExitOneWithLineNumbers() throws {
        let directory = try TemporaryDirectory()
        let rows = ["10000001;Weiß;Jürgen;;01.02.1980;BAU;;Pflege;aktiv;;;", "10000002;Kaya;Ali;;31.02.1980;;;;aktiv;;;",
                    "10000003;Kaya;Ali;;01.02.1980;;;;aktiv;;;"]
        let path = try export(rows, in: directory)
        let result = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path, "--language", "en"], directory: directory.path)
        #expect(result.status == 1)
        #expect(result.output.contains("Geburtsdatum is not a valid date DD.MM.YYYY: line 3"))
        #expect(!result.output.contains("Kaya"))
    }

    @Test func shortRowReportsTooFewColumns() throws {
        let directory = try TemporaryDirectory()
        let rows = ["10000001;Weiß", "10000002;Kaya;Ali;;01.02.1980;;;;aktiv;;;", "10000003;Kaya;Ali;;01.02.1980;;;;aktiv;;;"]
        let path = try export(rows, in: directory)
        let german = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path], directory: directory.path)
        #expect(german.status == 1)
        #expect(german.output.contains("zu wenige Spalten (2 gefunden, 12 erwartet): Zeile 2"))
        #expect(!german.output.contains("Vorname ist leer"))
        let english = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path, "--language", "en"], directory: directory.path)
        #expect(english.output.contains("too few columns (found 2, expected 12): line 2"))
        #expect(!english.output.contains("Weiß"))
    }

    @Test func duplicatedExportRejectedWithMatchingAdvice() throws {
        let directory = try TemporaryDirectory()
        let rows = ["10000001;Weiß;Jürgen;;01.02.1980;BAU;;Pflege;aktiv;;;", "10000002;Kaya;Ali;;03.04.1975;;;;aktiv;;;"]
        let path = try export(rows + rows, in: directory)
        let result = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path], directory: directory.path)
        #expect(result.status == 2)
        #expect(result.output.contains("4 von 4 Datenzeilen wurden abgelehnt."))
        #expect(result.output.contains("Sind mehr als 50 % der Datenzeilen fehlerhaft, lädt der Kiosk die Datei nicht."))
        #expect(result.output.contains("Personalnummer doppelt: Zeilen 2 (auch in Zeile 4), 3 (auch in Zeile 5)"))
        #expect(result.output.contains("Vermutlich wurde der Export zweimal in dieselbe Datei geschrieben."))
        #expect(!result.output.contains("unlesbar"))
        #expect(!result.output.contains("Kodierung"))
        for secret in ["Weiß", "Jürgen", "Kaya", "10000001", "01.02.1980"] {
            #expect(!result.output.contains(secret), "output contains \(secret)")
        }
    }

    @Test func wrongSeparatorExitsTwo() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("Personalnummer,Nachname\n1,2\n", to: "hr.csv")
        let result = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path], directory: directory.path)
        #expect(result.status == 2)
        #expect(result.output.contains("Semikolon"))
    }

    @Test func languageFromConfigIsUsed() throws {
        let directory = try TemporaryDirectory()
        let path = try export(["10000001;Weiß;Jürgen;;01.02.1980;BAU;;Pflege;aktiv;;;"], in: directory)
        let config = try directory.write("language = en\n", to: "check.conf")
        let result = try runProgram(KioskFixture.kioskBinary, ["hr", "check", path, "--config", config], directory: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("Rows read:"))
    }

    @Test func missingFileArgumentIsUsageError() throws {
        let result = try runProgram(KioskFixture.kioskBinary, ["hr", "check"])
        #expect(result.status == 2)
        #expect(result.output.contains("kiosk hr check FILE"))
    }
}
