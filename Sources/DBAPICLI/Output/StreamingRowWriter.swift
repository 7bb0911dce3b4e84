import DBAPICore
import Operations

/// Writes result rows as UTF-8 for `ndjson` and `csv` output straight from their values (no JSON
/// tree per row): the same text `NDJSONFormat` and `CSVFormat` produce, for rows that stream in.
struct StreamingRowWriter {
    private enum Layout {
        case ndjson(NDJSONTextCells)
        case csv(nullText: [UInt8])
    }

    private let layout: Layout
    private var field: [UInt8] = []

    init(format: OutputFormatKind, columns: [String]) {
        if format == .csv {
            layout = .csv(nullText: Array(CSVFormat().nullText.utf8))
        } else {
            layout = .ndjson(NDJSONTextCells(columns: columns))
        }
    }

    /// The CSV header line (nothing for ndjson).
    func header(_ columns: [String], to out: inout [UInt8]) {
        guard case .csv = layout else { return }
        var line = ""
        CSVFormat().line(columns, to: &line)
        out.append(contentsOf: line.utf8)
    }

    /// Writes `rows` of `batch` (the part of them that lies within it).
    mutating func write(_ batch: RowBatch, rows wanted: Range<Int>, to out: inout [UInt8]) {
        let rows = wanted.clamped(to: 0..<batch.count)
        switch batch {
        case .rows(let values):
            for row in values[rows] { write(row, to: &out) }
        case .text(let cells):
            switch layout {
            case .ndjson(let lines): lines.write(cells, rows: rows, to: &out)
            case .csv(let nullText):
                cells.withReader { reader in
                    for row in rows { writeCSV(row, of: reader, columns: cells.columnCount, nullText: nullText, to: &out) }
                }
            }
        }
    }

    mutating func write(_ row: Row, to out: inout [UInt8]) {
        switch layout {
        case .ndjson(let lines):
            let keyEnds = lines.keyEnds
            lines.keyBytes.withUnsafeBufferPointer { keys in
                var start = 0
                for (end, value) in zip(keyEnds, row) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: keys[start..<end]))
                    value.appendJSON(to: &out)
                    start = end
                }
            }
            out.append(contentsOf: keyEnds.isEmpty ? "{}\n".utf8 : "}\n".utf8)
        case .csv(let nullText):
            for (position, value) in row.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendCSV(value, nullText: nullText, to: &out)
            }
            out.append(contentsOf: "\r\n".utf8)
        }
    }

    /// A CSV line of text cells: canonical text is copied, quoted as any field.
    private mutating func writeCSV(_ row: Int, of reader: TextCellBatch.Reader, columns: Int, nullText: [UInt8], to out: inout [UInt8]) {
        for column in 0..<columns {
            if column > 0 { out.append(UInt8(ascii: ",")) }
            switch reader.content(row: row, column: column) {
            case .null: out.append(contentsOf: nullText)
            case .text(let text): CSVFormat.appendQuoted(text, to: &out)
            case .value(let value): appendCSV(value, nullText: nullText, to: &out)
            }
        }
        out.append(contentsOf: "\r\n".utf8)
    }

    private mutating func appendCSV(_ value: SQLValue, nullText: [UInt8], to out: inout [UInt8]) {
        field.removeAll(keepingCapacity: true)
        switch value {
        case .null:
            out.append(contentsOf: nullText)  // unquoted: an empty string is `""`
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
        CSVFormat.appendQuoted(field, to: &out)
    }
}
