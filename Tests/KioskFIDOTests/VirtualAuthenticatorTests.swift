import CFido2
import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskVirtualKey
import Testing

/// Virtual-key behaviour that the kiosk session does not use, driven with plain libfido2 calls.
@Suite("VirtualAuthenticator through raw libfido2 calls")
struct VirtualAuthenticatorTests {
    /// A libfido2 device opened on the fixture's key; closed and freed in deinit.
    final class RawDevice {
        let handle: OpaquePointer

        init(_ fixture: VirtualKeyFixture) throws {
            handle = try #require(fido_dev_new())
            var io = VirtualAuthenticator.fidoIO
            #expect(fido_dev_set_io_functions(handle, &io) == FIDO_OK)
            try #require(fido_dev_open(handle, fixture.key.configuration.path) == FIDO_OK)
        }

        deinit {
            _ = fido_dev_close(handle)
            var pointer: OpaquePointer? = handle
            fido_dev_free(&pointer)
        }

        func retries() -> Int32 {
            var count: Int32 = -1
            _ = fido_dev_get_retry_count(handle, &count)
            return count
        }
    }

    private func register(_ fixture: VirtualKeyFixture, userName: String) throws -> RegisteredCredential {
        let session = try fixture.open()
        defer { session.close() }
        return try session.makeCredential(VirtualKeyFixture.credentialRequest(userName: userName), pin: .pin("1234"))
    }

    @Test func changePINReplacesOldPIN() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let device = try RawDevice(fixture)

        #expect(fido_dev_set_pin(device.handle, "Ölfaß-99", "1234") == FIDO_OK)
        #expect(device.retries() == 8)
        let session = try fixture.open()
        defer { session.close() }
        #expect(throws: SecurityKeyError.pinInvalid(retriesLeft: 7)) {
            _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1234"))
        }
        _ = try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("Ölfaß-99"))
    }

    @Test func changePINWithWrongOldPINCostsARetry() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let device = try RawDevice(fixture)

        #expect(fido_dev_set_pin(device.handle, "5678", "0000") == FIDO_ERR_PIN_INVALID)
        #expect(device.retries() == 7)
        #expect(fixture.key.hasPIN)
    }

    @Test func discoverableSignInReturnsAllCredentialsNewestFirst() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let older = try register(fixture, userName: "erste.person")
        let newer = try register(fixture, userName: "zweite.person")
        let device = try RawDevice(fixture)
        let assertion = try #require(fido_assert_new())
        defer {
            var pointer: OpaquePointer? = assertion
            fido_assert_free(&pointer)
        }
        let clientDataHash = SHA256.hash(Array("sign-in".utf8))
        #expect(fido_assert_set_clientdata_hash(assertion, clientDataHash, clientDataHash.count) == FIDO_OK)
        #expect(fido_assert_set_rp(assertion, VirtualKeyFixture.rpID) == FIDO_OK)

        #expect(fido_dev_get_assert(device.handle, assertion, "1234") == FIDO_OK)
        #expect(fido_assert_count(assertion) == 2)
        let ids = (0..<fido_assert_count(assertion)).map { index in
            Array(UnsafeBufferPointer(start: fido_assert_id_ptr(assertion, index), count: fido_assert_id_len(assertion, index)))
        }
        #expect(ids == [newer.credentialID, older.credentialID])
        #expect(fido_assert_user_name(assertion, 0).map { String(cString: $0) } == "zweite.person")
    }

    @Test func signInForUnknownRPFindsNoCredential() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        _ = try register(fixture, userName: "m.mustermann")
        let device = try RawDevice(fixture)
        let assertion = try #require(fido_assert_new())
        defer {
            var pointer: OpaquePointer? = assertion
            fido_assert_free(&pointer)
        }
        let clientDataHash = SHA256.hash(Array("sign-in".utf8))
        #expect(fido_assert_set_clientdata_hash(assertion, clientDataHash, clientDataHash.count) == FIDO_OK)
        #expect(fido_assert_set_rp(assertion, "other.example") == FIDO_OK)

        #expect(fido_dev_get_assert(device.handle, assertion, "1234") == FIDO_ERR_NO_CREDENTIALS)
    }

    @Test func sameUserHandleReplacesCredential() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        let session = try fixture.open()
        defer { session.close() }
        let request = VirtualKeyFixture.credentialRequest()

        let first = try session.makeCredential(request, pin: .pin("1234"))
        let second = try session.makeCredential(request, pin: .pin("1234"))
        #expect(first.credentialID != second.credentialID)
        #expect(fixture.key.credentialCount == 1)
    }

    @Test func replugClearsAuthBlockButKeepsRetries() throws {
        let fixture = try VirtualKeyFixture(pin: "1234")
        do {
            let device = try RawDevice(fixture)
            for _ in 0..<3 { _ = fido_dev_set_pin(device.handle, "5678", "0000") }
            #expect(fido_dev_set_pin(device.handle, "5678", "1234") == FIDO_ERR_PIN_AUTH_BLOCKED)
        }
        fixture.key.unplug()
        fixture.key.plugIn()

        let device = try RawDevice(fixture)
        #expect(device.retries() == 5)
        #expect(fido_dev_set_pin(device.handle, "5678", "1234") == FIDO_OK)
    }

    @Test func unpluggedKeyCannotBeOpened() throws {
        let fixture = try VirtualKeyFixture()
        fixture.key.unplug()
        let handle = try #require(fido_dev_new())
        defer {
            var pointer: OpaquePointer? = handle
            fido_dev_free(&pointer)
        }
        var io = VirtualAuthenticator.fidoIO
        #expect(fido_dev_set_io_functions(handle, &io) == FIDO_OK)

        #expect(fido_dev_open(handle, fixture.key.configuration.path) != FIDO_OK)
    }

    @Test func releasedKeyFreesItsPath() throws {
        let directory = NSTemporaryDirectory() + "kiosk-fido-tests/" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = VirtualKeyConfiguration(path: "virtual:released-" + UUID().uuidString)
        var key: VirtualAuthenticator? = try VirtualAuthenticator(configuration: configuration, dataDirectory: directory)
        #expect(VirtualAuthenticator.attached(path: configuration.path) === key)

        key = nil
        #expect(VirtualAuthenticator.attached(path: configuration.path) == nil)
        _ = try VirtualAuthenticator(configuration: configuration, dataDirectory: directory)
    }
}
