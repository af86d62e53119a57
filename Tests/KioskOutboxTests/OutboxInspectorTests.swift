import Foundation
import KioskCore
import KioskCrypto
import Testing

@testable import KioskOutbox

@Suite struct OutboxInspectorTests {
    @Test func listingShowsOneLinePerRecordInGerman() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 1, username: "juergen.groess"))
            try outbox.append(OutboxFixture.record(index: 2, username: "anna.oezdemir", kind: .replacementKey))

            let output = OutboxInspector.list(outbox)
            #expect(output.exitStatus == 0)
            #expect(output.text == """
                Zeit (UTC)            Vorgang                               Art                 Benutzername          Prüfung
                2026-12-04T09:00:01Z  0f3c2a10-7b4e-4d1a-9c55-000000000001  neues Konto         juergen.groess        gültig
                2026-12-04T09:00:02Z  0f3c2a10-7b4e-4d1a-9c55-000000000002  Ersatzschlüssel     anna.oezdemir         gültig
                2 Datensätze, davon 0 fehlerhaft

                """)
        }
    }

    @Test func listingMarksFailingFileAndExitsWithOne() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 1))
            let broken = try outbox.append(OutboxFixture.record(index: 2, kind: .additionalKey))
            try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/" + broken))

            let output = OutboxInspector.list(outbox, language: .english)
            let lines = output.text.split(separator: "\n").map(String.init)
            #expect(output.exitStatus == 1)
            #expect(lines.first?.hasPrefix("Time (UTC)            Enrollment") == true)
            #expect(lines[1].hasSuffix("new account         juergen.groess        verified"))
            #expect(lines[2] == "-                     \(broken)  -                   -                     FAILED: unreadable-json")
            #expect(lines.last == "2 records, 1 failed")
        }
    }

    @Test func verifyReportNamesEveryBadFileWithReason() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let names = try (0..<3).map { try outbox.append(OutboxFixture.record(index: $0)) }
            try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/" + names[0]))
            let intruder = try Outbox(directory: directory, signingKey: Ed25519Key(rawPrivateKey: [UInt8](repeating: 9, count: 32)), logger: .disabled)
            let forged = try intruder.append(OutboxFixture.record(index: 7))
            let intruderKeyID = OutboxEnvelope.keyID(of: try Ed25519Key(rawPrivateKey: [UInt8](repeating: 9, count: 32)).publicKey)

            let output = OutboxInspector.verify(outbox, language: .english)
            #expect(output.exitStatus == 1)
            #expect(output.text.hasPrefix("""
                2 of 4 files failed:
                \(names[0]): unreadable outbox JSON (missing field format)
                \(forged): signed by another key (keyID \(intruderKeyID))
                Audit log broken: line 4 is not signed by the kiosk key (changed or forged)

                """))
        }
    }

    @Test func verifyOfCleanOutboxExitsWithZero() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 0))
            try outbox.append(OutboxFixture.record(index: 1))
            let output = OutboxInspector.verify(outbox)
            #expect(output == OutboxCommandOutput(
                text: "Alle 2 Dateien sind gültig signiert.\nPrüfprotokoll: 2 Einträge, Kette und Signaturen gültig.\n",
                exitStatus: 0))
        }
    }

    @Test func vanishedDirectoryExitsWithTwo() throws {
        let outbox = try withTemporaryDirectory { directory in
            try Outbox(directory: directory + "/outbox", signingKey: OutboxFixture.fixedKey(), logger: .disabled)
        }
        let output = OutboxInspector.verify(outbox, language: .english)
        #expect(output.exitStatus == 2)
        #expect(output.text.hasPrefix("Outbox \(outbox.directory) could not be read: "))
        #expect(OutboxInspector.list(outbox).exitStatus == 2)
    }

    @Test(arguments: [
        (OutboxProblem.tamperedPayload, "signature does not match the payload: the payload or signature was changed after signing"),
        (.fileNameMismatch(expected: "a.json"), "file name does not match the record (expected a.json)"),
        (.unsupportedFormat("v9"), "unsupported format \"v9\""),
        (.badSignature(detail: "short"), "malformed signature (short)"),
    ])
    func problemDescriptionsInEnglish(problem: OutboxProblem, expected: String) {
        #expect(OutboxInspector.describe(problem, language: .english) == expected)
    }

    @Test func tamperedPayloadDescriptionInGerman() {
        #expect(
            OutboxInspector.describe(.tamperedPayload, language: .german)
                == "Signatur passt nicht zum Inhalt: Inhalt oder Signatur wurde nach dem Signieren verändert")
    }
}
