import DBAPICore
import Operations

/// The whole envelope as one JSON document (indented with `pretty`). Streamed rows are written in
/// place inside the envelope as they arrive, and `meta` after them: the same document the collected
/// envelope makes, with memory bounded by a batch (`EnvelopeOutput` holds it until it is complete).
struct JSONFormat: OutputFormat {
    var pretty = false
    private var placement = RowPlacement.arrays(columns: [])
    /// The compact text of a row after the first (a comma, then the row).
    private var rowText = JSONRowText(columns: [], objects: true)
    private var rowsWritten = 0

    /// The indentation of the rows array in a pretty envelope: envelope → `data` → the array.
    private static let rowsIndent = 2

    init(pretty: Bool = false) { self.pretty = pretty }

    /// Writes the envelope up to where its rows go.
    mutating func begin(_ placement: RowPlacement, to out: inout [UInt8]) {
        self.placement = placement
        rowText = JSONRowText(columns: placement.columnNames, objects: placement.rowsAreObjects, before: ",")
        rowsWritten = 0
        let skeleton = skeleton(meta: JSONObject())
        out.append(contentsOf: skeleton[..<(skeleton.firstIndex(of: 0) ?? skeleton.endIndex)])
    }

    mutating func write(_ rows: OutputRows, to out: inout [UInt8]) {
        let start = out.count
        let before = rowsWritten
        if pretty {
            let writer = JSONWriter(pretty: true)
            var text = ""
            for row in rows.jsonRows {
                text += rowsWritten == 0 ? "[" : ","
                text += "\n" + String(repeating: "  ", count: Self.rowsIndent + 1)
                writer.write(placement.json(row), to: &text, indent: Self.rowsIndent + 1)
                rowsWritten += 1
            }
            out.append(contentsOf: text.utf8)
            return
        }
        switch rows {
        case .batch(let batch, let range):
            rowText.write(batch, rows: range, to: &out)
            rowsWritten += range.clamped(to: 0..<batch.count).count
        case .json(let rows):
            for row in rows { rowText.write(json: row, to: &out) }
            rowsWritten += rows.count
        }
        // The result's first row opens the array in place of the comma before it.
        if before == 0, rowsWritten > 0, start < out.count { out[start] = UInt8(ascii: "[") }
    }

    /// Closes the rows and writes the rest of the envelope.
    func finish(meta: JSONObject, to out: inout [UInt8]) {
        if rowsWritten == 0 {
            out.append(contentsOf: "[]".utf8)
        } else {
            if pretty { out.append(contentsOf: ("\n" + String(repeating: "  ", count: Self.rowsIndent)).utf8) }
            out.append(UInt8(ascii: "]"))
        }
        let skeleton = skeleton(meta: meta)
        if let marker = skeleton.firstIndex(of: 0) { out.append(contentsOf: skeleton[(marker + 1)...]) }
        out.append(UInt8(ascii: "\n"))
    }

    mutating func write(_ envelope: Envelope, to out: inout [UInt8]) {
        var text = ""
        JSONWriter(pretty: pretty).write(envelope.json, to: &text)
        text += "\n"
        out.append(contentsOf: text.utf8)
    }

    var isOneDocument: Bool { true }

    /// The success envelope's text with a NUL byte where the rows go: no JSON text holds a raw NUL
    /// (strings escape it), so the one NUL splits the text unambiguously.
    private func skeleton(meta: JSONObject) -> [UInt8] {
        var text = ""
        JSONWriter(pretty: pretty).write(Envelope.success(data: placement.data(rows: .number("\u{0}")), meta: meta).json, to: &text)
        return Array(text.utf8)
    }
}
