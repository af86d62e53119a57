import Foundation
import KioskCore
import KioskTerminal

/// The interactive kiosk. It reads keys, feeds the enrollment flow, performs its effects and
/// redraws, all on the main thread. Only key operations run on the key worker's queue.
final class KioskApp {
    private let flow: EnrollmentFlow
    private let terminal: any TerminalDriver
    private let worker: KeyWorker
    private let events: EventQueue
    private let logger: Logger
    private let saveRecord: (OutboxRecord) -> FlowEvent
    /// Appends an enrollment that stopped without a record to the signed audit log.
    private let audit: (EnrollmentStop) -> Void
    private let render: (EnrollmentStep, Language, any TerminalDriver) -> Void
    /// Demo-only keys: F5 unplugs or replugs the virtual key, F6 adds or removes a second one.
    private let demoControls: ((Int) -> Void)?
    /// Poll interval of the loop; also the resolution of the idle timeout.
    private static let pollMilliseconds = 100

    init(flow: EnrollmentFlow, terminal: any TerminalDriver, worker: KeyWorker, events: EventQueue, logger: Logger,
         saveRecord: @escaping (OutboxRecord) -> FlowEvent,
         audit: @escaping (EnrollmentStop) -> Void,
         render: @escaping (EnrollmentStep, Language, any TerminalDriver) -> Void,
         demoControls: ((Int) -> Void)?) {
        self.flow = flow
        self.terminal = terminal
        self.worker = worker
        self.events = events
        self.logger = logger
        self.saveRecord = saveRecord
        self.audit = audit
        self.render = render
        self.demoControls = demoControls
    }

    /// Runs until Ctrl-C or SIGTERM; wipes the session before returning.
    func run() {
        logger.info("kiosk started")
        apply(flow.handle(.tick(now: Self.monotonicSeconds())))
        draw()
        while true {
            let key = terminal.readKey(timeoutMilliseconds: Self.pollMilliseconds)
            if key == .interrupt { break }
            if let input = userInput(for: key) { apply(flow.handle(.input(input))) }
            for event in events.drain() { apply(flow.handle(event)) }
            apply(flow.handle(.tick(now: Self.monotonicSeconds())))
            draw()
        }
        apply(flow.handle(.input(.escape)))
        worker.perform(.cancelKeyOperation)
        worker.perform(.closeKey)
        logger.info("kiosk stopped")
    }

    private func draw() {
        render(flow.step, flow.language, terminal)
    }

    private func userInput(for key: KeyEvent) -> UserInput? {
        switch key {
        case .character(let character): return .character(character)
        case .enter: return .enter
        case .escape: return .escape
        case .backspace: return .backspace
        case .tab: return .tab
        case .up: return .up
        case .down: return .down
        case .function(2): return .toggleLanguage
        case .function(3): return .toggleLookupMode
        case .function(4): return .showSyncConflicts
        case .function(let number) where number == 5 || number == 6:
            demoControls?(number)
            return nil
        default: return nil
        }
    }

    private func apply(_ effects: [FlowEffect]) {
        for effect in effects {
            switch effect {
            case .saveRecord(let record):
                events.post(saveRecord(record))
            case .audit(let stop):
                audit(stop)
            case .log(let level, let message, let metadata):
                logger.log(level, message, metadata)
            default:
                worker.perform(effect)
            }
        }
    }

    /// Seconds on CLOCK_MONOTONIC, which wall-clock changes do not move.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
