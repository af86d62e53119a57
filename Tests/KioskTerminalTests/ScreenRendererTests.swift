import KioskCore
import Testing
@testable import KioskTerminal

@Suite("ScreenRenderer")
struct ScreenRendererTests {
    // MARK: - Helpers

    private func render(
        _ step: EnrollmentStep, _ language: Language = .german, columns: Int = 80, rows: Int = 24,
        configure: (inout ScreenContext) -> Void = { _ in }
    ) throws -> MemoryTerminal {
        var context = try Fixtures.context(language)
        configure(&context)
        let terminal = MemoryTerminal(columns: columns, rows: rows)
        ScreenRenderer.render(step: step, context: context, into: terminal)
        return terminal
    }


    private static let longUmlautRecord = HRRecord(
        personnelNumber: "00777777",
        surname: "Müller-Lüdenscheidt-Schäfer-Größmann-Öztürk-Wąsowska-Żółkiewska",
        givenName: "Hans-Jürgen Ülrich", title: "Prof. Dr.", birthDate: Fixtures.date("29.02.1964"),
        department: "Referat für Gesundheit und Umwelt, Abteilung Straßenbäume und Grünflächen",
        orgUnit: "Gärtnerei Süd-Ost, Außenstelle Großhadern")

    // MARK: - Snapshots

    @Test func welcomeGerman() throws {
        expectScreen(try render(.welcome), """
         Sicherheitsschlüssel einrichten
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Willkommen

          Drücken Sie Enter, um zu beginnen.


          Hier bekommen Sie Ihr IT-Konto und Ihren Sicherheitsschlüssel.
          Mit dem Schlüssel melden Sie sich bei E-Mail, Kalender und Intranet an.
          Bitte halten Sie Ihren Lichtbildausweis bereit.


          Sprache / Language       Deutsch    English
                                  F2: Sprache wechseln / change language








         Enter starten   F2 English
        """)
    }

    @Test func lookupByNameGermanWithProblem() throws {
        expectScreen(try render(.lookup(Fixtures.nameForm)), """
         Sicherheitsschlüssel einrichten                                Schritt 1 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Person suchen

          Geben Sie Nachname, Geburtsdatum und wenn nötig den Vornamen ein. Drücken
          Sie dann Enter.

          Suche nach                       Personalnummer   [Name]

            Nachname                      [Yılmaz-Berger                 ]

          > Vorname (optional)            [Ayşe                          ]

            Geburtsdatum (TT.MM.JJJJ)     [                              ]

          Keine Person gefunden. Bitte prüfen Sie die Eingaben.






         Enter suchen   Tab nächstes Feld   F3 andere Suche   Esc zurück   F2 English
        """)
    }

    @Test func lookupByNumberEnglish() throws {
        expectScreen(try render(.lookup(Fixtures.numberForm), .english), """
         Set up a security key                                              Step 1 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Find the person

          Type the personnel number and the date of birth. Then press Enter.


          Search by                       [Personnel number]   Name

            Personnel number              [00412345                      ]

          > Date of birth (DD.MM.YYYY)    [07.03.19                      ]










         Enter search   Tab next field   F3 other search   Esc back   F2 Deutsch
        """)
    }

    @Test func homonymsShowUnitAndMaskedNumber() throws {
        let step = EnrollmentStep.chooseCandidate(candidates: [Fixtures.ayse, Fixtures.ayseNamesake], selected: 1)
        expectScreen(try render(step), """
         Sicherheitsschlüssel einrichten                                Schritt 2 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Person auswählen

          Wählen Sie mit den Pfeiltasten die richtige Person und drücken Sie Enter.


          2 Personen passen zur Suche. Fragen Sie nach Referat oder Dienststelle.


            Name                    Geb.-Datum  Referat / Einheit            Pers.-Nr.
            Dr. Ayşe Yılmaz-Berger  07.03.1985  Referat für Bildung / KITA…  *****345
          > Ayşe Yılmaz-Berger      07.03.1985  Baureferat / Gartenbau Nord  *****765






          Person 2 von 2


         ↑↓ auswählen   Enter weiter   Esc zurück   F2 English
        """)
    }

    @Test func existingPINEnglishShowsDotsAndRetries() throws {
        let prompt = PINPrompt(mode: .enterExisting, typedCount: 4, retriesLeft: 5, problem: .wrongPIN(retriesLeft: 5))
        expectScreen(try render(.pin(prompt), .english), """
         Set up a security key                                              Step 5 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Enter the PIN

          Type the PIN of your key and press Enter.


          > PIN                   [••••                          ]

          The PIN is secret. Only you should know it.

          The PIN is wrong. 5 attempts left.










         Enter confirm   Backspace delete   Esc cancel   F2 Deutsch
        """)
    }

