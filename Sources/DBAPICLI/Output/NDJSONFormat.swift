import DBAPICore
import Operations

/// One JSON object per line: each row of the envelope's table, or `data` itself when it is not
/// a table. The envelope's `meta` is not repeated on every line.
struct NDJSONFormat: OutputFormat {
    func write(_ envelope: Envelope, to out: inout String) {
        let writer = JSONWriter()
        guard let table = envelope.table else {
            writer.write(envelope.data, to: &out)
            out += "\n"
            return
        }
        for row in table.rows { Self.writeRow(columns: table.columns, values: row, to: &out) }
    }

    /// One row as a JSON object line.
    static func writeRow(columns: [String], values: [JSONValue], to out: inout String) {
        JSONWriter().write(.object(JSONObject(Array(zip(columns, values)))), to: &out)
        out += "\n"
    }
}
