import Foundation
import KioskCore
import KioskSync
import Testing

/// The sync over https through CurlTransport: a test CA made with openssl, and
/// Tests/SCIMPeer/tls_front.py ending TLS in front of the real scim2-server on 127.0.0.1.
extension SCIMServerTests {
@Suite(.timeLimit(.minutes(2)))
struct SyncTLSTests {
    @Test(arguments: ["127.0.0.1", "localhost"])
    func caFileMakesHTTPSSyncSucceed(host: String) throws {
        let certificates = try TestCertificates()
        let server = try SCIMServer()
        let front = try TLSFront(server: server, certificates: certificates)
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<3).map { SyncRecords.record(index: $0) })
        var settings = kiosk.settings(url: front.baseURL(host: host))
        settings.caFile = certificates.caPath

        let report = try kiosk.sync(settings)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(try server.allUsers().count == 3)
    }

    @Test func withoutTheCAFileTheSystemTrustStoreRefusesTheServerAsAConfigurationError() throws {
        let certificates = try TestCertificates()
        let server = try SCIMServer()
        let front = try TLSFront(server: server, certificates: certificates)
        let kiosk = try SyncKiosk()
        try kiosk.add([SyncRecords.record(index: 0)])

        let report = try kiosk.sync(kiosk.settings(url: front.baseURL(), attempts: 3))

        #expect(report.exitStatus == SyncReport.exitConfiguration)
        guard case .configuration(let detail) = report.stopReason else {
            Issue.record("expected a configuration stop, got \(String(describing: report.stopReason))")
            return
        }
        #expect(detail.contains("CURLE_PEER_FAILED_VERIFICATION"))
        #expect(detail.contains("sync.ca_file"))
        #expect(report.retried == 0)
        #expect(try server.allUsers().isEmpty)
    }

    @Test func certificateForAnotherHostIsRejectedDespiteTheCAFile() throws {
        let certificates = try TestCertificates(serverNames: "DNS:iam.stadt.example")
        let server = try SCIMServer()
        let front = try TLSFront(server: server, certificates: certificates)
        let kiosk = try SyncKiosk()
        try kiosk.add([SyncRecords.record(index: 0)])
        var settings = kiosk.settings(url: front.baseURL())
        settings.caFile = certificates.caPath

        let report = try kiosk.sync(settings)

        #expect(report.exitStatus == SyncReport.exitConfiguration)
        guard case .configuration(let detail) = report.stopReason else {
            Issue.record("expected a configuration stop, got \(String(describing: report.stopReason))")
            return
        }
        #expect(detail.contains("CURLE_PEER_FAILED_VERIFICATION"))
        #expect(try server.allUsers().isEmpty)
    }

    @Test func kioskSyncCommandExitsWith78AndNamesTheCertificateProblem() throws {
        try #require(FileManager.default.isExecutableFile(atPath: SyncKillTests.kioskBinary), "build the kiosk binary first")
        let certificates = try TestCertificates()
        let server = try SCIMServer()
        let front = try TLSFront(server: server, certificates: certificates)
        let kiosk = try SyncKiosk()
        try kiosk.add([SyncRecords.record(index: 0)])

        let refused = try runTool(SyncKillTests.kioskBinary, ["sync", "--config", try kiosk.writeConfig(url: front.baseURL())])
        #expect(refused.status == SyncReport.exitConfiguration)
        #expect(refused.output.contains("certificate"))
        #expect(!refused.output.contains(SCIMServer.token))

        let config = try kiosk.writeConfig(url: front.baseURL(), syncLines: ["ca_file = \(certificates.caPath)"])
        let accepted = try runTool(SyncKillTests.kioskBinary, ["sync", "--config", config])
        #expect(accepted.status == SyncReport.exitDone, "\(accepted.output)")
        #expect(try server.allUsers().count == 1)
    }

    @Test func serverDemandingAClientCertificateAcceptsTheConfiguredOne() throws {
        let certificates = try TestCertificates()
        let server = try SCIMServer()
        let front = try TLSFront(server: server, certificates: certificates, requireClientCertificate: true)
        let kiosk = try SyncKiosk()
        try kiosk.add((0..<3).map { SyncRecords.record(index: $0) })
        var settings = kiosk.settings(url: front.baseURL())
        settings.caFile = certificates.caPath
        settings.clientCertificateFile = certificates.clientCertificatePath
        settings.clientKeyFile = certificates.clientKeyPath

        let report = try kiosk.sync(settings)

        #expect(report.exitStatus == SyncReport.exitDone)
        #expect(try server.allUsers().count == 3)
    }

    @Test func serverDemandingAClientCertificateRefusesASyncWithoutOne() throws {
        let certificates = try TestCertificates()
        let server = try SCIMServer()
        let front = try TLSFront(server: server, certificates: certificates, requireClientCertificate: true)
        let kiosk = try SyncKiosk()
        try kiosk.add([SyncRecords.record(index: 0)])
        var settings = kiosk.settings(url: front.baseURL(), attempts: 3)
        settings.caFile = certificates.caPath

        let report = try kiosk.sync(settings)

        #expect(report.exitStatus == SyncReport.exitConfiguration)
        guard case .configuration(let detail) = report.stopReason else {
            Issue.record("expected a configuration stop, got \(String(describing: report.stopReason))")
            return
        }
        #expect(detail.contains("certificate"))
        #expect(try server.allUsers().isEmpty)
    }
}
}
