import CFido2
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Live virtual keys by device path; libfido2's `open` callback gets only the path.
enum VirtualKeyRegistry {
    /// A class, not a struct: a `weak` field inside a struct stored in a `Mutex` crashed in
    /// `swift_weakLoadStrong` with Swift 6.3.1 on Linux, while a heap box works.
    private final class WeakEntry: @unchecked Sendable {
        weak var key: VirtualAuthenticator?
        let identifier: ObjectIdentifier

        init(key: VirtualAuthenticator, identifier: ObjectIdentifier) {
            self.key = key
            self.identifier = identifier
        }
    }

    private static let entries = Mutex<[String: WeakEntry]>([:])

    static func register(_ key: VirtualAuthenticator) throws(VirtualKeyError) {
        let path = key.configuration.path
        let added = entries.withLock { table in
            if table[path]?.key != nil { return false }
            table[path] = WeakEntry(key: key, identifier: ObjectIdentifier(key))
            return true
        }
        guard added else { throw .pathInUse(path) }
    }

    /// Removes the entry of the key with `identifier`; a newer key on the same path stays.
    static func unregister(path: String, identifier: ObjectIdentifier) {
        entries.withLock { table in
            if table[path]?.identifier == identifier { table[path] = nil }
        }
    }

    static func lookup(_ path: String) -> VirtualAuthenticator? {
        entries.withLock { $0[path]?.key }
    }
}

extension VirtualAuthenticator {
    /// libfido2 I/O callbacks that reach attached virtual keys by path.
    ///
    /// Pass them to `fido_dev_set_io_functions` before `fido_dev_open(dev, path)`. With
    /// `fido_dev_new_with_info`, set them again after creating the device: libfido2 1.12 only
    /// switches to 64-byte reports for custom I/O when transport callbacks are also present.
    public static var fidoIO: fido_dev_io_t {
        fido_dev_io_t(open: virtualKeyOpen, close: virtualKeyClose, read: virtualKeyRead, write: virtualKeyWrite)
    }

    /// Looks up an attached virtual key by device path.
    public static func attached(path: String) -> VirtualAuthenticator? { VirtualKeyRegistry.lookup(path) }

    /// Handles one HID output report: a report ID byte (0) followed by a 64-byte frame.
    ///
    /// - Returns: the number of bytes taken, or -1 when the key is unplugged or the length is wrong.
    func writeReport(_ report: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard report.count == CTAPHIDChannel.frameSize + 1 else { return -1 }
        let frame = Array(report.dropFirst())
        return state.withLock { device in
            guard !device.isRemoved else { return -1 }
            device.handleFrame(frame)
            return Int32(report.count)
        }
    }

    /// Fills `buffer` with the next 64-byte input report, waiting up to `timeoutMilliseconds`
    /// (negative waits without limit). Sends KEEPALIVE every 100 ms while a touch is pending.
    ///
    /// - Returns: 64, or -1 on timeout or when the key is unplugged.
    func readReport(into buffer: UnsafeMutableBufferPointer<UInt8>, timeoutMilliseconds: Int32) -> Int32 {
        guard buffer.count >= CTAPHIDChannel.frameSize else { return -1 }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now + .milliseconds(Int(timeoutMilliseconds))
        while true {
            let step = state.withLock { $0.nextReadStep(now: clock.now) }
            switch step {
            case .frame(let frame):
                for index in 0..<CTAPHIDChannel.frameSize { buffer[index] = frame[index] }
                return Int32(CTAPHIDChannel.frameSize)
            case .failed:
                return -1
            case .wait:
                if let deadline, clock.now >= deadline { return -1 }
                usleep(2_000)
            }
        }
    }
}

/// Next action of the `read` callback.
enum ReadStep {
    case frame([UInt8])
    case failed
    case wait
}

extension DeviceState {
    static let keepaliveInterval = Duration.milliseconds(100)

    /// Routes one complete frame from the host.
    mutating func handleFrame(_ frame: [UInt8]) {
        switch channel.receive(frame) {
        case .none:
            break
        case .initialize(let cid):
            if pending?.cid == cid { pending = nil }
        case .cancel(let cid):
            if pending?.cid == cid { pending?.cancelled = true }
        case .message(let cid, let command, let payload):
            dispatch(cid: cid, command: command, payload: payload)
        }
    }

