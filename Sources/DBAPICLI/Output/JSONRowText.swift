import DBAPICore
import Operations

/// Rows as JSON text, each an object (`{"a":1,"b":null}`) or an array (`[1,null]`) with fixed bytes
/// before and after it: ndjson's lines and the rows inside a json envelope. The column prefixes are
/// escaped once, not per row.
///
/// Text cells (a warehouse chunk) are written in two passes: measure every row (rendering the few
/// decoded values once, into a side buffer), grow the output once, then copy prefixes, cell text and
/// rendered values through a pointer. Streaming a warehouse result spends most of its time here and
/// in the scanner, so this avoids a checked `Array.append` per prefix and per cell.
struct JSONRowText {
    /// Every column's prefix (`{"name":` then `,"name":`, or `[` then `,`), back to back, and where
    /// each one ends.
    let keyBytes: [UInt8]
    let keyEnds: [Int]
    /// What ends a row (`}` or `]`, and a line break for ndjson).
    let rowEnd: [UInt8]
    /// A whole row when there are no columns (`{}`).
    let emptyRow: [UInt8]

    /// Rows of `columns`: objects or arrays, after `before` and ending with `after`.
    init(columns: [String], objects: Bool, before: String = "", after: String = "") {
        var prefixes: [String] = []
        for (position, name) in columns.enumerated() {
            var prefix = position == 0 ? before + (objects ? "{" : "[") : ","
            if objects {
                JSONWriter.writeString(name, to: &prefix)
                prefix += ":"
            }
            prefixes.append(prefix)
        }
        keyBytes = prefixes.flatMap(\.utf8)
        var ends: [Int] = []
        for prefix in prefixes { ends.append((ends.last ?? 0) + prefix.utf8.count) }
        keyEnds = ends
        rowEnd = Array(((objects ? "}" : "]") + after).utf8)
        emptyRow = Array((before + (objects ? "{}" : "[]") + after).utf8)
    }

    /// Appends one row of values.
    func write(_ row: some Collection<SQLValue>, to out: inout [UInt8]) {
        guard !keyEnds.isEmpty else { return out.append(contentsOf: emptyRow) }
        keyBytes.withUnsafeBufferPointer { keys in
            var start = 0
            for (end, value) in zip(keyEnds, row) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: keys[start..<end]))
                value.appendJSON(to: &out)
                start = end
            }
        }
        out.append(contentsOf: rowEnd)
    }

    /// Appends one row of JSON values (a collected envelope's table).
    func write(json row: [JSONValue], to out: inout [UInt8]) {
        guard !keyEnds.isEmpty else { return out.append(contentsOf: emptyRow) }
        var text = ""
        var start = 0
        for (end, value) in zip(keyEnds, row) {
            out.append(contentsOf: keyBytes[start..<end])
            text.removeAll(keepingCapacity: true)
            JSONWriter().write(value, to: &text)
            out.append(contentsOf: text.utf8)
            start = end
        }
        out.append(contentsOf: rowEnd)
    }

    /// Appends rows `rows` of a batch.
    func write(_ batch: RowBatch, rows: Range<Int>, to out: inout [UInt8]) {
        let rows = rows.clamped(to: 0..<batch.count)
        switch batch {
        case .rows(let values): for row in values[rows] { write(row, to: &out) }
        case .text(let cells): write(cells, rows: rows, to: &out)
        }
    }

    /// Appends rows `rows` of `cells` (which has one cell per prefix).
    private func write(_ cells: TextCellBatch, rows: Range<Int>, to out: inout [UInt8]) {
        let columns = min(cells.columnCount, keyEnds.count)
        let quoted = cells.quotedColumns
        cells.withReader { reader in
            var rendered: [UInt8] = []
            var renderedEnds: [Int] = []
            let rowBytes = columns > 0 ? keyEnds[columns - 1] + rowEnd.count : emptyRow.count
            var size = rows.count * rowBytes
            for row in rows {
                for column in 0..<columns {
                    switch reader.content(row: row, column: column) {
                    case .null: size += 4
                    case .text(let text): size += text.count + (quoted[column] ? 2 : 0)
                    case .value(let value):
                        value.appendJSON(to: &rendered)
                        renderedEnds.append(rendered.count)
                    }
                }
            }
            size += rendered.count
            let start = out.count
            out.reserveCapacity(start + size)  // exactly: geometric growth would hold up to twice the text
            out.append(contentsOf: repeatElement(0, count: size))
            out.withUnsafeMutableBufferPointer { buffer in
                var sink = PointerSink(UnsafeMutableBufferPointer(rebasing: buffer[start...]))
                keyBytes.withUnsafeBufferPointer { keys in
                    rendered.withUnsafeBufferPointer { values in
                        var value = 0
                        for row in rows {
                            guard columns > 0 else {
                                sink.copy(emptyRow)
                                continue
                            }
                            var keyStart = 0
                            for column in 0..<columns {
                                sink.copy(UnsafeBufferPointer(rebasing: keys[keyStart..<keyEnds[column]]))
                                keyStart = keyEnds[column]
                                switch reader.content(row: row, column: column) {
                                case .null: sink.copy("null")
                                case .text(let text) where quoted[column]:
                                    sink.byte(UInt8(ascii: "\""))
                                    sink.copy(text)
                                    sink.byte(UInt8(ascii: "\""))
                                case .text(let text): sink.copy(text)
                                case .value:
                                    let valueStart = value == 0 ? 0 : renderedEnds[value - 1]
                                    sink.copy(UnsafeBufferPointer(rebasing: values[valueStart..<renderedEnds[value]]))
                                    value += 1
                                }
                            }
                            sink.copy(rowEnd)
                        }
                    }
                }
            }
        }
    }
}

/// Copies bytes into a fixed buffer, never past its end (the measuring pass sized it exactly).
private struct PointerSink {
    private var next: UnsafeMutablePointer<UInt8>?
    private var remaining: Int

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        next = buffer.baseAddress
        remaining = buffer.count
    }

    /// Cells are mostly a few bytes long: those are moved as two overlapping words, not by a
    /// `memmove` call each.
    @inline(__always)
    mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard let source = bytes.baseAddress, let next, count <= remaining else { return }
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(next)
        switch count {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 0..<4:
            for offset in 0..<count { next[offset] = source[offset] }
        default:
            next.update(from: source, count: count)
        }
        self.next = next + count
        remaining -= count
    }

    @inline(__always)
    mutating func copy(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { copy($0) }
    }

    @inline(__always)
    mutating func copy(_ text: StaticString) {
        copy(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func byte(_ byte: UInt8) {
        guard let next, remaining > 0 else { return }
        next.pointee = byte
        self.next = next + 1
        remaining -= 1
    }
}
