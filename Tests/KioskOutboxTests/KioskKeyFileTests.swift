import Foundation
import KioskCore
import KioskCrypto
import Testing

@testable import KioskOutbox

#if canImport(Glibc)
import Glibc
#endif

@Suite struct KioskKeyFileTests {
    @Test func firstStartCreatesKeyFileWithMode0600() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/" + KioskKeyFile.defaultFileName
            let handler = RecordingLogHandler()
            let key = try KioskKeyFile.loadOrCreate(at: path, logger: handler.logger())

            #expect(permissions(of: path) == 0o600)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
            let created = handler.lines.filter { $0.contains("Kiosk signing key created") }
            #expect(created.count == 1)
            #expect(created.first?.contains("keyID=\(OutboxEnvelope.keyID(of: key.publicKey))") == true)
            #expect(try temporaryFiles(in: directory).isEmpty)
        }
    }

    @Test func secondStartLoadsSameKey() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/kiosk-signing-key.pem"
            let first = try KioskKeyFile.loadOrCreate(at: path, logger: .disabled)
            let second = try KioskKeyFile.loadOrCreate(at: path, logger: .disabled)
            #expect(first.publicKey == second.publicKey)
        }
    }

    @Test func missingDataDirectoryIsCreatedWithMode0700() throws {
        try withTemporaryDirectory { base in
            let directory = base + "/data"
            _ = try KioskKeyFile.loadOrCreate(at: directory + "/kiosk-signing-key.pem", logger: .disabled)
            #expect(permissions(of: directory) == 0o700)
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o620, 0o660])
    func sharedKeyFileModeIsRejected(mode: Int) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/kiosk-signing-key.pem"
            _ = try KioskKeyFile.loadOrCreate(at: path, logger: .disabled)
            #expect(chmod(path, mode_t(mode)) == 0)

            let error = #expect(throws: KioskKeyFileError.self) { try KioskKeyFile.loadOrCreate(at: path, logger: .disabled) }
            #expect(error == .insecurePermissions(path: path, mode: UInt32(mode)))
            let message = error?.description ?? ""
            #expect(message.contains("Key file \(path) is accessible by group or others (mode \(String(mode, radix: 8)))"))
            #expect(message.hasSuffix("Fix with: chmod 600 \(path)"))
        }
    }

    @Test func ownerOnlyModeStricterThan0600IsAccepted() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/kiosk-signing-key.pem"
            let created = try KioskKeyFile.loadOrCreate(at: path, logger: .disabled)
            #expect(chmod(path, 0o400) == 0)
            #expect(try KioskKeyFile.load(from: path).publicKey == created.publicKey)
        }
    }

    @Test func symbolicLinkToKeyIsRejected() throws {
        try withTemporaryDirectory { directory in
            let target = directory + "/real.pem"
            _ = try KioskKeyFile.loadOrCreate(at: target, logger: .disabled)
            let link = directory + "/kiosk-signing-key.pem"
            #expect(symlink(target, link) == 0)
            #expect(throws: KioskKeyFileError.notARegularFile(path: link)) { try KioskKeyFile.load(from: link) }
        }
    }

    @Test func directoryAtKeyPathIsRejected() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/kiosk-signing-key.pem"
            #expect(mkdir(path, 0o700) == 0)
            #expect(throws: KioskKeyFileError.notARegularFile(path: path)) {
                try KioskKeyFile.loadOrCreate(at: path, logger: .disabled)
            }
        }
    }

    @Test func garbageKeyFileIsInvalidKeyAndNotReplaced() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/kiosk-signing-key.pem"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            try #require(fd >= 0)
            _ = "Schlüssel kaputt\n".withCString { write(fd, $0, strlen($0)) }
            close(fd)

            let error = #expect(throws: KioskKeyFileError.self) { try KioskKeyFile.loadOrCreate(at: path, logger: .disabled) }
            guard case .invalidKey(let reportedPath, _) = error else {
                Issue.record("expected invalidKey, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "Schlüssel kaputt\n")
        }
    }

    @Test func keyFileSignsRecordsThatOutboxVerifies() throws {
        try withTemporaryDirectory { directory in
            let key = try KioskKeyFile.loadOrCreate(at: directory + "/kiosk-signing-key.pem", logger: .disabled)
            let outbox = try Outbox(directory: directory + "/outbox", signingKey: key, logger: .disabled)
            try outbox.append(OutboxFixture.record(index: 0))
            let reloaded = try KioskKeyFile.load(from: directory + "/kiosk-signing-key.pem")
            let reopened = try Outbox(directory: directory + "/outbox", signingKey: reloaded, logger: .disabled)
            #expect(try reopened.verify() == OutboxVerificationReport(checkedFileCount: 1, failures: []))
        }
    }

    @Test func leftoverTemporaryKeyFileIsRemoved() throws {
        try withTemporaryDirectory { directory in
            // Simulated crash during key creation: a partial PEM under the temporary name, no key file.
            try Data("-----BEGIN PRIV".utf8).write(to: URL(fileURLWithPath: directory + "/.kiosk-key-0000000000000001.tmp"))
            let handler = RecordingLogHandler()
            _ = try KioskKeyFile.loadOrCreate(at: directory + "/kiosk-signing-key.pem", logger: handler.logger())
            #expect(try temporaryFiles(in: directory).isEmpty)
            #expect(handler.lines.contains { $0.contains("Removed temporary key files") })
        }
    }
}
