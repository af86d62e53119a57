import KioskCore
import Testing
@testable import KioskTerminal

/// Snapshots of the clerk's list of enrollments the IAM rejected, and the F4 entry of the lookup,
/// in German and English at 80x24.
@Suite("ScreenRenderer sync conflicts")
struct ScreenRendererConflictTests {
    private func render(_ step: EnrollmentStep, _ language: Language, conflictCount: Int = 0) throws -> MemoryTerminal {
        var context = try Fixtures.context(language)
        context.syncConflictCount = conflictCount
        let terminal = MemoryTerminal(columns: 80, rows: 24)
        ScreenRenderer.render(step: step, context: context, into: terminal)
        return terminal
    }


    private func trimmed(_ line: String) -> String {
        String(line.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    @Test func conflictListGerman() throws {
        expectScreen(try render(.syncConflicts(Fixtures.conflicts, selected: 1), .german), """
         Sicherheitsschlüssel einrichten
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Von der IT nicht übernommene Einrichtungen: 4

          Melden Sie jede Vorgangsnummer dem IT-Service; der Kiosk benennt kein Konto
          selbst um.

            Dr. Ayşe Yılmaz-Berger                                03.12.2026 09:14 UTC
              Grund           Benutzername bereits vergeben
              Benutzername    ayse.yilmaz-berger
              Vorgangsnummer  1b4e28ba-2fa1-4d2e-883f-0016d3cca427
          > Prof. Dr. Hans-Jürgen Müller-Lüdenscheidt-Schulze v…  03.12.2026 11:02 UTC
              Grund           Benutzername bereits vergeben
              Benutzername    hans-juergen.mueller-luedenscheidt-schulze
              Vorgangsnummer  6fa459ea-ee8a-3ca4-894e-db77e160355e
            Gül Özdemir                                           03.12.2026 15:40 UTC
              Grund           von der IT abgelehnt (HTTP 400)
              Benutzername    guel.oezdemir
              Vorgangsnummer  9c5b94b1-35ad-49bb-b118-8e8fc24abf80
          Konflikt 2 von 4


         ↑↓ auswählen   Enter zur Suche   F2 English
        """)
    }

    @Test func conflictListEnglish() throws {
        expectScreen(try render(.syncConflicts(Fixtures.conflicts, selected: 1), .english), """
         Set up a security key
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Enrollments the IT did not accept: 4

          Report each case number to the IT service desk; the kiosk does not rename
          accounts.

            Dr. Ayşe Yılmaz-Berger                                03.12.2026 09:14 UTC
              Reason          username already taken
              Username        ayse.yilmaz-berger
              Case number     1b4e28ba-2fa1-4d2e-883f-0016d3cca427
          > Prof. Dr. Hans-Jürgen Müller-Lüdenscheidt-Schulze v…  03.12.2026 11:02 UTC
              Reason          username already taken
              Username        hans-juergen.mueller-luedenscheidt-schulze
              Case number     6fa459ea-ee8a-3ca4-894e-db77e160355e
            Gül Özdemir                                           03.12.2026 15:40 UTC
              Reason          rejected by IT (HTTP 400)
              Username        guel.oezdemir
              Case number     9c5b94b1-35ad-49bb-b118-8e8fc24abf80
          Conflict 2 of 4


         ↑↓ select   Enter to search   F2 Deutsch
        """)
    }

    @Test(arguments: Language.allCases)
    func listScrollsToTheLastNotice(language: Language) throws {
        let terminal = try render(.syncConflicts(Fixtures.conflicts, selected: 3), language)
        #expect(terminal.line(8).contains("Prof. Dr. Hans-Jürgen"))
        #expect(terminal.line(16).hasPrefix("  > Li Wei"))
        #expect(terminal.line(16).hasSuffix("kaputt"), "an unparsable time is shown as stored")
        #expect(terminal.line(20).contains(language == .german ? "Konflikt 4 von 4" : "Conflict 4 of 4"))
        #expect(!terminal.text.contains("Ayşe"))
    }

    @Test func nameOverSixtyFourBytesIsCutAndLinesStayWithinEightyColumns() throws {
        let long = String(repeating: "Ğ", count: 90)
        let notice = SyncConflictNotice(enrollmentID: "x", enrolledAt: "2026-12-03T09:14:27Z",
                                        username: String(repeating: "u", count: 100), displayName: long, reason: .usernameTaken)
        let terminal = try render(.syncConflicts([notice], selected: 0), .german)
        for row in 0..<24 {
            #expect(DisplayWidth.columns(of: terminal.line(row)) <= 80, "row \(row)")
        }
        #expect(terminal.line(8).contains("Ğ…  03.12.2026 09:14 UTC"))
        #expect(terminal.line(10).hasSuffix("…"))
        #expect(terminal.line(20).contains("Konflikt 1 von 1"))
    }

    @Test func lookupFooterOffersFourOnlyWithConflicts() throws {
        let plain = try render(.lookup(Fixtures.numberForm), .german).line(23)
        #expect(!plain.contains("F4"))
        #expect(plain.contains("Tab nächstes Feld"))
        let german = try render(.lookup(Fixtures.numberForm), .german, conflictCount: 2).line(23)
        #expect(trimmed(german) == "Enter suchen   F3 andere Suche   Esc zurück   F4 Konflikte   F2 English")
        let english = try render(.lookup(Fixtures.nameForm), .english, conflictCount: 1).line(23)
        #expect(trimmed(english) == "Enter search   F3 other search   Esc back   F4 conflicts   F2 Deutsch")
    }
}
