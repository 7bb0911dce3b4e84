import DBAPICore
import Operations

/// An aligned text table for a terminal; non-tabular data is printed as indented JSON. Column widths
/// depend on every row, so rows are kept until `finish` (this format is for people, not for large
/// results).
struct TableFormat: OutputFormat {
    var nullText = "NULL"
    var maxCellWidth = 60
    private var columns: [String] = []
    private var cells: [[String]] = []
    private var numeric: [Bool] = []

    mutating func begin(_ placement: RowPlacement, to out: inout [UInt8]) {
        columns = placement.columnNames
        cells = []
        numeric = Array(repeating: true, count: columns.count)
    }

    mutating func write(_ rows: OutputRows, to out: inout [UInt8]) {
        for row in rows.jsonRows {
            for (index, value) in row.enumerated() where index < numeric.count {
                switch value {
                case .int, .double, .number, .null: break
                default: numeric[index] = false
                }
            }
            cells.append(row.map { clip(cellText($0, nullText: nullText).replacingNewlines()) })
        }
    }

    func finish(meta: JSONObject, to out: inout [UInt8]) {
        var widths = columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        var text = ""
        func render(_ fields: [String], alignRight: [Bool]) {
            let padded = fields.enumerated().map { index, field in
                let padding = String(repeating: " ", count: max(0, (index < widths.count ? widths[index] : 0) - field.count))
                return index < alignRight.count && alignRight[index] ? padding + field : field + padding
            }
            text += padded.joined(separator: " | ").trimmingTrailingSpaces() + "\n"
        }
        render(columns, alignRight: [])
        text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
        let alignRight = cells.isEmpty ? [] : numeric
        for row in cells { render(row, alignRight: alignRight) }
        text += "(\(cells.count) row\(cells.count == 1 ? "" : "s"))\n"
        out.append(contentsOf: text.utf8)
    }

    mutating func write(_ envelope: Envelope, to out: inout [UInt8]) {
        guard !writeTable(of: envelope, to: &out) else { return }
        var text = ""
        JSONWriter(pretty: true).write(envelope.data, to: &text)
        text += "\n"
        out.append(contentsOf: text.utf8)
    }

    private func clip(_ text: String) -> String {
        text.count <= maxCellWidth ? text : String(text.prefix(maxCellWidth - 1)) + "…"
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
