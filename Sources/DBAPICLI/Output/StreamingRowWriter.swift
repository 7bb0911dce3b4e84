import DBAPICore
import Operations

/// Writes result rows as UTF-8 for `ndjson` and `csv` output straight from their values (no JSON
/// tree per row): the same text `NDJSONFormat` and `CSVFormat` produce, for rows that stream in.
struct StreamingRowWriter {
    private enum Layout {
        /// Every column's `{"name":` / `,"name":` prefix, back to back, and where each one ends.
        case ndjson(keyBytes: [UInt8], keyEnds: [Int])
        case csv(nullText: [UInt8])
    }

    private let layout: Layout
    private var field: [UInt8] = []

    init(format: Invocation.Format, columns: [String]) {
        if format == .csv {
            layout = .csv(nullText: Array(CSVFormat().nullText.utf8))
        } else {
            let prefixes = NDJSONFormat.keyPrefixes(columns)
            let bytes = prefixes.flatMap(\.utf8)
            var ends: [Int] = []
            for prefix in prefixes { ends.append((ends.last ?? 0) + prefix.utf8.count) }
            layout = .ndjson(keyBytes: bytes, keyEnds: ends)
        }
    }

    /// The CSV header line (nothing for ndjson).
    func header(_ columns: [String], to out: inout [UInt8]) {
        guard case .csv = layout else { return }
        var line = ""
        CSVFormat().line(columns, to: &line)
        out.append(contentsOf: line.utf8)
    }

    mutating func write(_ row: Row, to out: inout [UInt8]) {
        switch layout {
        case .ndjson(let keyBytes, let keyEnds):
            keyBytes.withUnsafeBufferPointer { keys in
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
                field.removeAll(keepingCapacity: true)
                switch value {
                case .null: field.append(contentsOf: nullText)
                case .double(let number) where !number.isFinite: field.append(contentsOf: nullText)  // JSON null, as collected
                case .string(let text): field.append(contentsOf: text.utf8)
                case .date(let days): CivilTime.appendDate(days, to: &field)
                case .timestamp(let micros):
                    CivilTime.appendTimestamp(micros, to: &field)
                    field.append(UInt8(ascii: "Z"))
                default: value.appendJSON(to: &field)
                }
                CSVFormat.appendQuoted(field, to: &out)
            }
            out.append(contentsOf: "\r\n".utf8)
        }
    }
}
