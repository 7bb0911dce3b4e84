import DBAPICore

/// Decodes JSON_ARRAY result data (`[["1","a",null],…]`, every value a string) into typed rows by
/// each column's `type_name`: what every fetch runs on its chunks, public so benchmarks and other
/// tools can measure and reuse it.
public struct ResultChunkDecoder: Sendable {
    let decoders: [ColumnDecoder]

    /// - Parameter columns: name, `type_name` and `type_text` (e.g. `DECIMAL(10,2)`, `ARRAY<INT>`) per column.
    public init(columns: [(name: String, typeName: String, typeText: String?)]) {
        self.init(
            decoders: columns.map { ColumnDecoder(name: $0.name, typeName: $0.typeName, typeText: $0.typeText, precision: nil, scale: nil) }
        )
    }

    init(decoders: [ColumnDecoder]) { self.decoders = decoders }

    /// The result columns with their SQL types.
    public var columns: [ResultColumn] { decoders.map(\.column) }

    /// The rows of the JSON array held by `bytes[range]` (the whole of `bytes` by default), with
    /// canonical cells kept as text (what streamed output copies).
    public func batch(_ bytes: [UInt8], in range: Range<Int>? = nil) throws(DatabricksError) -> RowBatch {
        try scanning { (scanner) throws(DataArrayScanner.Malformed) in try scanner.batch(bytes, in: range ?? 0..<bytes.count) }
    }

    /// The rows of the JSON array starting at `start` of `bytes` (a member of a larger document) and
    /// the offset just past it: a chunk response is parsed around its `data_array` in one pass.
    func batch(_ bytes: [UInt8], from start: Int) throws(DatabricksError) -> (batch: RowBatch, end: Int) {
        try scanning { (scanner) throws(DataArrayScanner.Malformed) in try scanner.batch(bytes, from: start) }
    }

    private func scanning<Result>(
        _ body: (inout DataArrayScanner) throws(DataArrayScanner.Malformed) -> Result
    ) throws(DatabricksError) -> Result {
        var scanner = DataArrayScanner(decoders: decoders)
        do {
            return try body(&scanner)
        } catch {
            throw DatabricksError.malformedResponse("\(error.message) at byte \(error.offset)")
        }
    }

    /// The typed rows of the JSON array held by `bytes[range]` (the whole of `bytes` by default).
    public func rows(_ bytes: [UInt8], in range: Range<Int>? = nil) throws(DatabricksError) -> [Row] {
        try batch(bytes, in: range).rows
    }
}
