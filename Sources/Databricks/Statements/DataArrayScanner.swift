import DBAPICore

/// Reads a JSON_ARRAY `data_array` (an array of rows, each an array of strings or nulls) from its
/// bytes without building a JSON tree: the hot path of every fetch.
///
/// Each cell becomes a byte range of the response when its column vouches that the text is already
/// canonical (its `CanonicalRule`), else the value its column's decoder makes of it;
/// strings with escapes are first unescaped into a reused buffer. Missing trailing cells are NULL,
/// extra cells are ignored. Bare numbers and booleans are read as their text; anything else is
/// malformed.
struct DataArrayScanner {
    struct Malformed: Error, Equatable {
        let message: String
        let offset: Int
    }

    private let kinds: [ColumnDecoder.Kind]
    private let rules: [CanonicalRule]
    private var scratch: [UInt8] = []
    private var cells: [TextCellBatch.Cell] = []
    private var values: [SQLValue] = []
    private var rowCount = 0

    init(decoders: [ColumnDecoder]) {
        self.kinds = decoders.map(\.kind)
        self.rules = kinds.map(CanonicalRule.init)
    }

    /// The rows of the array occupying `range` of `bytes` (nothing but spaces may follow it there).
    mutating func batch(_ bytes: [UInt8], in range: Range<Int>) throws(Malformed) -> RowBatch {
        try read(bytes, range, toEnd: true).batch
    }

    /// The rows of the array starting at `start` of `bytes` (inside a larger JSON document), and the
    /// offset just past its closing bracket.
    mutating func batch(_ bytes: [UInt8], from start: Int) throws(Malformed) -> (batch: RowBatch, end: Int) {
        guard start >= 0, start <= bytes.count else { throw Malformed(message: "data_array offset outside the response", offset: 0) }
        return try read(bytes, start..<bytes.count, toEnd: false)
    }

    private mutating func read(_ bytes: [UInt8], _ range: Range<Int>, toEnd: Bool) throws(Malformed) -> (batch: RowBatch, end: Int) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw Malformed(message: "data_array range outside the response", offset: 0)
        }
        guard bytes.count <= TextCellBatch.Cell.limit else { throw Malformed(message: "chunk larger than 4 GiB", offset: 0) }
        cells.reserveCapacity(range.count / 12)  // typical cells take 8–16 bytes; more cells grow the array
        let end = try bytes.withUnsafeBufferPointer { (buffer) throws(Malformed) -> Int in
            var cursor = Cursor(bytes: UnsafeBufferPointer(rebasing: buffer[range]), base: range.lowerBound)
            try scan(&cursor)
            if toEnd { try cursor.expectEnd() }
            return cursor.base + cursor.index
        }
        return (try makeBatch(bytes, errorOffset: range.lowerBound), end)
    }

    /// The batch of the cells and values read so far, over `bytes`.
    private func makeBatch(_ bytes: [UInt8], errorOffset: Int) throws(Malformed) -> RowBatch {
        if kinds.isEmpty { return .rows(Array(repeating: [], count: rowCount)) }
        let kinds = self.kinds
        guard
            let batch = TextCellBatch(
                bytes: bytes, cells: cells, values: values, quotedColumns: rules.map(\.writesJSONString),
                decode: { ColumnDecoder.value(utf8: $0, as: kinds[$1]) })
        else { throw Malformed(message: "cell outside the response", offset: errorOffset) }
        return .text(batch)
    }

    private mutating func scan(_ cursor: inout Cursor) throws(Malformed) {
        try cursor.expect(UInt8(ascii: "["), "expected '[' to open data_array")
        if cursor.consume(UInt8(ascii: "]")) { return }
        repeat {
            try row(&cursor)
            rowCount += 1
        } while try cursor.separator(closing: UInt8(ascii: "]"), "expected ',' or ']' between rows")
    }

    private mutating func row(_ cursor: inout Cursor) throws(Malformed) {
        try cursor.expect(UInt8(ascii: "["), "expected '[' to open a row")
        var column = 0
        if !cursor.consume(UInt8(ascii: "]")) {
            repeat {
                let cell = try cell(&cursor, column: column)
                if column < kinds.count { cells.append(cell) }
                column += 1
            } while try cursor.separator(closing: UInt8(ascii: "]"), "expected ',' or ']' between cells")
        }
        while column < kinds.count {
            cells.append(.null)
            column += 1
        }
    }

    private mutating func cell(_ cursor: inout Cursor, column: Int) throws(Malformed) -> TextCellBatch.Cell {
        cursor.skipSpace()
        guard let first = cursor.peek() else { throw cursor.malformed("unexpected end inside a row") }
        let known = column < kinds.count
        switch first {
        case UInt8(ascii: "\""):
            let (start, end, escaped) = try cursor.string()
            guard known else { return .null }
            if !escaped { return textOrValue(cursor, start..<end, column: column) }
            scratch.removeAll(keepingCapacity: true)
            try Self.unescape(UnsafeBufferPointer(rebasing: cursor.bytes[start..<end]), into: &scratch, at: cursor.base + start)
            let value = scratch.withUnsafeBufferPointer { ColumnDecoder.value(utf8: $0, as: kinds[column]) }
            values.append(value)
            return .value(values.count - 1)
        case UInt8(ascii: "n"):
            try cursor.word("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"):
            let (start, end) = cursor.bareToken()
            return known ? textOrValue(cursor, start..<end, column: column) : .null
        default:
            throw cursor.malformed("a cell must be a string or null")
        }
    }

    /// The cell for unescaped text at `range` of the cursor's bytes.
    private mutating func textOrValue(_ cursor: Cursor, _ range: Range<Int>, column: Int) -> TextCellBatch.Cell {
        let text = UnsafeBufferPointer(rebasing: cursor.bytes[range])
        if rules[column].accepts(text) { return .text(cursor.base + range.lowerBound..<cursor.base + range.upperBound) }
        values.append(ColumnDecoder.value(utf8: text, as: kinds[column]))
        return .value(values.count - 1)
    }

    /// Decodes JSON escapes (`\n`, `\"`, `\u00e9`, surrogate pairs) into UTF-8.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], at offset: Int) throws(Malformed) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard index < bytes.count else { throw Malformed(message: "unterminated escape", offset: offset + index) }
            let code = bytes[index]
            index += 1
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(bytes, at: index) else { throw Malformed(message: "bad \\u escape", offset: offset + index) }
                index += 4
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u"), let low = hex4(bytes, at: index + 2), (0xDC00..<0xE000).contains(low)
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default:
                throw Malformed(message: "invalid escape", offset: offset + index - 1)
            }
        }
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

