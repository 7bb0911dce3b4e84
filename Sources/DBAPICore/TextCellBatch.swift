/// Rows of one streamed batch kept in the UTF-8 text a backend received (a Databricks JSON_ARRAY
/// chunk), so output that only needs text can copy a cell instead of decoding and re-encoding it.
///
/// Each cell is NULL, a value the backend already decoded, or *canonical text*: bytes the backend
/// vouches are exactly how the cell's decoded value is written (`SQLValue.appendJSON`, without the
/// quotes of a JSON string), so copying them gives the same output as decoding them first.
public struct TextCellBatch: Sendable {
    /// Where one cell is held, in 8 bytes: a byte range of the batch, or an index into its values.
    @frozen
    public struct Cell: Sendable, Equatable {
        @usableFromInline let start: UInt32
        @usableFromInline let end: UInt32

        @usableFromInline static let nullMark = UInt32.max
        @usableFromInline static let valueMark = UInt32.max - 1
        /// Batches hold at most this many bytes and values, so offsets fit below the marks.
        public static let limit = Int(UInt32.max - 2)

        public static let null = Cell(start: 0, end: nullMark)
        /// Canonical text at `range` of the batch's bytes.
        public static func text(_ range: Range<Int>) -> Cell {
            Cell(start: UInt32(truncatingIfNeeded: range.lowerBound), end: UInt32(truncatingIfNeeded: range.upperBound))
        }
        /// The decoded value at `index` of the batch's values.
        public static func value(_ index: Int) -> Cell { Cell(start: UInt32(truncatingIfNeeded: index), end: valueMark) }
    }

    /// A cell's content, as `Reader` hands it out.
    public enum Content {
        case null
        case text(UnsafeBufferPointer<UInt8>)
        case value(SQLValue)
    }

    public let rowCount: Int
    public let columnCount: Int
    /// Per column: whether its canonical text is written as a JSON string (text, dates, timestamps)
    /// rather than bare (numbers, booleans).
    public let quotedColumns: [Bool]
    private let bytes: [UInt8]
    private let cells: [Cell]
    private let values: [SQLValue]
    private let decode: @Sendable (UnsafeBufferPointer<UInt8>, Int) -> SQLValue

    /// Nil unless there are `quotedColumns.count` cells per row, `bytes` and `values` are within
    /// `Cell.limit`, and every cell lies inside them.
    ///
    /// - Parameter decode: the typed value of canonical text in a column (for `rows`).
    public init?(
        bytes: [UInt8], cells: [Cell], values: [SQLValue], quotedColumns: [Bool],
        decode: @escaping @Sendable (UnsafeBufferPointer<UInt8>, Int) -> SQLValue
    ) {
        let columnCount = quotedColumns.count
        guard columnCount > 0 ? cells.count % columnCount == 0 : cells.isEmpty, bytes.count <= Cell.limit,
            values.count <= Cell.limit
        else { return nil }
        for cell in cells {
            switch cell.end {
            case Cell.nullMark: continue
            case Cell.valueMark: guard cell.start < values.count else { return nil }
            default: guard cell.start <= cell.end, cell.end <= bytes.count else { return nil }
            }
        }
        self.bytes = bytes
        self.cells = cells
        self.values = values
        self.quotedColumns = quotedColumns
        self.decode = decode
        self.columnCount = columnCount
        self.rowCount = columnCount > 0 ? cells.count / columnCount : 0
    }

    /// Calls `body` with a reader of the cells, valid only inside it.
    public func withReader<Result>(_ body: (Reader) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            try cells.withUnsafeBufferPointer { cells in
                try body(Reader(bytes: buffer, cells: cells, values: values, columnCount: columnCount))
            }
        }
    }

    /// Read access to the cells without copying the batch.
    public struct Reader {
        @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline let cells: UnsafeBufferPointer<Cell>
        @usableFromInline let values: [SQLValue]
        @usableFromInline let columnCount: Int

        /// The cell at `row`, `column` (both in range).
        @inlinable
        public func content(row: Int, column: Int) -> Content {
            let cell = cells[row &* columnCount &+ column]
            switch cell.end {
            case Cell.nullMark: return .null
            case Cell.valueMark: return .value(values[Int(cell.start)])
            default:
                return .text(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + Int(cell.start) }, count: Int(cell.end &- cell.start)))
            }
        }
    }

    /// The batch as typed rows: canonical text decoded by the backend's column decoder.
    public var rows: [Row] { rows(0..<rowCount) }

    /// Rows `range` (within the batch) as typed rows.
    public func rows(_ range: Range<Int>) -> [Row] {
        withReader { reader in
            range.clamped(to: 0..<rowCount).map { row in
                (0..<columnCount).map { column in
                    switch reader.content(row: row, column: column) {
                    case .null: .null
                    case .text(let text): decode(text, column)
                    case .value(let value): value
                    }
                }
            }
        }
    }
}
