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
        let keys = Self.keyPrefixes(table.columns)
        for row in table.rows { Self.writeRow(keys: keys, values: row, to: &out) }
    }

    /// `{"name":` and `,"name":` for each column, escaped once rather than per row.
    static func keyPrefixes(_ columns: [String]) -> [String] {
        columns.enumerated().map { position, name in
            var key = position == 0 ? "{" : ","
            JSONWriter.writeString(name, to: &key)
            return key + ":"
        }
    }

    /// One row as a JSON object line (a repeated column name is written twice, as it came).
    static func writeRow(keys: [String], values: [JSONValue], to out: inout String) {
        let writer = JSONWriter()
        for (key, value) in zip(keys, values) {
            out += key
            writer.write(value, to: &out)
        }
        out += keys.isEmpty ? "{}\n" : "}\n"
    }
}
