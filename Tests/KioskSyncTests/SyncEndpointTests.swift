import Foundation
import KioskCore
import KioskSync
import KioskTestSupport
import Testing

/// A token file with a chosen mode in a fresh folder.
final class TemporaryTokenFile {
    let folder: TemporaryDirectory
    let path: String

    init(text: String, mode: Int) throws {
        folder = try TemporaryDirectory(prefix: "kiosk-token")
        path = try folder.write(text, to: "token")
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

struct SyncEndpointTests {
    private func settings(_ url: String) -> SyncSettings {
        var settings = SyncSettings()
        settings.serverURL = url
        return settings
    }

    @Test(arguments: ["http://127.0.0.1:8080/v2", "http://localhost/scim", "http://[::1]:8080/v2", "https://iam.stadt.example/scim/v2"])
    func httpsAnywhereAndPlainHttpOnLoopbackAreAccepted(url: String) throws {
        #expect(try SyncEndpoint.make(settings(url)).baseURL.absoluteString == url)
    }

    @Test(arguments: ["http://iam.stadt.example/scim/v2", "http://10.0.0.5/v2", "http://127.example/v2"])
    func plainHttpToAnotherHostIsRefused(url: String) {
        #expect(throws: SyncError.self) { try SyncEndpoint.make(settings(url)) }
    }

    @Test func missingURLIsAConfigurationError() {
        #expect(throws: SyncError.configuration("sync.url is not set in kiosk.conf; set it to the IAM's SCIM base URL")) {
            try SyncEndpoint.make(SyncSettings())
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func tokenFileReadableByOthersIsRefused(mode: Int) throws {
        let token = try TemporaryTokenFile(text: "t", mode: mode)
        var settings = settings("https://iam.stadt.example/v2")
        settings.tokenFile = token.path
        #expect(throws: SyncError.self) { try SyncEndpoint.make(settings) }
    }

    @Test func privateTokenFileIsAccepted() throws {
        let token = try TemporaryTokenFile(text: "t0ken\n", mode: 0o600)
        var settings = settings("https://iam.stadt.example/v2")
        settings.tokenFile = token.path
        _ = try SyncEndpoint.make(settings)
    }

    @Test func clientCertificateAndPrivateKeyAreHandedToTheTransport() throws {
        let key = try TemporaryTokenFile(text: "-----BEGIN PRIVATE KEY-----\n", mode: 0o600)
        let certificate = try key.folder.write("-----BEGIN CERTIFICATE-----\n", to: "client.pem")
        var settings = settings("https://iam.stadt.example/v2")
        settings.caFile = certificate
        settings.clientCertificateFile = certificate
        settings.clientKeyFile = key.path
        let files = try SyncEndpoint.make(settings).tlsFiles
        #expect(files == CurlTransport.TLSFiles(caFile: certificate, clientCertificate: certificate, clientKey: key.path))
    }

    @Test func emptyTLSSettingsMeanTheSystemTrustStoreAndNoClientCertificate() throws {
        #expect(try SyncEndpoint.make(settings("https://iam.stadt.example/v2")).tlsFiles == CurlTransport.TLSFiles())
    }

    @Test(arguments: [0o644, 0o640, 0o604])
    func clientKeyReadableByOthersIsRefused(mode: Int) throws {
        let key = try TemporaryTokenFile(text: "k", mode: mode)
        var settings = settings("https://iam.stadt.example/v2")
        settings.clientCertificateFile = try key.folder.write("c", to: "client.pem")
        settings.clientKeyFile = key.path
        #expect(throws: SyncError.self) { try SyncEndpoint.make(settings) }
    }

    @Test func clientCertificateWithItsKeyInsideMustBePrivate() throws {
        let combined = try TemporaryTokenFile(text: "-----BEGIN CERTIFICATE-----\n", mode: 0o644)
        var settings = settings("https://iam.stadt.example/v2")
        settings.clientCertificateFile = combined.path
        #expect(throws: SyncError.self) { try SyncEndpoint.make(settings) }

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: combined.path)
        #expect(try SyncEndpoint.make(settings).tlsFiles.clientCertificate == combined.path)
    }

    @Test func clientKeyWithoutCertificateIsRefused() throws {
        let key = try TemporaryTokenFile(text: "k", mode: 0o600)
        var settings = settings("https://iam.stadt.example/v2")
        settings.clientKeyFile = key.path
        #expect(throws: SyncError.configuration("sync.client_key is set without sync.client_certificate; set both or neither")) {
            try SyncEndpoint.make(settings)
        }
    }

    @Test func unreadableCAFileIsRefused() {
        var settings = settings("https://iam.stadt.example/v2")
        settings.caFile = "/nonexistent/kiosk-test/iam-ca.pem"
        #expect(throws: SyncError.self) { try SyncEndpoint.make(settings) }
    }
}
