import KioskCore
import Testing

struct SyncSettingsTests {
    @Test func syncAndOutboxSectionsAreRead() throws {
        let config = try KioskConfig.parse(text: """
            [sync]
            url = https://iam.stadt.example/scim/v2
            token_file = /etc/kiosk/scim-token
            ca_file = /etc/kiosk/iam-ca.pem
            max_attempts = 7
            retry_delay_ms = 250
            timeout_seconds = 12
            bulk = off
            [outbox]
            retention_days = 30
            """)
        #expect(config.sync.serverURL == "https://iam.stadt.example/scim/v2")
        #expect(config.sync.tokenFile == "/etc/kiosk/scim-token")
        #expect(config.sync.caFile == "/etc/kiosk/iam-ca.pem")
        #expect(config.sync.maxAttempts == 7)
        #expect(config.sync.retryDelayMilliseconds == 250)
        #expect(config.sync.requestTimeoutSeconds == 12)
        #expect(config.sync.useBulk == false)
        #expect(config.sync.retentionDays == 30)
    }

    @Test func defaultsWhenTheSectionsAreMissing() throws {
        let sync = try KioskConfig.parse(text: "").sync
        #expect(sync == SyncSettings())
        #expect(sync.serverURL.isEmpty && sync.maxAttempts == 5 && sync.useBulk && sync.retentionDays == 90)
    }

    @Test(arguments: [
        "[sync]\nurl = ftp://iam.example/v2", "[sync]\nmax_attempts = 0", "[sync]\nmax_attempts = 21",
        "[sync]\nbulk = yes", "[sync]\ntimeout_seconds = 0", "[outbox]\nretention_days = -1",
    ])
    func invalidValuesAreRejected(text: String) {
        #expect(throws: KioskConfigError.self) { try KioskConfig.parse(text: text) }
    }
}
