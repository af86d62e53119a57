import Foundation
import KioskCore
import KioskFIDO
import KioskVirtualKey
import Testing

@Suite("Fido2KeyProvider device listing")
struct Fido2KeyProviderTests {
    @Test func devicesListsAttachedVirtualKey() throws {
        let fixture = try VirtualKeyFixture()
        let devices = try fixture.provider.devices()

        #expect(devices.count == 1)
        #expect(devices.first?.path == fixture.key.configuration.path)
        #expect(devices.first?.product == "Virtual YubiKey (demo)")
        #expect(devices.first?.manufacturer == "Kiosk Demo")
    }

    @Test func devicesOmitsUnpluggedKey() throws {
        let fixture = try VirtualKeyFixture()
        fixture.key.unplug()
        #expect(try fixture.provider.devices().isEmpty)

        fixture.key.plugIn()
        #expect(try fixture.provider.devices().count == 1)
    }

    @Test func devicesListsSeveralVirtualKeys() throws {
        let first = try VirtualKeyFixture()
        let second = try VirtualKeyFixture()
        let provider = Fido2KeyProvider(virtualKeys: [first.key, second.key], includeUSB: false, logger: .disabled)

        #expect(try provider.devices().map(\.path) == [first.key.configuration.path, second.key.configuration.path])
    }

    @Test func openUnpluggedKeyThrowsKeyRemoved() throws {
        let fixture = try VirtualKeyFixture()
        let device = try #require(try fixture.provider.devices().first)
        fixture.key.unplug()

        #expect(throws: SecurityKeyError.keyRemoved) { _ = try fixture.provider.open(device) }
    }

    @Test func openUnknownVirtualPathFails() throws {
        let fixture = try VirtualKeyFixture()
        let device = SecurityKeyDevice(path: "virtual:nobody-" + UUID().uuidString, manufacturer: "", product: "")

        #expect(throws: SecurityKeyError.self) { _ = try fixture.provider.open(device) }
    }

    @Test func sessionsOnTwoKeysRunSideBySide() async throws {
        let first = try VirtualKeyFixture(pin: "1111", touch: .after(.milliseconds(50)))
        let second = try VirtualKeyFixture(pin: "2222", touch: .after(.milliseconds(50)))

        async let one = Task.detached {
            let session = try first.open()
            defer { session.close() }
            return try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("1111")).credentialID
        }.value
        async let two = Task.detached {
            let session = try second.open()
            defer { session.close() }
            return try session.makeCredential(VirtualKeyFixture.credentialRequest(), pin: .pin("2222")).credentialID
        }.value
        let ids = try await [one, two]
        #expect(ids[0] != ids[1])
        #expect(first.key.credentialCount == 1)
        #expect(second.key.credentialCount == 1)
    }
}
