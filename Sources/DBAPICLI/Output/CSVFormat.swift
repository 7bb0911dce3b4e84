import DBAPICore
import Operations

/// RFC 4180 CSV of the result's table: a header row, fields quoted when they contain a comma,
/// quote or line break, or are empty; NULL as `nullText`, unquoted. So NULL is an unquoted empty
/// field and the empty string is `""`, which is how the mock data reader tells them apart. Data
/// that is not a table is one `data` column of JSON.
struct CSVFormat: OutputFormat {
    var header = true
    var nullText = ""
    private var field: [UInt8] = []

    init(header: Bool = true, nullText: String = "") {
        self.header = header
        self.nullText = nullText
    }

    mutating func begin(_ placement: RowPlacement, to out: inout [UInt8]) {
        guard header else { return }
        for (position, name) in placement.columnNames.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            Self.appendQuoted(name.utf8, to: &out)
        }
        out.append(contentsOf: "\r\n".utf8)
    }

    mutating func write(_ rows: OutputRows, to out: inout [UInt8]) {
        switch rows {
        case .json(let rows):
            for row in rows {
                for (position, value) in row.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    if case .null = value {
                        out.append(contentsOf: nullText.utf8)
                    } else {
                        Self.appendQuoted(cellText(value, nullText: nullText).utf8, to: &out)
                    }
                }
                out.append(contentsOf: "\r\n".utf8)
            }
        case .batch(.rows(let values), let range):
            for row in values[range.clamped(to: 0..<values.count)] {
                for (position, value) in row.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    append(value, to: &out)
                }
                out.append(contentsOf: "\r\n".utf8)
            }
        case .batch(.text(let cells), let range):
            cells.withReader { reader in
                for row in range.clamped(to: 0..<cells.rowCount) {
                    for column in 0..<cells.columnCount {
                        if column > 0 { out.append(UInt8(ascii: ",")) }
                        switch reader.content(row: row, column: column) {
                        case .null: out.append(contentsOf: nullText.utf8)
                        case .text(let text): Self.appendQuoted(text, to: &out)
                        case .value(let value): append(value, to: &out)
                        }
                    }
                    out.append(contentsOf: "\r\n".utf8)
                }
            }
        }
    }

    func finish(meta: JSONObject, to out: inout [UInt8]) {}

    mutating func write(_ envelope: Envelope, to out: inout [UInt8]) {
        guard !writeTable(of: envelope, to: &out) else { return }
        writeRows(columns: ["data"], [[envelope.data]], meta: envelope.meta, to: &out)
    }

    /// A value's field: NULL unquoted, everything else as its text, quoted when needed.
    private mutating func append(_ value: SQLValue, to out: inout [UInt8]) {
        field.removeAll(keepingCapacity: true)
        switch value {
        case .null:
            out.append(contentsOf: nullText.utf8)  // unquoted: an empty string is `""`
            return
        case .double(let number) where !number.isFinite: field.append(contentsOf: SQLValue.sparkDouble(number).utf8)
        case .string(let text): field.append(contentsOf: text.utf8)
        case .date(let days): CivilTime.appendDate(days, to: &field)
        case .timestamp(let micros):
            CivilTime.appendTimestamp(micros, to: &field)
            field.append(UInt8(ascii: "Z"))
        case .timestampNTZ(let micros): CivilTime.appendTimestamp(micros, to: &field)
        case .interval(let interval): field.append(contentsOf: interval.description.utf8)
        default: value.appendJSON(to: &field)
        }
        Self.appendQuoted(field, to: &out)
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