    @Test func keyRemovedGerman() throws {
        expectScreen(try render(.failed(.key(.keyRemoved))), """
         Sicherheitsschlüssel einrichten
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Der Schlüssel wurde entfernt.

          Bitte wieder einstecken und Enter drücken.

















         Enter weiter   Esc abbrechen   F2 English
        """)
        #expect(try render(.failed(.key(.keyRemoved))).cell(row: 3, column: 2)?.style == .problem)
    }

    @Test func pinBlockedEnglishSendsToIT() throws {
        expectScreen(try render(.failed(.key(.pinBlocked)), .english), """
         Set up a security key
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          The PIN is locked. Only a reset helps, and a reset erases all sign-in data
          on the key.
          Please contact IT.

















         Enter continue   Esc cancel   F2 Deutsch
        """)
    }

    // MARK: - Every step

    @Test(arguments: Language.allCases)
    func everyStepFitsEightyByTwentyFour(language: Language) throws {
        for (name, step) in Fixtures.allSteps {
            let terminal = try render(step, language)
            for row in 0..<24 {
                let width = DisplayWidth.columns(of: terminal.line(row))
                #expect(width <= 80, "\(name) row \(row) is \(width) columns")
            }
            #expect(terminal.line(23).contains("F2"), "\(name) has no footer")
            #expect(!terminal.line(5).isEmpty, "\(name) has no instruction")
            #expect(!terminal.line(3).isEmpty, "\(name) has no title")
        }
    }

    @Test(arguments: Language.allCases)
    func everyCountedStepShowsProgress(language: Language) throws {
        let word = language == .german ? "Schritt" : "Step"
        let of = language == .german ? "von" : "of"
        for (name, step) in Fixtures.allSteps {
            let header = try render(step, language).line(0)
            if step.stepNumber > 0 {
                #expect(header.hasSuffix("\(word) \(step.stepNumber) \(of) 9"), "\(name): \(header)")
            } else {
                #expect(!header.contains(word), "\(name): \(header)")
            }
        }
    }

    @Test(arguments: Language.allCases)
    func smallTerminalShowsOnlySizeMessage(language: Language) throws {
        let expected = language == .german
            ? "Terminal zu klein: mindestens 80x24, jetzt 60x20"
            : "Terminal too small: at least 80x24, now 60x20"
        for (name, step) in Fixtures.allSteps {
            let terminal = try render(step, language, columns: 60, rows: 20)
            let lines = terminal.text.split(separator: "\n").map { $0.trimmingCharacters() }
            #expect(lines == [expected], "\(name)")
        }
    }

    @Test func tinyTerminalWrapsSizeMessage() throws {
        let terminal = try render(.welcome, columns: 20, rows: 6)
        for row in 0..<6 {
            #expect(DisplayWidth.columns(of: terminal.line(row)) <= 20)
        }
        #expect(terminal.text.contains("jetzt 20x6"))
    }

    @Test func oneColumnShortIsTooSmall() throws {
        #expect(try render(.welcome, columns: 79, rows: 24).text.contains("jetzt 79x24"))
        #expect(try render(.welcome, columns: 80, rows: 23).text.contains("jetzt 80x23"))
    }

    @Test func largerTerminalCentresTheScreen() throws {
        let terminal = try render(.welcome, columns: 100, rows: 30)
        #expect(terminal.line(3).hasPrefix(String(repeating: " ", count: 10) + " Sicherheitsschlüssel"))
        #expect(terminal.line(3 + 23).contains("F2 English"))
        #expect(terminal.line(2).isEmpty)
        #expect(terminal.cell(row: 3, column: 10)?.style == .reverse)
        #expect(terminal.cell(row: 3, column: 9)?.style == .plain)
    }

    // MARK: - Long names

    @Test func longUmlautNameIsTruncatedWithEllipsis() throws {
        let record = Self.longUmlautRecord
        #expect(record.displayName.utf8.count > 64)
        let summary = EnrollmentSummary(
            displayName: record.displayName, username: "hans-juergen.mueller-luede",
            email: "hans-juergen.mueller-luedenscheidt-schaefer-groessmann@stadt.example",
            keyProduct: "YubiKey 5 NFC", enrollmentID: "E-1")
        let steps: [EnrollmentStep] = [
            .confirmPerson(record),
            .chooseCandidate(candidates: [record, Fixtures.ayse], selected: 0),
            .ineligible(record, .hasAccount(username: "hans.mueller")),
            .accountProposal(record, AccountProposal(
                username: summary.username, email: summary.email, displayName: record.displayName)),
            .summary(summary),
            .saved(summary),
        ]
        for step in steps {
            let terminal = try render(step)
            let nameLines = terminal.text.split(separator: "\n").filter { $0.contains("Hans-Jürgen") }
            #expect(!nameLines.isEmpty, "\(step.stepNumber): name missing")
            for line in nameLines {
                #expect(DisplayWidth.columns(of: line) <= 80)
                #expect(line.contains("…"), "\(line)")
            }
        }
    }

