import DBAPICore
import Operations

/// RFC 4180 CSV of the envelope's table: a header row, fields quoted when they contain a comma,
/// quote or line break, or are empty; NULL as `nullText`, unquoted. So NULL is an unquoted empty
/// field and the empty string is `""`, which is how the mock data reader tells them apart. Data
/// that is not a table is one `data` column of JSON.
struct CSVFormat: OutputFormat {
    var header = true
    var nullText = ""

    func write(_ envelope: Envelope, to out: inout String) {
        let table = envelope.table ?? (["data"], [[envelope.data]])
        if header { line(table.columns, to: &out) }
        for row in table.rows {
            out += row.map { value in
                if case .null = value { return nullText }
                return Self.quote(cellText(value, nullText: nullText))
            }.joined(separator: ",")
            out += "\r\n"
        }
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

    /// Appends a field, quoted (quotes doubled) only when it is empty or holds a comma, quote or
    /// line break.
    static func appendQuoted<Field: Collection<UInt8>>(_ field: Field, to out: inout [UInt8]) {
        let special =
            field.isEmpty || field.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
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
