import KioskCore
import Testing
@testable import KioskTerminal

/// Snapshots of the screens for existing accounts, replacement, PIN change, replugging and the
/// key reset, in German and English at 80x24.
@Suite("ScreenRenderer lifecycle screens")
struct ScreenRendererLifecycleTests {
    private func render(_ step: EnrollmentStep, _ language: Language, idleSecondsLeft: Int? = nil) throws -> MemoryTerminal {
        var context = try Fixtures.context(language)
        context.idleSecondsLeft = idleSecondsLeft
        let terminal = MemoryTerminal(columns: 80, rows: 24)
        ScreenRenderer.render(step: step, context: context, into: terminal)
        return terminal
    }


    @Test func existingAccountGerman() throws {
        expectScreen(try render(.existingAccount(Fixtures.ayse, Fixtures.existingAccount, selected: .additional), .german), """
         Sicherheitsschlüssel einrichten                                Schritt 3 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Konto vorhanden: weiterer Schlüssel oder Ersatz

          Wählen Sie mit den Pfeiltasten oder 1 und 2 und drücken Sie Enter.


          Name                    Dr. Ayşe Yılmaz-Berger
          Benutzername            ayse.yilmaz
          E-Mail                  ayse.yilmaz@stadt.example

          > 1  Weiterer Schlüssel
            2  Ersatzschlüssel (Schlüssel verloren)

          Die bisherigen Schlüssel bleiben gültig. Mit dem neuen Schlüssel melden Sie
          sich am selben Konto an.

          An diesem Kiosk gespeicherte Schlüssel der Person: 2




         ↑↓ auswählen   Enter weiter   Esc zurück   F2 English
        """)
    }

    @Test func replacementWarningGerman() throws {
        expectScreen(try render(.confirmReplacement(Fixtures.ayse, Fixtures.existingAccount), .german), """
         Sicherheitsschlüssel einrichten                                Schritt 3 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Ersatzschlüssel: die bisherigen Schlüssel werden gesperrt

          Lesen Sie der Person den Hinweis vor. Drücken Sie Enter nur, wenn sie
          zustimmt.

          Name                    Dr. Ayşe Yılmaz-Berger
          Benutzername            ayse.yilmaz

          Nach dem Speichern werden ALLE bisherigen Schlüssel dieser Person gesperrt,
          auch ein verlorener Schlüssel, der später wieder auftaucht.

          Die IT sperrt sie mit der Übertragung heute Nacht. Danach melden Sie sich
          nur noch mit dem neuen Schlüssel an.

          Ist die Person einverstanden?





         Enter ja, ersetzen   Esc zurück   F2 English
        """)
    }

    @Test func replacementWarningEnglish() throws {
        expectScreen(try render(.confirmReplacement(Fixtures.ayse, Fixtures.existingAccount), .english), """
         Set up a security key                                              Step 3 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Replacement key: the earlier keys stop working

          Read the note to the person. Press Enter only if the person agrees.


          Name                    Dr. Ayşe Yılmaz-Berger
          Username                ayse.yilmaz

          After saving, ALL earlier keys of this person are blocked, including a lost
          key that turns up later.

          IT blocks them with tonight's transfer. After that, only the new key signs
          in.

          Does the person agree?





         Enter yes, replace   Esc back   F2 Deutsch
        """)
    }

    @Test func resetConsentGermanWithIdleWarning() throws {
        expectScreen(try render(.resetConsent(ResetConsent(typed: "NEIN", notConfirmed: true)), .german, idleSecondsLeft: 25), """
         Sicherheitsschlüssel einrichten                                Schritt 5 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Die PIN ist gesperrt

          Wenn Sie den Schlüssel zurücksetzen wollen, tippen Sie JA und drücken Sie
          Enter.

          Nach zu vielen falschen PINs ist der Schlüssel gesperrt. Nur ein
          Zurücksetzen hilft.

          Das Zurücksetzen löscht ALLE Anmeldedaten auf dem Schlüssel, auch für andere
          Dienste. Das lässt sich nicht rückgängig machen.

          Danach legen Sie eine neue PIN fest, und der Schlüssel wird hier neu
          eingerichtet.

          > Ihre Antwort          [NEIN      ]

          Es wurde nichts gelöscht. Tippen Sie JA zum Zurücksetzen oder drücken Sie
          Esc für einen anderen Schlüssel.
          Ohne Eingabe endet die Sitzung in 25 Sekunden.

         Enter bestätigen   Esc anderer Schlüssel   F2 English
        """)
    }

    @Test func resetConsentEnglishWithIdleWarning() throws {
        expectScreen(try render(.resetConsent(ResetConsent(typed: "NEIN", notConfirmed: true)), .english, idleSecondsLeft: 25), """
         Set up a security key                                              Step 5 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          The PIN is locked

          If you want to reset the key, type YES and press Enter.


          After too many wrong PINs the key is locked. Only a reset helps.

          A reset erases ALL sign-in data on the key, also for other services. It
          cannot be undone.

          After the reset you choose a new PIN, and the key is set up here again.

          > Your answer           [NEIN      ]

          Nothing was erased. Type YES to reset, or press Esc to use another key.



          Without input, the session ends in 25 seconds.

         Enter confirm   Esc other key   F2 Deutsch
        """)
    }

    @Test func resetTooLateEnglish() throws {
        expectScreen(try render(.resetKey(ResetProgress(stage: .unplug, problem: .tooLate)), .english), """
         Set up a security key                                              Step 5 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Reset the key

          Unplug the key now.


          The key allows a reset only in the first seconds after it is plugged in.
          Touch it right away then.

          > [ ] 1. Unplug the key
            [ ] 2. Plug the key in again
            [ ] 3. Touch the key within a few seconds

          The key did not allow the reset, most likely because it came too late after
          plugging in. Please start again.






         Esc cancel   F2 Deutsch
        """)
    }

