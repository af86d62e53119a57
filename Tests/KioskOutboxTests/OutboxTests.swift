import Foundation
import KioskCore
import KioskCrypto
import Testing

@testable import KioskOutbox

@Suite struct OutboxTests {
    @Test func appendedRecordsReadBackEqualAndVerified() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let records = (0..<3).map { OutboxFixture.record(index: $0) }
            for record in records.reversed() { try outbox.append(record) }

            let entries = try outbox.records()
            #expect(entries.map(\.record) == records)
            #expect(entries.filter { !$0.isVerified }.isEmpty)
            #expect(try outbox.verify() == OutboxVerificationReport(checkedFileCount: 3, failures: []))
        }
    }

    @Test func appendReturnsTimeAndEnrollmentFileName() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let fileName = try outbox.append(OutboxFixture.record(index: 5))
            #expect(fileName == "2026-12-04T09:00:05Z-0f3c2a10-7b4e-4d1a-9c55-000000000005.json")
            #expect(FileManager.default.fileExists(atPath: directory + "/" + fileName))
        }
    }

    @Test func storedEnvelopeVerifiesWithoutOutboxCode() throws {
        try withTemporaryDirectory { directory in
            let key = try OutboxFixture.fixedKey()
            let outbox = try Outbox(directory: directory, signingKey: key, logger: .disabled)
            let record = OutboxFixture.record(index: 1)
            let fileName = try outbox.append(record)

            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + fileName))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
            let payload = try #require(Data(base64Encoded: json["payload"] ?? ""))
            let signature = try #require(Base64URL.decode(json["signature"] ?? ""))
            let publicKey = try #require(Base64URL.decode(json["publicKey"] ?? ""))
            #expect(Set(json.keys) == ["format", "payload", "signature", "publicKey", "keyID"])
            #expect(json["format"] == "kiosk-outbox-v1")
            #expect(publicKey == key.publicKey)
            #expect(json["keyID"] == String(SHA256.hex(key.publicKey).prefix(16)))
            #expect(Ed25519.verify(signature: signature, message: payload, publicKey: publicKey))
            #expect(try JSONDecoder().decode(OutboxRecord.self, from: payload) == record)
        }
    }

    @Test func payloadIsCanonicalSortedJSONWithUnescapedSlashes() throws {
        let record = OutboxFixture.record(index: 2)
        let payload = String(decoding: try OutboxEnvelope.canonicalJSON(record), as: UTF8.self)
        #expect(payload.hasPrefix(#"{"account":{"department":"Referat für Bildung und Sport","#))
        #expect(payload.contains(#""orgUnit":"KITA/Ost/3""#))
        #expect(payload.contains(#""origin":"https://stadt.example""#))
        #expect(try OutboxEnvelope.canonicalJSON(record) == OutboxEnvelope.canonicalJSON(record))
    }

    @Test func recordFileHasMode0600AndNewDirectory0700() throws {
        try withTemporaryDirectory { base in
            let directory = base + "/outbox"
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let fileName = try outbox.append(OutboxFixture.record(index: 3))
            #expect(permissions(of: directory) == 0o700)
            #expect(permissions(of: directory + "/" + fileName) == 0o600)
        }
    }

    @Test func appendingSameEnrollmentTwiceThrowsAlreadyExists() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let record = OutboxFixture.record(index: 4)
            let fileName = try outbox.append(record)
            let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + fileName))

            var changed = record
            changed.account.username = "someone.else"
            #expect(throws: OutboxError.alreadyExists(fileName: fileName)) { try outbox.append(changed) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + fileName)) == before)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }

    @Test func enrollmentIDWithPathSeparatorIsRejected() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            var record = OutboxFixture.record(index: 6)
            record.enrollmentID = "../../etc/passwd"
            #expect(throws: OutboxError.invalidRecord(field: "enrollmentID", reason: "expected a lower-case UUID")) {
                try outbox.append(record)
            }
            record.enrollmentID = "0F3C2A10-7B4E-4D1A-9C55-000000000006"
            #expect(throws: OutboxError.self) { try outbox.append(record) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        }
    }

    @Test(arguments: ["2026-12-04", "2026-12-04T09:00:00+01:00", "2026-12-04T09:00:00.Z", "2026-12-04T09/00:00Z", ""])
    func completedAtThatIsNotUTCIsRejected(completedAt: String) throws {
        var record = OutboxFixture.record(index: 7)
        record.completedAt = completedAt
        #expect(throws: OutboxError.invalidRecord(field: "completedAt", reason: "expected an ISO 8601 UTC time ending in Z")) {
            try Outbox.fileName(for: record)
        }
    }

    @Test func fractionalSecondsInCompletedAtAreAccepted() throws {
        var record = OutboxFixture.record(index: 8)
        record.completedAt = "2026-12-04T09:00:08.123Z"
        #expect(try Outbox.fileName(for: record) == "2026-12-04T09:00:08.123Z-0f3c2a10-7b4e-4d1a-9c55-000000000008.json")
    }

    @Test func existingUsernamesAreLowerCased() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 1, username: "Juergen.Groess"))
            try outbox.append(OutboxFixture.record(index: 2, username: "anna.schmidt"))
            try outbox.append(OutboxFixture.record(index: 3, username: "ANNA.SCHMIDT2", kind: .additionalKey))
            #expect(try outbox.existingUsernames() == ["juergen.groess", "anna.schmidt", "anna.schmidt2"])
        }
    }

    @Test func existingCredentialIDsListEveryRecord() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            let records = (10..<13).map { OutboxFixture.record(index: $0) }
            for record in records { try outbox.append(record) }
            #expect(try outbox.existingCredentialIDs() == Set(records.map(\.credential.credentialID)))
        }
    }

    @Test func emptyOutboxHasNoRecords() throws {
        try withTemporaryDirectory { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            #expect(try outbox.records().isEmpty)
            #expect(try outbox.existingUsernames().isEmpty)
            #expect(try outbox.verify().isClean)
        }
    }

    @Test func logLinesCarryNoPersonalData() throws {
        try withTemporaryDirectory { directory in
            let handler = RecordingLogHandler()
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: handler.logger())
            let record = OutboxFixture.record(index: 9)
            try outbox.append(record)
            _ = try outbox.verify()
            #expect(throws: OutboxError.self) { try outbox.append(record) }

            let lines = handler.lines
            #expect(lines.contains { $0.contains("Outbox record saved") })
            #expect(lines.contains { $0.contains("Outbox record not saved") })
            for word in OutboxFixture.personalData + [record.credential.credentialID] {
                #expect(!lines.contains { $0.contains(word) }, "log contains \(word)")
            }
        }
    }

    @Test func concurrentAppendsStoreEveryRecord() async throws {
        try await withTemporaryDirectoryAsync { directory in
            let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: .disabled)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask { try outbox.append(OutboxFixture.record(index: 100 + index)) }
                }
                try await group.waitForAll()
            }
            let entries = try outbox.records()
            #expect(entries.count == 40)
            #expect(entries.filter { !$0.isVerified }.isEmpty)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }
}

/// Runs async `body` with a fresh directory under /tmp, like `withTemporaryDirectory`.
private func withTemporaryDirectoryAsync(_ body: (String) async throws -> Void) async throws {
    var template = Array("/tmp/kiosk-outbox-test-XXXXXX".utf8CString)
    let created = try #require(mkdtemp(&template))
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try await body(path)
}
