import Foundation
import KioskCore

// Benchmarks for the HR import and identity lookup. Scripts/bench-hr runs every mode and
// prints the table that BENCHMARKS.md records. Each mode prints `key=value` lines on stdout.
//
//   kiosk-bench import FILE                   parse + index time, records, peak RSS
//   kiosk-bench lookup FILE [COUNT] [SEED]    lookup latency over COUNT generated queries
//   kiosk-bench search FILE SURNAME DD.MM.YYYY [GIVEN]
//                                             one-shot search as a whole process: stream the
//                                             file (HRFileSearch), print the number of matches
//   kiosk-bench verify FILE [COUNT]           check that the streamed search returns what the
//                                             index returns, for COUNT generated queries
//   kiosk-bench search-loaded FILE SURNAME DD.MM.YYYY [GIVEN]
//                                             the same after loading and indexing every row,
//                                             as the kiosk does at start

/// Returns seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Returns the process's peak resident set size in KiB (getrusage's ru_maxrss on Linux).
func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kiosk-bench: \(message)\n".utf8))
    exit(2)
}

func load(_ path: String) -> HRImportResult {
    do {
        return try HRImporter(KioskConfig()).load(path: path)
    } catch {
        fail("\(error)")
    }
}

func runImport(_ path: String) {
    let start = monotonicSeconds()
    let result = load(path)
    let parsed = monotonicSeconds()
    let index = IdentityIndex(records: result.records)
    let indexed = monotonicSeconds()
    print("records=\(index.count)")
    print("rejected=\(result.rejectedRows.count)")
    print("encoding=\(result.encoding.rawValue)")
    print(String(format: "parse_ms=%.1f", (parsed - start) * 1000))
    print(String(format: "index_ms=%.1f", (indexed - parsed) * 1000))
    print("peak_rss_kib=\(peakRSSKiB())")
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
}

func runLookup(_ path: String, count: Int, seed: UInt64) {
    let result = load(path)
    let index = IdentityIndex(records: result.records)
    let queries = BenchQueries.make(from: result.records, count: count, seed: seed)
    var latencies: [BenchQueries.Kind: [Double]] = [:]
    var all: [Double] = []
    var found = 0
    all.reserveCapacity(count)
    for (kind, query) in queries {
        let start = monotonicSeconds()
        let outcome = index.search(query)
        let elapsed = (monotonicSeconds() - start) * 1e6
        if case .found(let people) = outcome, !people.isEmpty { found += 1 }
        latencies[kind, default: []].append(elapsed)
        all.append(elapsed)
    }
    all.sort()
    print("queries=\(count)")
    print("found=\(found)")
    print(String(format: "median_us=%.2f", percentile(all, 0.5)))
    print(String(format: "p99_us=%.2f", percentile(all, 0.99)))
    print(String(format: "max_us=%.2f", all.last ?? 0))
    for kind in BenchQueries.Kind.allCases {
        let sorted = (latencies[kind] ?? []).sorted()
        guard !sorted.isEmpty else { continue }
        print(String(format: "kind=%@ n=%d median_us=%.2f p99_us=%.2f", kind.rawValue, sorted.count,
                     percentile(sorted, 0.5), percentile(sorted, 0.99)))
    }
}

func printMatches(_ outcome: LookupOutcome) {
    switch outcome {
    case .found(let people): print("matches=\(people.count)")
    case .tooManyMatches(let limit): print("matches=more than \(limit)")
    case .throttled: print("matches=throttled")
    }
}

func runSearch(_ path: String, surname: String, date: String, given: String?, loadEverything: Bool) {
    guard let birthDate = CivilDate(german: date) else { fail("invalid date \(date), expected DD.MM.YYYY") }
    let query = LookupQuery.name(surname: surname, givenName: given, birthDate: birthDate)
    if loadEverything {
        printMatches(IdentityIndex(records: load(path).records).search(query))
        return
    }
    do {
        printMatches(try HRFileSearch(KioskConfig()).search(path: path, query: query))
    } catch {
        fail("\(error)")
    }
}

func runVerify(_ path: String, count: Int) {
    let records = load(path).records
    let index = IdentityIndex(records: records)
    let search = HRFileSearch(KioskConfig())
    var mismatches = 0
    for (_, query) in BenchQueries.make(from: records, count: count, seed: 2) {
        let streamed = try? search.search(path: path, query: query)
        if streamed != index.search(query) { mismatches += 1 }
    }
    print("verified=\(count)")
    print("mismatches=\(mismatches)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "import" where arguments.count == 2:
    runImport(arguments[1])
case "lookup" where (2...4).contains(arguments.count):
    let count = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 20_000
    let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
    guard count > 0 else { fail("COUNT must be a positive whole number") }
    runLookup(arguments[1], count: count, seed: seed)
case "verify" where (2...3).contains(arguments.count):
    runVerify(arguments[1], count: arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200)
case "search" where (4...5).contains(arguments.count), "search-loaded" where (4...5).contains(arguments.count):
    runSearch(arguments[1], surname: arguments[2], date: arguments[3], given: arguments.count > 4 ? arguments[4] : nil,
              loadEverything: arguments[0] == "search-loaded")
default:
    fail("usage: kiosk-bench import FILE | lookup FILE [COUNT] [SEED] | search|search-loaded FILE SURNAME DD.MM.YYYY [GIVEN]")
}