    private mutating func dispatch(cid: UInt32, command: UInt8, payload: [UInt8]) {
        guard pending == nil else {
            channel.sendError(cid: cid, .channelBusy)
            return
        }
        switch CTAPHIDCommand(rawValue: command) {
        case .ping:
            channel.send(cid: cid, command: command, payload: payload)
        case .wink:
            channel.send(cid: cid, command: command, payload: [])
        case .cbor:
            runCBOR(cid: cid, payload: payload)
        default:
            channel.sendError(cid: cid, .invalidCommand)
        }
    }

    private mutating func runCBOR(cid: UInt32, payload: [UInt8]) {
        switch core.handle(payload) {
        case .reply(let reply):
            channel.send(cid: cid, command: CTAPHIDCommand.cbor.rawValue, payload: reply)
        case .awaitTouch(let action):
            let now = ContinuousClock.now
            touchRequests += 1
            pending = PendingTouch(cid: cid, action: action, started: now, nextKeepalive: now)
        case .unplug:
            unplug()
        case .reset:
            let now = ContinuousClock.now
            guard now - pluggedInAt <= resetWindow else {
                channel.send(cid: cid, command: CTAPHIDCommand.cbor.rawValue, payload: [CTAPStatus.notAllowed.rawValue])
                return
            }
            touchRequests += 1
            pending = PendingTouch(cid: cid, action: .reset, started: now, nextKeepalive: now)
        }
    }

    /// Decides the next input report: a queued frame, a keepalive, the finished reply, or wait.
    mutating func nextReadStep(now: ContinuousClock.Instant) -> ReadStep {
        if isRemoved { return .failed }
        if let frame = channel.popFrame() { return .frame(frame) }
        guard var waiting = pending else { return .wait }
        let elapsed = now - waiting.started
        if case .unplugAfter(let delay) = touch, elapsed >= delay {
            unplug()
            return .failed
        }
        if waiting.cancelled {
            finishPending(waiting, reply: [CTAPStatus.keepaliveCancel.rawValue])
        } else if isTouched(after: elapsed) {
            finishPending(waiting, reply: core.complete(waiting.action))
        } else if elapsed >= userPresenceTimeout {
            finishPending(waiting, reply: [CTAPStatus.userActionTimeout.rawValue])
        } else if now >= waiting.nextKeepalive {
            waiting.nextKeepalive = now + Self.keepaliveInterval
            pending = waiting
            return .frame(CTAPHIDChannel.keepaliveFrame(cid: waiting.cid, status: 2))
        } else {
            return .wait
        }
        return channel.popFrame().map(ReadStep.frame) ?? .wait
    }

    private func isTouched(after elapsed: Duration) -> Bool {
        switch touch {
        case .immediate: true
        case .after(let delay): elapsed >= delay
        case .never, .unplugAfter: false
        }
    }

    private mutating func finishPending(_ waiting: PendingTouch, reply: [UInt8]) {
        pending = nil
        channel.send(cid: waiting.cid, command: CTAPHIDCommand.cbor.rawValue, payload: reply)
    }
}

// MARK: - C callbacks (fido_dev_io_t); top-level because C function pointers cannot capture.

private func virtualKeyOpen(_ path: UnsafePointer<CChar>?) -> UnsafeMutableRawPointer? {
    guard let path, let key = VirtualKeyRegistry.lookup(String(cString: path)), key.isPluggedIn else { return nil }
    return Unmanaged.passRetained(key).toOpaque()
}

private func virtualKeyClose(_ handle: UnsafeMutableRawPointer?) {
    guard let handle else { return }
    Unmanaged<VirtualAuthenticator>.fromOpaque(handle).release()
}

private func virtualKeyRead(
    _ handle: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int, _ milliseconds: Int32
) -> Int32 {
    guard let handle, let buffer else { return -1 }
    let key = Unmanaged<VirtualAuthenticator>.fromOpaque(handle).takeUnretainedValue()
    return key.readReport(into: UnsafeMutableBufferPointer(start: buffer, count: count), timeoutMilliseconds: milliseconds)
}

private func virtualKeyWrite(_ handle: UnsafeMutableRawPointer?, _ buffer: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let handle, let buffer else { return -1 }
    let key = Unmanaged<VirtualAuthenticator>.fromOpaque(handle).takeUnretainedValue()
    return key.writeReport(UnsafeBufferPointer(start: buffer, count: count))
}
