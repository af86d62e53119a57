@testable import KioskVirtualKey
import Testing

@Suite("CTAPHIDChannel framing")
struct CTAPHIDChannelTests {
    static let nonce: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    static func initFrame(cid: [UInt8], command: UInt8, length: Int, data: [UInt8]) -> [UInt8] {
        let frame = cid + [0x80 | command, UInt8(length >> 8), UInt8(length & 0xFF)] + data
        return frame + [UInt8](repeating: 0, count: 64 - frame.count)
    }

    static func continuationFrame(cid: [UInt8], sequence: UInt8, data: [UInt8]) -> [UInt8] {
        let frame = cid + [sequence] + data
        return frame + [UInt8](repeating: 0, count: 64 - frame.count)
    }

    /// Runs INIT on the broadcast channel and returns the new channel id.
    static func allocate(_ channel: inout CTAPHIDChannel) throws -> [UInt8] {
        _ = channel.receive(initFrame(cid: [0xFF, 0xFF, 0xFF, 0xFF], command: 0x06, length: 8, data: nonce))
        let popped = channel.popFrame()
        let reply = try #require(popped)
        return Array(reply[15..<19])
    }

    @Test func initEchoesNonceAndAssignsChannel() throws {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        _ = channel.receive(Self.initFrame(cid: [0xFF, 0xFF, 0xFF, 0xFF], command: 0x06, length: 8, data: Self.nonce))
        let popped = channel.popFrame()
        let reply = try #require(popped)

        #expect(reply.count == 64)
        #expect(Array(reply[0..<4]) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(reply[4] == 0x86)
        #expect(reply[6] == 17)
        #expect(Array(reply[7..<15]) == Self.nonce)
        #expect(Array(reply[15..<19]) != [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(reply[23] & 0x04 != 0, "CBOR capability")
    }

    @Test func unallocatedChannelGetsErrorFrame() throws {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        _ = channel.receive(Self.initFrame(cid: [9, 9, 9, 9], command: 0x10, length: 1, data: [0x04]))
        let popped = channel.popFrame()
        let reply = try #require(popped)

        #expect(reply[4] == 0xBF)
        #expect(reply[7] == 0x0B)
    }

    @Test func wrongSequenceGetsErrorFrame() throws {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        let cid = try Self.allocate(&channel)
        _ = channel.receive(Self.initFrame(cid: cid, command: 0x10, length: 100, data: Array(repeating: 1, count: 57)))
        _ = channel.receive(Self.continuationFrame(cid: cid, sequence: 1, data: Array(repeating: 2, count: 43)))
        let popped = channel.popFrame()
        let reply = try #require(popped)

        #expect(reply[4] == 0xBF)
        #expect(reply[7] == 0x04)
    }

    @Test func messageSpanningFramesIsReassembled() throws {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        let cid = try Self.allocate(&channel)
        let payload = (0..<130).map { UInt8($0) }
        _ = channel.receive(Self.initFrame(cid: cid, command: 0x10, length: 130, data: Array(payload[0..<57])))
        _ = channel.receive(Self.continuationFrame(cid: cid, sequence: 0, data: Array(payload[57..<116])))
        let event = channel.receive(Self.continuationFrame(cid: cid, sequence: 1, data: Array(payload[116...])))

        guard case .message(_, let command, let received) = event else {
            Issue.record("expected a complete message, got \(event)")
            return
        }
        #expect(command == 0x10)
        #expect(received == payload)
    }

    @Test func otherChannelIsBusyDuringReassembly() throws {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        let first = try Self.allocate(&channel)
        let second = try Self.allocate(&channel)
        _ = channel.receive(Self.initFrame(cid: first, command: 0x10, length: 100, data: Array(repeating: 1, count: 57)))
        _ = channel.receive(Self.initFrame(cid: second, command: 0x10, length: 1, data: [0x04]))
        let popped = channel.popFrame()
        let reply = try #require(popped)

        #expect(Array(reply[0..<4]) == second)
        #expect(reply[7] == 0x06)
    }

    @Test func longReplyIsSplitIntoFrames() {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        channel.send(cid: 0x0100_0001, command: 0x10, payload: Array(repeating: 7, count: 200))

        #expect(channel.outgoing.count == 4)
        #expect(channel.outgoing.allSatisfy { $0.count == 64 })
        #expect(channel.outgoing[1][4] == 0)
        #expect(channel.outgoing[3][4] == 2)
    }

    @Test func oversizedMessageIsRejected() throws {
        var channel = CTAPHIDChannel(maxMessageSize: 1200)
        let cid = try Self.allocate(&channel)
        _ = channel.receive(Self.initFrame(cid: cid, command: 0x10, length: 5000, data: []))
        let popped = channel.popFrame()
        let reply = try #require(popped)

        #expect(reply[7] == 0x03)
    }

    @Test func keepaliveFrameSignalsTouchNeeded() {
        let frame = CTAPHIDChannel.keepaliveFrame(cid: 0x0A0B_0C0D, status: 2)
        #expect(Array(frame[0..<8]) == [0x0A, 0x0B, 0x0C, 0x0D, 0xBB, 0, 1, 2])
        #expect(frame.count == 64)
    }
}
