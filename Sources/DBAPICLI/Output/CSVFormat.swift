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
        var out: [UInt8] = []
        appendQuoted(Array(field.utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a field, quoted (quotes doubled) only when it holds a comma, quote or line break.
    static func appendQuoted<Field: Collection<UInt8>>(_ field: Field, to out: inout [UInt8]) {
        let special = field.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard special else {
            out.append(contentsOf: field)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in field {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
