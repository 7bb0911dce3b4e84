/// One batch of a streamed result: typed rows, or cells still in the backend's text.
public enum RowBatch: Sendable {
    case rows([Row])
    case text(TextCellBatch)

    public var count: Int {
        switch self {
        case .rows(let rows): rows.count
        case .text(let batch): batch.rowCount
        }
    }

    /// The batch as typed rows.
    public var rows: [Row] {
        switch self {
        case .rows(let rows): rows
        case .text(let batch): batch.rows
        }
    }

    /// Rows `range` (within the batch) as typed rows.
    public func rows(_ range: Range<Int>) -> [Row] {
        switch self {
        case .rows(let rows): Array(rows[range.clamped(to: 0..<rows.count)])
        case .text(let batch): batch.rows(range)
        }
    }
}
