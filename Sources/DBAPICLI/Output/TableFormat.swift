import DBAPICore
import Operations

/// An aligned text table for a terminal; non-tabular data is printed as indented JSON.
struct TableFormat: OutputFormat {
    var nullText = "NULL"
    var maxCellWidth = 60

    func write(_ envelope: Envelope, to out: inout String) {
        guard let table = envelope.table else {
            JSONWriter(pretty: true).write(envelope.data, to: &out)
            out += "\n"
            return
        }
        let cells = table.rows.map { row in row.map { clip(cellText($0, nullText: nullText).replacingNewlines()) } }
        var widths = table.columns.map { width(of: $0) }
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], width(of: cell)) }
        }
        func render(_ fields: [String], numeric: [Bool]) {
            let padded = fields.enumerated().map { index, field in
                let padding = String(repeating: " ", count: max(0, widths[index] - width(of: field)))
                return numeric[index] ? padding + field : field + padding
            }
            out += padded.joined(separator: " | ").trimmingTrailingSpaces() + "\n"
        }
        let numeric = table.columns.indices.map { index in
            !table.rows.isEmpty
                && table.rows.allSatisfy { row in
                    switch row[index] {
                    case .int, .double, .number, .null: true
                    default: false
                    }
                }
        }
        render(table.columns, numeric: Array(repeating: false, count: table.columns.count))
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
        for row in cells { render(row, numeric: numeric) }
        out += "(\(table.rows.count) row\(table.rows.count == 1 ? "" : "s"))\n"
    }

    private func width(of text: String) -> Int { text.count }

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
