import Foundation

/// Durable sync states of the outbox records: one small JSON file per record in `<outbox>/state`.
///
/// Writes go through `DurableFile.replaceAll`, so a crash leaves each state file old or new, never
/// torn. A record without a state file is `pending`. Many states are written as one batch with one
/// file-system sync, which keeps a 15,000-record sync from spending minutes in `fsync`.
public final class RecordStateStore: Sendable {
    /// The state directory.
    public let directory: String

    /// Opens (and creates, mode 0700) the state directory and removes leftovers of an interrupted write.
    /// - Throws: `OutboxError` when the directory cannot be created.
    public init(directory: String) throws(OutboxError) {
        self.directory = directory
        do {
            try DurableFile.ensureDirectory(directory)
        } catch {
            throw OutboxError(error)
        }
        DurableFile.removeReplaceLeftovers(in: directory)
    }

    /// Reads every state file. Unreadable ones are skipped and listed, so one damaged file never
    /// hides the others; their record then counts as `sent` (unknown), which the sync resolves by
    /// looking the person up before sending anything.
    /// - Returns: states by enrollment id, and the names of files that could not be read.
    public func loadAll() throws(OutboxError) -> (states: [String: RecordState], unreadable: [String]) {
        let names: [String]
        do {
            names = try DurableFile.entryNames(in: directory)
        } catch {
            throw OutboxError(error)
        }
        var states: [String: RecordState] = [:]
        var unreadable = [String]()
        let decoder = JSONDecoder()
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            guard let bytes = try? DurableFile.readAll(directory + "/" + name, maximumSize: 1 << 20),
                  let state = try? decoder.decode(RecordState.self, from: Data(bytes)),
                  name == state.enrollmentID + ".json"
            else {
                unreadable.append(name)
                continue
            }
            states[state.enrollmentID] = state
        }
        return (states, unreadable.sorted())
    }

    /// Stores `states` durably in one batch; returns only when all are on disk.
    /// - Throws: `OutboxError` (disk full, read-only folder, …); then some states may be old.
    public func save(_ states: [RecordState]) throws(OutboxError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var files = [(name: String, bytes: [UInt8])]()
        for state in states {
            guard let bytes = try? encoder.encode(state) else {
                throw .encodingFailed(detail: "record state \(state.enrollmentID)")
            }
            files.append((state.enrollmentID + ".json", Array(bytes) + [0x0A]))
        }
        do {
            try DurableFile.replaceAll(files, in: directory)
        } catch {
            throw OutboxError(error)
        }
    }
}
