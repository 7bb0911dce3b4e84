import DBAPICore
import Operations

/// RFC 4180 CSV of the envelope's table: a header row, fields quoted when they contain a comma,
/// quote, or line break; NULL as `nullText`. Data that is not a table is one `data` column of JSON.
struct CSVFormat: OutputFormat {
    var header = true
    var nullText = ""

    func write(_ envelope: Envelope, to out: inout String) {
        let table = envelope.table ?? (["data"], [[envelope.data]])
        if header { line(table.columns, to: &out) }
        for row in table.rows { line(row.map { cellText($0, nullText: nullText) }, to: &out) }
    }

    /// One record (header or row) with CRLF.
    func line(_ fields: [String], to out: inout String) {
        out += fields.map(Self.quote).joined(separator: ",")
        out += "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.doubling("\"") + "\""
    }
}
