import Foundation
import KioskCore
import KioskCrypto
import Testing

@testable import KioskOutbox

/// Tampering cases: each stores good records, changes one file on disk the way an attacker or a
/// broken tool would, and checks that verification names exactly that file with the right reason.
@Suite struct OutboxEnvelopeTests {
    @Test func flippedPayloadByteIsReportedAsTamperedPayload() throws {
        try withStoredRecords(count: 3) { outbox, directory, fileNames in
            try rewriteEnvelope(directory + "/" + fileNames[1]) { envelope in
                var payload = try #require(Data(base64Encoded: envelope.payload))
                let index = try #require(payload.firstRange(of: Data(#""username":"juergen"#.utf8))?.upperBound)
                payload[index - 7] ^= 0x01
                envelope.payload = payload.base64EncodedString()
            }
            let report = try outbox.verify()
            #expect(report.checkedFileCount == 3)
            #expect(report.failures == [OutboxVerificationFailure(fileName: fileNames[1], problem: .tamperedPayload)])
            let tampered = try outbox.records()[1]
            #expect(tampered.record?.account.username == "kuergen.groess")
        }
    }

    @Test func flippedRawFileByteInPayloadNamesThatFile() throws {
        try withStoredRecords(count: 2) { outbox, directory, fileNames in
            let path = directory + "/" + fileNames[0]
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let payloadStart = try #require(bytes.firstRange(of: Data(#""payload" : ""#.utf8))?.upperBound)
            bytes[payloadStart + 100] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: path))

            let report = try outbox.verify()
            #expect(report.failures.map(\.fileName) == [fileNames[0]])
        }
    }

    @Test func recordSignedByAnotherKeyIsReportedAsWrongKey() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            let otherKey = try Ed25519Key.generate()
            let intruder = try Outbox(directory: directory, signingKey: otherKey, logger: .disabled)
            let forgedName = try intruder.append(OutboxFixture.record(index: 50))

            let report = try outbox.verify()
            let expectedKeyID = OutboxEnvelope.keyID(of: otherKey.publicKey)
            #expect(report.failures == [OutboxVerificationFailure(fileName: forgedName, problem: .wrongKey(keyID: expectedKeyID))])
            #expect(try outbox.records().filter(\.isVerified).map(\.fileName) == fileNames)
        }
    }

    @Test func otherKeySignatureUnderOwnPublicKeyIsTamperedPayload() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            let otherKey = try Ed25519Key.generate()
            try rewriteEnvelope(directory + "/" + fileNames[0]) { envelope in
                let payload = try #require(Data(base64Encoded: envelope.payload))
                envelope.signature = Base64URL.encode(try otherKey.sign(Array(payload)))
            }
            #expect(try outbox.verify().failures.map(\.problem) == [.tamperedPayload])
        }
    }

    @Test func keyIDThatDoesNotMatchPublicKeyIsWrongKey() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            try rewriteEnvelope(directory + "/" + fileNames[0]) { envelope in envelope.keyID = "0123456789abcdef" }
            #expect(try outbox.verify().failures.map(\.problem) == [.wrongKey(keyID: "0123456789abcdef")])
        }
    }

    @Test func shortSignatureIsBadSignature() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            try rewriteEnvelope(directory + "/" + fileNames[0]) { envelope in
                envelope.signature = String(envelope.signature.dropLast(4))
            }
            #expect(try outbox.verify().failures.map(\.problem.code) == ["bad-signature"])
        }
    }

    @Test func notJSONIsUnreadableJSON() throws {
        try withStoredRecords(count: 2) { outbox, directory, fileNames in
            try Data("Müller; not json".utf8).write(to: URL(fileURLWithPath: directory + "/" + fileNames[1]))
            let failures = try outbox.verify().failures
            #expect(failures == [OutboxVerificationFailure(fileName: fileNames[1], problem: .unreadableJSON(detail: "not valid JSON"))])
        }
    }

    @Test func truncatedFileIsUnreadableJSON() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            let path = directory + "/" + fileNames[0]
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
            #expect(try outbox.verify().failures.map(\.problem.code) == ["unreadable-json"])
        }
    }

    @Test func missingSignatureFieldIsUnreadableJSON() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            let path = directory + "/" + fileNames[0]
            var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: String])
            json["signature"] = nil
            try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
            #expect(try outbox.verify().failures.map(\.problem) == [.unreadableJSON(detail: "missing field signature")])
        }
    }

    @Test func unknownFormatIsUnsupportedFormat() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            try rewriteEnvelope(directory + "/" + fileNames[0]) { envelope in envelope.format = "kiosk-outbox-v2" }
            #expect(try outbox.verify().failures.map(\.problem) == [.unsupportedFormat("kiosk-outbox-v2")])
        }
    }

    @Test func copiedRecordUnderOtherNameIsFileNameMismatch() throws {
        try withStoredRecords(count: 1) { outbox, directory, fileNames in
            let copyName = "2026-12-05T10:00:00Z-0f3c2a10-7b4e-4d1a-9c55-0000000000ff.json"
            try FileManager.default.copyItem(atPath: directory + "/" + fileNames[0], toPath: directory + "/" + copyName)
            let failures = try outbox.verify().failures
            #expect(failures == [OutboxVerificationFailure(fileName: copyName, problem: .fileNameMismatch(expected: fileNames[0]))])
        }
    }

    @Test func verifyLogsFileAndReasonWithoutPersonalData() throws {
        let handler = RecordingLogHandler()
        try withStoredRecords(count: 1, logger: handler.logger()) { outbox, directory, fileNames in
            try rewriteEnvelope(directory + "/" + fileNames[0]) { envelope in envelope.format = "x" }
            _ = try outbox.verify()
        }
        let warnings = handler.lines.filter { $0.contains("Outbox file failed verification") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("reason=unsupported-format") == true)
        for word in OutboxFixture.personalData {
            #expect(!handler.lines.contains { $0.contains(word) }, "log contains \(word)")
        }
    }

    @Test func openAcceptsSealedEnvelopeAndReturnsRecord() throws {
        let key = try OutboxFixture.fixedKey()
        let record = OutboxFixture.record(index: 3)
        let bytes = try OutboxEnvelope.seal(record, with: key).encoded()
        let opened = OutboxEnvelope.open(bytes, trustedPublicKey: key.publicKey)
        #expect(opened.record == record)
        #expect(opened.problem == nil)
    }
}

/// Stores `count` records with the fixed key and passes the outbox, its directory and the file names.
private func withStoredRecords(
    count: Int, logger: Logger = .disabled, _ body: (Outbox, String, [String]) throws -> Void
) throws {
    try withTemporaryDirectory { directory in
        let outbox = try Outbox(directory: directory, signingKey: OutboxFixture.fixedKey(), logger: logger)
        let fileNames = try (0..<count).map { try outbox.append(OutboxFixture.record(index: $0)) }
        try body(outbox, directory, fileNames)
    }
}

/// Decodes the envelope at `path`, lets `change` edit it and writes it back.
private func rewriteEnvelope(_ path: String, _ change: (inout OutboxEnvelope) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    var envelope = try JSONDecoder().decode(OutboxEnvelope.self, from: Data(contentsOf: url))
    try change(&envelope)
    try Data(try envelope.encoded()).write(to: url)
}