    @Test func longUnitIsTruncatedInCandidateTable() throws {
        let step = EnrollmentStep.chooseCandidate(candidates: [Self.longUmlautRecord], selected: 0)
        let row = try render(step).line(12)
        #expect(row.contains("Referat für Gesundheit und…"))
        #expect(row.hasSuffix("*****777"))
    }

    // MARK: - Details

    @Test func manyCandidatesScrollToSelection() throws {
        let candidates = (0..<12).map { index in
            HRRecord(personnelNumber: String(format8(index)), surname: "Kaya", givenName: "Emre",
                     birthDate: Fixtures.date("01.01.1990"), department: "Referat \(index)")
        }
        let terminal = try render(.chooseCandidate(candidates: candidates, selected: 11))
        #expect(terminal.text.contains("> Emre Kaya"))
        #expect(terminal.text.contains("Referat 11"))
        #expect(!terminal.text.contains("Referat 3 "))
        #expect(terminal.text.contains("Person 12 von 12"))
        let selectedRow = (0..<24).first { terminal.line($0).contains("> Emre Kaya") }
        #expect(selectedRow.map { terminal.cell(row: $0, column: 2)?.style } == .reverse)
    }

    private func format8(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    @Test func lookupCursorSitsAfterTypedText() throws {
        let terminal = try render(.lookup(Fixtures.nameForm))
        #expect(terminal.isCursorVisible)
        #expect(terminal.cursor.row == 12)
        #expect(terminal.cursor.column == 35 + 4)
    }

    @Test func pinScreenHidesCursorAndShowsOnlyDots() throws {
        let terminal = try render(.pin(PINPrompt(mode: .setNew, typedCount: 6)))
        #expect(!terminal.isCursorVisible)
        #expect(terminal.line(8).contains("[••••••  "))
        let digits = terminal.line(8).filter(\.isNumber)
        #expect(digits.isEmpty)
    }

    @Test func pinRetriesUseSingularForOne() throws {
        let terminal = try render(.pin(PINPrompt(mode: .enterExisting, retriesLeft: 1)))
        #expect(terminal.text.contains("Noch 1 Versuch."))
        #expect(!terminal.text.contains("1 Versuche"))
    }

    @Test func pinMismatchAsksToStartAgain() throws {
        let terminal = try render(.pin(PINPrompt(mode: .setNew, stage: .confirm, problem: .mismatch)))
        #expect(terminal.text.contains("PIN wiederholen"))
        #expect(terminal.text.contains("Die PINs stimmen nicht überein."))
    }

    @Test func idleWarningShowsSecondsLeft() throws {
        let terminal = try render(.accountProposal(Fixtures.ayse, AccountProposal(username: "a", email: "b", displayName: "c"))) {
            $0.idleSecondsLeft = 15
        }
        #expect(terminal.line(21) == "  Ohne Eingabe endet die Sitzung in 15 Sekunden.")
    }

    @Test func idleWarningDoesNotHideListPosition() throws {
        let step = EnrollmentStep.chooseCandidate(candidates: [Fixtures.ayse, Fixtures.ayseNamesake], selected: 0)
        let terminal = try render(step) { $0.idleSecondsLeft = 9 }
        #expect(terminal.text.contains("Person 1 von 2"))
        #expect(terminal.text.contains("Ohne Eingabe endet die Sitzung in 9 Sekunden."))
    }

    @Test(arguments: Language.allCases)
    func instructionsFitTwoLines(language: Language) throws {
        let entries = try #require(try Fixtures.localizer().table(for: language)).entries
        for (key, text) in entries where key.contains(".instruction") || key.hasSuffix(".next") {
            #expect(DisplayWidth.wrapped(text, toColumns: 76).count <= 2, "\(key)")
        }
    }

    @Test func longInputShowsItsEndInsideField() throws {
        var form = LookupForm(mode: .name)
        form.surname = "Wolff-Lüdenscheidt-Großkopf-Schönberger-Öztürk"
        let terminal = try render(.lookup(form))
        #expect(terminal.line(10) == "  > Nachname                      […-Großkopf-Schönberger-Öztürk ]")
        #expect(terminal.cursor.row == 10)
        #expect(terminal.cursor.column == 64)
    }

    @Test func welcomeHighlightsCurrentLanguage() throws {
        let terminal = try render(.welcome, .english)
        let row = 13
        let line = terminal.line(row)
        let english = try #require(line.range(of: "English"))
        let englishColumn = line.distance(from: line.startIndex, to: english.lowerBound)
        #expect(terminal.cell(row: row, column: englishColumn)?.style == .reverse)
        let german = try #require(line.range(of: "Deutsch"))
        let germanColumn = line.distance(from: line.startIndex, to: german.lowerBound)
        #expect(terminal.cell(row: row, column: germanColumn)?.style == .plain)
    }

    @Test func clerkIsHiddenBeforeSignIn() throws {
        let terminal = try render(.welcome) { $0.clerkID = nil }
        #expect(terminal.line(1) == "  Kiosk sp-rathaus-03")
    }

    @Test func insertKeyWithTwoKeysGoesOnByItself() throws {
        let terminal = try render(.insertKey(problem: .multipleKeys(count: 2)))
        #expect(terminal.line(3) == "  Es stecken 2 Schlüssel. Es darf nur einer stecken.")
        #expect(terminal.text.contains("von selbst weiter."))
        #expect(terminal.line(23).hasPrefix(" Esc abbrechen"), "no Enter: the screen moves on once one key is left")
    }

    @Test func pinScreenShowsKeyModelFirmwareSlots() throws {
        let details = KeyDetails(model: "YubiKey 5 Series with NFC", firmware: "5.4.3", remainingSlots: 24)
        let terminal = try render(.pin(PINPrompt(mode: .setNew))) { $0.keyDetails = details }
        #expect(terminal.line(22) == "  Schlüssel: YubiKey 5 Series with NFC  ·  Firmware 5.4.3  ·  24 Plätze frei")
        let english = try render(.pin(PINPrompt(mode: .setNew)), .english) { $0.keyDetails = details }
        #expect(english.line(22) == "  Key: YubiKey 5 Series with NFC  ·  firmware 5.4.3  ·  24 slots free")
        let lookup = try render(.lookup(LookupForm())) { $0.keyDetails = details }
        #expect(lookup.line(22).isEmpty, "only the key screens show the key line")
    }

    @Test func rejectedKeyAsksForAnotherKey() throws {
        let terminal = try render(.insertKey(problem: .otherKeyNeeded))
        #expect(terminal.line(3) == "  Dieser Schlüssel kann hier nicht benutzt werden.")
        #expect(terminal.text.contains("einen anderen Schlüssel"))
    }

    @Test func summaryAsksBeforeDiscarding() throws {
        var summary = EnrollmentSummary(displayName: "Jürgen Groß", username: "juergen.gross", email: "juergen.gross@stadt.example",
                                        keyProduct: "YubiKey 5 NFC", enrollmentID: "0f8e6a52-0000-4000-8000-000000000000")
        summary.discardRequested = true
        let terminal = try render(.summary(summary))
        #expect(terminal.line(3) == "  Registrierung wirklich verwerfen?")
        #expect(terminal.line(23).hasPrefix(" Enter speichern   Esc verwerfen"))
    }

    @Test func outboxDiskFullSaysNotSaved() throws {
        let terminal = try render(.failed(.outboxWriteFailed(detail: .diskFull)))
        #expect(terminal.text.contains("Die Registrierung wurde NICHT gespeichert."))
        #expect(terminal.line(5) == "  Rufen Sie bitte die IT. Danach mit Enter erneut speichern.")
    }

    @Test func headerAndFooterAreReverseVideo() throws {
        let terminal = try render(.summary(Fixtures.summary))
        #expect(terminal.cell(row: 0, column: 0)?.style == .reverse)
        #expect(terminal.cell(row: 0, column: 79)?.style == .reverse)
        #expect(terminal.cell(row: 23, column: 79)?.style == .reverse)
        #expect(terminal.cell(row: 3, column: 2)?.style == .bold)
    }

    @Test func renderRefreshesOnce() throws {
        let terminal = try render(.touchKey(.register))
        #expect(terminal.refreshCount == 1)
        #expect(terminal.text.contains("Sie haben 30 Sekunden Zeit."))
    }

    @Test func renderClearsThePreviousScreen() throws {
        let terminal = try render(.confirmPerson(Fixtures.ayse))
        ScreenRenderer.render(step: .insertKey(problem: nil), context: try Fixtures.context(), into: terminal)
        #expect(!terminal.text.contains("Ayşe"))
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