    @Test func resetTouchGerman() throws {
        expectScreen(try render(.resetKey(ResetProgress(stage: .touch)), .german), """
         Sicherheitsschlüssel einrichten                                Schritt 5 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Schlüssel zurücksetzen

          Berühren Sie jetzt die Kontaktfläche am Schlüssel, solange er blinkt.


          Der Schlüssel erlaubt das Zurücksetzen nur in den ersten Sekunden nach dem
          Einstecken. Berühren Sie ihn dann sofort.

            [x] 1. Schlüssel abziehen
            [x] 2. Schlüssel wieder einstecken
          > [ ] 3. Schlüssel innerhalb weniger Sekunden berühren









         Esc abbrechen   F2 English
        """)
    }

    @Test func replugGerman() throws {
        expectScreen(try render(.replugKey(.plugIn), .german), """
         Sicherheitsschlüssel einrichten                                Schritt 5 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Die PIN war dreimal falsch

          Stecken Sie den Schlüssel jetzt wieder ein.


          Der Schlüssel nimmt erst wieder eine PIN an, wenn er einmal abgezogen war.
          Dann können Sie es noch einmal versuchen. Bitte tippen Sie die PIN
          sorgfältig.

            [x] 1. Schlüssel abziehen
          > [ ] 2. Schlüssel wieder einstecken









         Esc abbrechen   F2 English
        """)
    }

    @Test func replugEnglish() throws {
        expectScreen(try render(.replugKey(.unplug), .english), """
         Set up a security key                                              Step 5 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          The PIN was wrong three times

          Unplug the key now.


          The key takes a PIN again only after it was unplugged once. Then you can try
          again. Please type the PIN carefully.

          > [ ] 1. Unplug the key
            [ ] 2. Plug the key in again










         Esc cancel   F2 Deutsch
        """)
    }

    @Test func forcedPINChangeEnglish() throws {
        expectScreen(try render(.pin(PINPrompt(mode: .enterCurrent, typedCount: 6, retriesLeft: 7)), .english), """
         Set up a security key                                              Step 5 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Change the PIN

          The key requires a new PIN. First type the current PIN and press Enter.


          > Current PIN           [••••••                        ]

          7 attempts left.
          The PIN is secret. Only you should know it.











         Enter confirm   Backspace delete   Esc cancel   F2 Deutsch
        """)
    }

    @Test func trivialPINGerman() throws {
        expectScreen(try render(.pin(PINPrompt(mode: .setNew, problem: .trivial)), .german), """
         Sicherheitsschlüssel einrichten                                Schritt 5 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          PIN festlegen

          Denken Sie sich eine PIN aus, tippen Sie sie ein und drücken Sie Enter.


          > PIN                   [                              ]

          Mindestens 4 Zeichen. Ziffern und Buchstaben sind erlaubt.
          Die PIN ist geheim. Nur Sie sollen sie kennen.

          Diese PIN ist zu leicht zu erraten. Bitte keine Zahlenfolge, keine gleichen
          Zeichen und nicht Ihr Geburtsdatum.








         Enter bestätigen   Backspace löschen   Esc abbrechen   F2 English
        """)
    }

    @Test func replacementSummaryGerman() throws {
        expectScreen(try render(.summary(Fixtures.replacementSummary), .german), """
         Sicherheitsschlüssel einrichten                                Schritt 8 von 9
          Kiosk sp-rathaus-03  ·  Sachbearbeitung: m.keller

          Zusammenfassung

          Prüfen Sie alles und drücken Sie Enter zum Speichern.


          Name                    Dr. Ayşe Yılmaz-Berger
          Benutzername            ayse.yilmaz-berger
          E-Mail                  ayse.yilmaz-berger@stadt.example
          Schlüssel               YubiKey 5 NFC
          Vorgangsnummer          E-2026-0412-7Q3K
          Art                     Ersatzschlüssel

          Die Test-Anmeldung hat geklappt.

          Nach dem Speichern werden die bisherigen Schlüssel dieser Person heute Nacht
          gesperrt.




         Enter speichern   Esc abbrechen   F2 English
        """)
    }

    @Test func additionalKeySavedEnglish() throws {
        expectScreen(try render(.saved(Fixtures.additionalSummary), .english), """
         Set up a security key                                              Step 9 of 9
          Kiosk sp-rathaus-03  ·  Clerk: m.keller

          Done

          Unplug the key and take it with you.


          Your key is set up and saved.

          Name                    Dr. Ayşe Yılmaz-Berger
          Username                ayse.yilmaz-berger
          E-mail                  ayse.yilmaz-berger@stadt.example
          Key                     YubiKey 5 NFC
          Reference number        E-2026-0412-7Q3K
          Kind                    Additional key

          Your details go to IT tonight.

          Note the reference number in case of questions.



         Enter next person   F2 Deutsch
        """)
    }

    @Test func consentFieldShowsTypedWordAndCursor() throws {
        let terminal = try render(.resetConsent(ResetConsent(typed: "JA")), .german)
        #expect(terminal.text.contains("[JA "))
        #expect(terminal.isCursorVisible)
    }

    @Test func existingAccountHidesCountWhenNoneKnown() throws {
        var account = Fixtures.existingAccount
        account.knownCredentialCount = 0
        let terminal = try render(.existingAccount(Fixtures.ayse, account, selected: .additional), .german)
        #expect(!terminal.text.contains("gespeicherte Schlüssel"))
    }
}
