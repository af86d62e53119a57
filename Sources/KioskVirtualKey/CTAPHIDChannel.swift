/// What one received CTAPHID frame means for the authenticator.
enum ChannelEvent {
    /// Nothing to do yet (a continuation frame of an incomplete message, or a framing error
    /// that the channel already answered with an ERROR frame).
    case none
    /// A complete request message.
    case message(cid: UInt32, command: UInt8, payload: [UInt8])
    /// CTAPHID_INIT; the channel already queued the reply.
    case initialize(cid: UInt32)
    /// CTAPHID_CANCEL for the transaction on `cid`.
    case cancel(cid: UInt32)
}

/// CTAPHID framing over 64-byte HID reports (CTAP 2.1 section 11.2.4).
///
/// An init frame is `cid[4] | 0x80|cmd | bcnt (big-endian 16) | data[57]`, a continuation frame
/// is `cid[4] | seq | data[59]`. Replies are queued as whole 64-byte frames for `read`.
struct CTAPHIDChannel {
    static let frameSize = 64
    static let broadcastCID: UInt32 = 0xFFFF_FFFF
    private static let initDataSize = frameSize - 7
    private static let continuationDataSize = frameSize - 5

    private struct Assembly {
        let cid: UInt32
        let command: UInt8
        let length: Int
        var data: [UInt8]
        var nextSequence: UInt8
    }

    private var allocated: Set<UInt32> = []
    private var nextCID: UInt32 = 0x0100_0001
    private var assembly: Assembly?
    /// Frames waiting for the host to read, oldest first.
    private(set) var outgoing: [[UInt8]] = []
    let maxMessageSize: Int

    init(maxMessageSize: Int) { self.maxMessageSize = maxMessageSize }

    /// Forgets channels and queued frames, as a key does when it loses power.
    mutating func reset() {
        allocated = []
        assembly = nil
        outgoing = []
    }

    /// Takes the oldest queued frame.
    mutating func popFrame() -> [UInt8]? { outgoing.isEmpty ? nil : outgoing.removeFirst() }

    /// Parses one 64-byte frame from the host.
    mutating func receive(_ frame: [UInt8]) -> ChannelEvent {
        guard frame.count == Self.frameSize else { return .none }
        let cid = UInt32(frame[0]) << 24 | UInt32(frame[1]) << 16 | UInt32(frame[2]) << 8 | UInt32(frame[3])
        if frame[4] & 0x80 != 0 {
            return receiveInitFrame(frame, cid: cid)
        }
        return receiveContinuation(frame, cid: cid)
    }

    private mutating func receiveInitFrame(_ frame: [UInt8], cid: UInt32) -> ChannelEvent {
        let command = frame[4] & 0x7F
        let length = Int(frame[5]) << 8 | Int(frame[6])
        let data = Array(frame[7..<Self.frameSize])
        if command == CTAPHIDCommand.initialize.rawValue { return initialize(cid: cid, length: length, data: data) }
        guard cid != Self.broadcastCID, cid != 0, allocated.contains(cid) else {
            sendError(cid: cid, .invalidChannel)
            return .none
        }
        if command == CTAPHIDCommand.cancel.rawValue { return .cancel(cid: cid) }
        if let current = assembly, current.cid != cid {
            sendError(cid: cid, .channelBusy)
            return .none
        }
        guard length <= maxMessageSize + 7 else {
            assembly = nil
            sendError(cid: cid, .invalidLength)
            return .none
        }
        assembly = Assembly(cid: cid, command: command, length: length, data: Array(data.prefix(length)), nextSequence: 0)
        return completeIfDone()
    }

    private mutating func receiveContinuation(_ frame: [UInt8], cid: UInt32) -> ChannelEvent {
        guard var current = assembly else { return .none }
        guard current.cid == cid else {
            sendError(cid: cid, .channelBusy)
            return .none
        }
        guard frame[4] == current.nextSequence else {
            assembly = nil
            sendError(cid: cid, .invalidSequence)
            return .none
        }
        current.nextSequence += 1
        current.data += frame[5..<Self.frameSize].prefix(current.length - current.data.count)
        assembly = current
        return completeIfDone()
    }

    private mutating func completeIfDone() -> ChannelEvent {
        guard let current = assembly, current.data.count == current.length else { return .none }
        assembly = nil
        return .message(cid: current.cid, command: current.command, payload: current.data)
    }

    /// Answers INIT: a new channel on the broadcast CID, or a resynchronisation on an existing one.
    private mutating func initialize(cid: UInt32, length: Int, data: [UInt8]) -> ChannelEvent {
        guard length == 8 else {
            sendError(cid: cid, .invalidLength)
            return .none
        }
        let nonce = Array(data.prefix(8))
        var assigned = cid
        if cid == Self.broadcastCID {
            assigned = nextCID
            nextCID = nextCID == 0xFFFF_FFFE ? 1 : nextCID + 1
            allocated.insert(assigned)
        } else if !allocated.contains(cid) {
            sendError(cid: cid, .invalidChannel)
            return .none
        }
        if assembly?.cid == cid || cid == Self.broadcastCID && assembly?.cid == assigned { assembly = nil }
        let cidBytes = Self.bytes(of: assigned)
        // Protocol version 2, device version 5.4.3, capabilities CBOR (0x04) and NMSG (0x08: no U2F).
        let reply = nonce + cidBytes + [2, 5, 4, 3, 0x04 | 0x08]
        send(cid: cid, command: CTAPHIDCommand.initialize.rawValue, payload: reply)
        return .initialize(cid: assigned)
    }

    /// Queues `payload` as an init frame plus as many continuation frames as needed.
    mutating func send(cid: UInt32, command: UInt8, payload: [UInt8]) {
        let header = Self.bytes(of: cid)
        var frame = header + [0x80 | command, UInt8(payload.count >> 8 & 0xFF), UInt8(payload.count & 0xFF)]
        frame += payload.prefix(Self.initDataSize)
        outgoing.append(Self.padded(frame))
        var offset = Self.initDataSize
        var sequence: UInt8 = 0
        while offset < payload.count {
            let chunk = payload[offset..<min(payload.count, offset + Self.continuationDataSize)]
            outgoing.append(Self.padded(header + [sequence] + chunk))
            offset += Self.continuationDataSize
            sequence += 1
        }
    }

    /// Queues a CTAPHID_ERROR frame.
    mutating func sendError(cid: UInt32, _ error: CTAPHIDError) {
        send(cid: cid, command: CTAPHIDCommand.error.rawValue, payload: [error.rawValue])
    }

    /// A KEEPALIVE frame; status 1 is PROCESSING, 2 is UPNEEDED (waiting for a touch).
    static func keepaliveFrame(cid: UInt32, status: UInt8) -> [UInt8] {
        padded(bytes(of: cid) + [0x80 | CTAPHIDCommand.keepalive.rawValue, 0, 1, status])
    }

    private static func padded(_ frame: [UInt8]) -> [UInt8] {
        frame + [UInt8](repeating: 0, count: frameSize - frame.count)
    }

    private static func bytes(of cid: UInt32) -> [UInt8] {
        [UInt8(cid >> 24 & 0xFF), UInt8(cid >> 16 & 0xFF), UInt8(cid >> 8 & 0xFF), UInt8(cid & 0xFF)]
    }
}
