// Benchmark driver for the mock engine: loads the tables of a mock-data directory (timed apart),
// then runs each `-- name: Qn` query of a SQL file RUNS times after one warm-up and prints JSON
// medians, like ../shared/bench/run_sqlite.py. Used by scripts/bench-mock.sh.
import DBAPICore
import Foundation
import MockEngine

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: dbapi-bench DATA_DIR QUERIES.sql [RUNS]\n".utf8))
    exit(64)
}
let runs = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

do {
    let catalog = try MockCatalog(directory: arguments[1])
    let engine = SQLEngine(catalog: catalog)
    var loads: [(String, Double)] = []
    for name in catalog.tableNames {
        let short = String(name.split(separator: ".").last ?? "")
        loads.append((short, try seconds { _ = try engine.execute("SELECT 1 FROM \(short) LIMIT 1", now: 0) }))
    }
    let text = try String(contentsOfFile: arguments[2], encoding: .utf8)
    var queries: [(String, String)] = []
    for block in text.components(separatedBy: "-- name: ").dropFirst() {
        let lines = block.split(separator: "\n", maxSplits: 1)
        guard lines.count == 2, let end = lines[1].firstIndex(of: ";") else { continue }
        queries.append((String(lines[0]).trimmingSpaces(), String(lines[1][..<end])))
    }
    var results: [JSONValue] = []
    for (name, sql) in queries {
        var times: [Double] = []
        var first: ResultSet?
        do {
            for run in 0...runs {
                var result: ResultSet?
                let elapsed = try seconds { result = try engine.execute(sql, now: 0) }
                if run == 0 { first = result } else { times.append(elapsed) }
            }
        } catch let error as EngineError {
            results.append(.object(JSONObject([("query", .string(name)), ("error", .string(error.description))])))
            continue
        }
        times.sort()
        let rows = first?.rows ?? []
        results.append(
            .object(
                JSONObject([
                    ("query", .string(name)), ("median_ms", .double(times[times.count / 2] * 1000)),
                    ("min_ms", .double((times.first ?? 0) * 1000)), ("max_ms", .double((times.last ?? 0) * 1000)),
                    ("runs", .int(Int64(runs))), ("result_rows", .int(Int64(rows.count))),
                    ("first_row", .string(rows.first.map { $0.map(\.description).joined(separator: " | ") } ?? "")),
                ])))
    }
    let report = JSONObject([
        ("engine", .string("dbapi mock engine")),
        ("load_ms", .object(JSONObject(loads.map { ($0.0, .double($0.1 * 1000)) }))),
        ("queries", .array(results)),
    ])
    print(JSONWriter(pretty: true).string(.object(report)))
} catch let error as any ReportableError {
    FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
    exit(1)
}
