/// A column of a result: its name and Spark type.
public struct ResultColumn: Sendable, Equatable {
    public var name: String
    public var type: SQLType

    public init(name: String, type: SQLType) {
        self.name = name
        self.type = type
    }
}

/// One row of values, in column order.
public typealias Row = [SQLValue]

/// A fully collected result.
public struct ResultSet: Sendable, Equatable {
    public var columns: [ResultColumn]
    public var rows: [Row]
    /// Whether the backend cut the result short (e.g. a row limit); facts go to `meta`.
    public var isTruncated: Bool

    public init(columns: [ResultColumn], rows: [Row], isTruncated: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.isTruncated = isTruncated
    }
}

/// A result delivered in batches, so large results can be written out before they are complete.
///
/// The mock backend yields one batch of rows; a remote backend yields one batch per chunk as it
/// arrives, in the text it received.
public struct ResultStream: Sendable {
    public let columns: [ResultColumn]
    /// Facts about the result for `meta` (statement id, truncation, …).
    public let properties: [String: JSONValue]
    private let nextBatch: @Sendable () async throws -> RowBatch?

    /// Creates a stream whose batches come from `next` until it returns nil.
    public init(
        columns: [ResultColumn], properties: [String: JSONValue] = [:], next: @escaping @Sendable () async throws -> RowBatch?
    ) {
        self.columns = columns
        self.properties = properties
        self.nextBatch = next
    }

    /// A stream over rows that are already in memory.
    public init(_ result: ResultSet) {
        let box = LockedBox<[Row]?>(result.rows)
        self.init(columns: result.columns) {
            box.withLock { rows in
                defer { rows = nil }; return rows.map(RowBatch.rows)
            }
        }
    }

    /// The next batch as the backend holds it (text output copies canonical text cells), or nil when
    /// the result is exhausted.
    public func batch() async throws -> RowBatch? { try await nextBatch() }

    /// The next batch of typed rows, or nil when the result is exhausted.
    public func next() async throws -> [Row]? { try await nextBatch()?.rows }

    /// Reads every remaining batch into one result.
    public func collect() async throws -> ResultSet {
        var rows: [Row] = []
        while let batch = try await next() { rows.append(contentsOf: batch) }
        return ResultSet(columns: columns, rows: rows, isTruncated: properties["truncated"] == .bool(true))
    }
}
