import DBAPICore
import Operations

/// One JSON object per line: each row of the result, or `data` itself when it is not a table. The
/// envelope's `meta` is not repeated on every line.
struct NDJSONFormat: OutputFormat {
    private var lines = JSONRowText(columns: [], objects: true, after: "\n")

    mutating func begin(_ placement: RowPlacement, to out: inout [UInt8]) {
        lines = JSONRowText(columns: placement.columnNames, objects: true, after: "\n")
    }

    /// Each row as a line (a repeated column name is written twice, as it came).
    mutating func write(_ rows: OutputRows, to out: inout [UInt8]) {
        switch rows {
        case .batch(let batch, let range): lines.write(batch, rows: range, to: &out)
        case .json(let rows): for row in rows { lines.write(json: row, to: &out) }
        }
    }

    func finish(meta: JSONObject, to out: inout [UInt8]) {}

    mutating func write(_ envelope: Envelope, to out: inout [UInt8]) {
        guard !writeTable(of: envelope, to: &out) else { return }
        var line = ""
        JSONWriter().write(envelope.data, to: &line)
        out.append(contentsOf: line.utf8)
        out.append(UInt8(ascii: "\n"))
    }
}
