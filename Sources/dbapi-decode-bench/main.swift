// Decode benchmark for Databricks JSON_ARRAY chunks (used by scripts/bench-databricks.sh): one
// synthetic chunk shaped like scripts/fake_databricks.py's (LONG, STRING, DECIMAL, DATE, TIMESTAMP,
// BOOLEAN, DOUBLE), decoded by dbapi's scanner into typed rows, by dbapi's general JSON parser,
// and by Foundation's JSONSerialization and JSONDecoder (values left as strings). Prints JSON:
// median MB/s per decoder over RUNS runs.
import DBAPICore
import Databricks
import Foundation

let arguments = CommandLine.arguments
let rows = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 10000) : 10000
let runs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 9) : 9

var text = "["
for index in 0..<rows {
    if index > 0 { text += "," }
    let micros = Int64(index) * 3_661_001_000
    let score = index % 2 == 0 ? "null" : "\"\(Double(index) + 0.5)\""
    text += "[\"\(index)\",\"name-\(index)\",\"\(index).\(String(format: "%02d", index % 100))\","
    text += "\"\(CivilTime.formatDate(Int32(19723 + index % 3000)))\",\"\(CivilTime.formatTimestamp(micros + 1_704_067_200_000_000))\","
    text += "\"\(index % 2 == 1 ? "true" : "false")\",\(score)]"
}
text += "]"
let bytes = Array(text.utf8)
let data = Data(bytes)
let megabytes = Double(bytes.count) / 1_000_000

let decoder = ResultChunkDecoder(columns: [
    ("id", "LONG", "BIGINT"), ("name", "STRING", "STRING"), ("amount", "DECIMAL", "DECIMAL(10,2)"), ("day", "DATE", "DATE"),
    ("ts", "TIMESTAMP", "TIMESTAMP"), ("flag", "BOOLEAN", "BOOLEAN"), ("score", "DOUBLE", "DOUBLE"),
])

func medianThroughput(_ body: () throws -> Int) rethrows -> (mbPerSecond: Double, rows: Int) {
    var times: [Double] = []
    var count = 0
    for _ in 0...runs {
        let start = DispatchTime.now().uptimeNanoseconds
        count = try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.removeFirst()  // warm-up
    times.sort()
    return (megabytes / times[times.count / 2], count)
}

do {
    let results: [(String, (mbPerSecond: Double, rows: Int))] = [
        ("dbapi scanner → text cells (what ndjson/csv streaming copies)", try medianThroughput { try decoder.batch(bytes).count }),
        ("dbapi scanner → typed rows", try medianThroughput { try decoder.rows(bytes).count }),
        ("dbapi JSONParser → value tree", try medianThroughput { try JSONParser.parse(bytes: bytes).array?.count ?? 0 }),
        ("Foundation JSONSerialization", try medianThroughput { (try JSONSerialization.jsonObject(with: data) as? [Any])?.count ?? 0 }),
        ("Foundation JSONDecoder [[String?]]", try medianThroughput { try JSONDecoder().decode([[String?]].self, from: data).count }),
    ]
    var out = JSONObject([("chunk_mb", .double(megabytes)), ("rows", .int(Int64(rows))), ("runs", .int(Int64(runs)))])
    out["decoders"] = .array(
        results.map { name, result in
            .object(
                JSONObject([("decoder", .string(name)), ("mb_per_s", .double(result.mbPerSecond)), ("rows", .int(Int64(result.rows)))]))
        })
    print(JSONWriter().string(.object(out)))
} catch {
    FileHandle.standardError.write(Data("decode benchmark failed: \(error)\n".utf8))
    exit(70)
}