/// A position in the bytes of one `data_array`, with the few token readers the scanner needs.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of `bytes` in the whole response, for error positions.
    let base: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, base: Int) {
        self.bytes = bytes
        self.base = base
    }

    func malformed(_ message: String) -> DataArrayScanner.Malformed {
        DataArrayScanner.Malformed(message: message, offset: base + index)
    }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: UInt8, _ message: String) throws(DataArrayScanner.Malformed) {
        guard consume(byte) else { throw malformed(message) }
    }

    /// True after a ',', false after `closing`; anything else is malformed.
    mutating func separator(closing: UInt8, _ message: String) throws(DataArrayScanner.Malformed) -> Bool {
        if consume(UInt8(ascii: ",")) { return true }
        if consume(closing) { return false }
        throw malformed(message)
    }

    mutating func expectEnd() throws(DataArrayScanner.Malformed) {
        skipSpace()
        guard index == bytes.count else { throw malformed("unexpected text after data_array") }
    }

    mutating func word(_ word: StaticString) throws(DataArrayScanner.Malformed) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(rebasing: bytes[index..<index + count]).elementsEqual(
                UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { throw malformed("invalid literal") }
        index += count
    }

    /// The content range of the string starting at `index` and whether it holds escapes.
    mutating func string() throws(DataArrayScanner.Malformed) -> (start: Int, end: Int, escaped: Bool) {
        index += 1
        let start = index
        var escaped = false
        while true {
            index = JSONStringScan.nextSpecial(in: bytes, from: index)
            guard index < bytes.count else { throw malformed("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return (start, index - 1, escaped)
            }
            guard byte == UInt8(ascii: "\\") else { throw malformed("control character in a string") }
            escaped = true
            index += 2
        }
    }

    /// A number or boolean written without quotes.
    mutating func bareToken() -> (start: Int, end: Int) {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return (start, index)
            default: index += 1
            }
        }
        return (start, index)
    }
}
