import Foundation
import KioskCore
import KioskCrypto
import KioskFIDO
import KioskOutbox
import KioskTerminal
import KioskVirtualKey
import Synchronization

/// Builds every part of the interactive kiosk from the configuration and runs it.
///
/// Everything that can fail (config, HR export, key file, outbox, terminal) is checked before
/// curses takes the screen, so a problem is printed as a plain message on the operator's terminal.
enum KioskRunner {
    static func run(configPath: String, demo: Bool) throws(KioskFailure) {
        let setup = try KioskSetup.load(configPath: configPath)
        let config = setup.config
        let logger = setup.logger
        let hr = try loadHRExport(config, logger: logger)
        let outbox = try setup.openOutbox()
        let outboxRecords = ((try? outbox.records()) ?? []).compactMap(\.record)
        let iamPath = config.dataDirectory + "/" + IAMAccountList.fileName
        guard let iamAccounts = IAMAccountList.load(path: iamPath, logger: logger.child("kiosk.iam")) else {
            throw .startup("cannot read \(iamPath). Check its permissions, or remove it so the next kiosk sync writes it again.")
        }
        let registry = AccountRegistry(hrRecords: hr.records, outboxRecords: outboxRecords, iamAccounts: iamAccounts)
        var environment = makeEnvironment(config: config, records: hr.records, registry: registry)
        let conflicts = loadSyncConflicts(outbox: outbox, records: outboxRecords, logger: logger)
        environment.syncConflicts = { conflicts }

        let keys = try makeKeyProvider(config: config, demo: demo, logger: logger)
        let localizer: Localizer
        do {
            localizer = try Localizer(directory: "Assets/locale", language: config.defaultLanguage)
        } catch {
            throw .startup("cannot read the screen texts in Assets/locale: \(error). "
                + "Start the kiosk from the folder that contains Assets/.")
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            throw .startup("cannot start the full-screen terminal: \(error). Run the kiosk in a terminal (TERM set).")
        }
        defer { terminal.shutdown() }

        let events = EventQueue()
        let worker = KeyWorker(provider: keys.provider, events: events, logger: logger.child("kiosk.keys"))
        let flow = EnrollmentFlow(environment: environment)
        let app = KioskApp(
            flow: flow, terminal: terminal, worker: worker, events: events, logger: logger,
            saveRecord: { record in save(record, outbox: outbox, registry: registry, demoKeys: keys.virtualKeys, logger: logger) },
            audit: { stop in auditStop(stop, outbox: outbox, kioskID: config.kioskID, logger: logger) },
            render: { step, language, screen in
                var context = ScreenContext(localizer: localizer, kioskID: config.kioskID, clerkID: flow.clerkID,
                                            touchTimeoutSeconds: config.touchTimeoutSeconds)
                context.language = language
                context.idleSecondsLeft = flow.idleSecondsLeft(now: KioskApp.monotonicSeconds())
                context.syncConflictCount = conflicts.count
                context.keyDetails = flow.keyDetails
                ScreenRenderer.render(step: step, context: context, into: screen)
            },
            demoControls: keys.virtualKeys.isEmpty ? nil : { number in DemoKeys.toggle(number, keys: keys.virtualKeys) })
        app.run()
    }

    private static func loadHRExport(_ config: KioskConfig, logger: Logger) throws(KioskFailure) -> HRImportResult {
        let result: HRImportResult
        do {
            result = try HRImporter(config, logger: logger.child("kiosk.hr")).load(path: config.hrExportPath)
        } catch {
            throw .configuration("HR export \(config.hrExportPath): \(error)")
        }
        logger.info("HR export loaded", ["people": String(result.records.count),
                                         "rejected": String(result.rejectedRows.count),
                                         "encoding": result.encoding.rawValue])
        for rejection in result.rejectedRows.prefix(50) {
            logger.warning("HR export row skipped", ["line": String(rejection.line), "reason": "\(rejection.problem)"])
        }
        return result
    }

    private static func makeEnvironment(config: KioskConfig, records: [HRRecord], registry: AccountRegistry) -> EnrollmentEnvironment {
        let index = IdentityIndex(records: records)
        let policy = UsernamePolicy(config)
        let lookup = ThrottledLookup(index: index)
        return EnrollmentEnvironment(
            config: config,
            search: { query in lookup.search(query) },
            eligibility: { person in
                if let username = registry.enrolledUsername(personnelNumber: person.personnelNumber) {
                    return .hasAccount(username: username)
                }
                return Eligibility.check(person, today: Clock.today(), config: config)
            },
            proposeAccount: { person in policy.propose(for: person, taken: registry.isTaken) },
            timestamp: { Clock.timestamp() },
            randomBytes: { count in randomBytes(count) },
            earlierEnrollments: { number in registry.earlierEnrollments(personnelNumber: number) })
    }

    /// Reads the sync states for the clerk's conflict screen. An unreadable state folder only
    /// costs that screen, so the kiosk logs it and starts without the list.
    private static func loadSyncConflicts(outbox: Outbox, records: [OutboxRecord], logger: Logger) -> [SyncConflictNotice] {
        let states: [String: RecordState]
        do {
            states = try outbox.stateStore().loadAll().states
        } catch {
            logger.warning("sync states unreadable; conflict screen empty", ["error": error.description])
            return []
        }
        let notices = Outbox.syncConflictNotices(states: states, records: records)
        logger.info("sync conflicts loaded", ["count": String(notices.count)])
        return notices
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        if let bytes = try? SecureRandom.bytes(count) { return bytes }
        // SystemRandomNumberGenerator is also cryptographically secure on Linux (getrandom).
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Appends a failed or cancelled enrollment to the audit log; a write failure is logged, not fatal,
    /// because the person at the counter can go on (the next append repairs a torn last line).
    private static func auditStop(_ stop: EnrollmentStop, outbox: Outbox, kioskID: String, logger: Logger) {
        let entry = AuditEntry(event: .enrollmentFailed, time: Clock.timestamp(), kioskID: kioskID, clerkID: stop.clerkID,
                               personnelNumber: stop.personnelNumber, step: stop.step, reason: stop.reason)
        do {
            _ = try outbox.audit.append([entry])
        } catch {
            logger.warning("audit append failed", ["error": error.description, "step": stop.step])
        }
        logger.info("enrollment stopped", ["step": stop.step, "reason": stop.reason])
    }

    private static func save(_ record: OutboxRecord, outbox: Outbox, registry: AccountRegistry,
                             demoKeys: [VirtualAuthenticator], logger: Logger) -> FlowEvent {
        do {
            try outbox.append(record)
        } catch {
            logger.error("outbox append failed", ["error": error.description])
            switch error {
            case .diskFull: return .recordFailed(.diskFull)
            case .notWritable: return .recordFailed(.notWritable)
            default: return .recordFailed(.other)
            }
        }
        registry.add(record)
        DemoKeys.handOver(demoKeys)
        return .recordSaved(enrollmentID: record.enrollmentID)
    }
}
