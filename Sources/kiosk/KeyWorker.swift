import Dispatch
import KioskCore
import Synchronization

/// Runs the flow's security key effects on one background queue, because libfido2 calls block
/// until the key responds or the person touches it, and reports each result as a `FlowEvent`.
final class KeyWorker: Sendable {
    private let provider: any SecurityKeyProvider
    private let events: EventQueue
    private let logger: Logger
    private let queue = DispatchQueue(label: "kiosk.key-worker")
    /// The open key, shared with the UI thread only so that `cancel()` can reach it.
    private let session = Mutex<(any SecurityKeySession)?>(nil)
    /// Incremented to stop the current watch loop.
    private let watchGeneration = Atomic<Int>(0)
    private static let watchIntervalMilliseconds = 300

    init(provider: any SecurityKeyProvider, events: EventQueue, logger: Logger) {
        self.provider = provider
        self.events = events
        self.logger = logger
    }

    /// Starts the work that one effect requests; `cancelKeyOperation` acts at once, the rest queue up in order.
    func perform(_ effect: FlowEffect) {
        switch effect {
        case .watchForKeys:
            let generation = watchGeneration.add(1, ordering: .sequentiallyConsistent).newValue
            queue.async { self.watch(generation: generation, last: nil) }
        case .stopWatchingForKeys:
            watchGeneration.add(1, ordering: .sequentiallyConsistent)
        case .cancelKeyOperation:
            session.withLock { $0 }?.cancel()
        case .openKey(let device):
            queue.async { self.open(device) }
        case .readPINRetries:
            queue.async { self.run { (session) throws(SecurityKeyError) -> FlowEvent in .pinRetries(try session.pinRetries()) } }
        case .setPIN(let pin):
            queue.async { self.run { (session) throws(SecurityKeyError) -> FlowEvent in try session.setPIN(pin); return .pinSet } }
        case .changePIN(let old, let new):
            queue.async { self.run { (session) throws(SecurityKeyError) -> FlowEvent in try session.changePIN(old: old, new: new); return .pinSet } }
        case .resetKey:
            queue.async { self.run { (session) throws(SecurityKeyError) -> FlowEvent in try session.reset(); return .keyReset(session.info) } }
        case .makeCredential(let request, let pin):
            queue.async { self.run { (session) throws(SecurityKeyError) -> FlowEvent in .credentialCreated(try session.makeCredential(request, pin: pin)) } }
        case .getAssertion(let request, let pin):
            queue.async { self.run { (session) throws(SecurityKeyError) -> FlowEvent in .assertionVerified(try session.getAssertion(request, pin: pin)) } }
        case .closeKey:
            queue.async { self.close() }
        case .saveRecord, .log, .audit:
            break
        }
    }

    private func watch(generation: Int, last: [SecurityKeyDevice]?) {
        guard watchGeneration.load(ordering: .sequentiallyConsistent) == generation else { return }
        let devices: [SecurityKeyDevice]
        do {
            devices = try provider.devices()
        } catch {
            logger.warning("key listing failed", ["error": String(describing: error)])
            devices = []
        }
        if devices != last { events.post(.keysPresent(devices)) }
        queue.asyncAfter(deadline: .now() + .milliseconds(Self.watchIntervalMilliseconds)) {
            self.watch(generation: generation, last: devices)
        }
    }

    private func open(_ device: SecurityKeyDevice) {
        close()
        do {
            let opened = try provider.open(device)
            session.withLock { $0 = opened }
            events.post(.keyOpened(device, opened.info))
        } catch {
            events.post(.keyOperationFailed(error))
        }
    }

    private func run(_ operation: (any SecurityKeySession) throws(SecurityKeyError) -> FlowEvent) {
        guard let current = session.withLock({ $0 }) else {
            events.post(.keyOperationFailed(.keyRemoved))
            return
        }
        do {
            events.post(try operation(current))
        } catch {
            events.post(.keyOperationFailed(error))
        }
    }

    private func close() {
        let current = session.withLock { value in
            let old = value
            value = nil
            return old
        }
        current?.close()
    }
}
