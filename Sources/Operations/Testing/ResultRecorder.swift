import DBAPICore
import SQLText

/// What `dbapi test` keeps of each query's result while an example runs: the columns and their Spark
/// types (`"qty: INT"`), which results were sorted because their SQL has no ORDER BY, and the values volatile
/// columns produced. Also sorts those unordered rows, so the response mapping and the snapshot
/// see one order on every backend and run.
final class ResultRecorder: Sendable {
    struct Recorded {
        var columns = JSONObject()
        var unordered: [String] = []
        /// The JSON text of every value a volatile column produced (as rows and as mapping values).
        var volatileTexts: Set<String> = []
    }

    private let state = LockedBox(Recorded())

    var recorded: Recorded { state.withLock { $0 } }

    /// The observer `OperationRunner.run` calls with each query's result.
    var observer: OperationRunner.ResultObserver {
        { [self] query, template, result in record(query, template, &result) }
    }

    private func record(_ query: QuerySpec, _ template: Template, _ result: inout ResultSet) {
        let shape = QueryShape(template)
        if !shape.isOrdered { result.rows = Self.sorted(result.rows) }
        let positions = shape.volatileColumns.compactMap { column -> Int? in
            switch column {
            case .position(let position): position < result.columns.count ? position : nil
            case .name(let name): result.columns.firstIndex { $0.name.lowercased() == name.lowercased() }
            }
        }
        var texts: Set<String> = []
        for row in result.rows {
            for position in positions where position < row.count {
                let value = row[position]
                guard Self.isTraceable(value) else { continue }
                texts.insert(JSONWriter().string(value.json))
                texts.insert(JSONWriter().string(MappingValue(value).json))
            }
        }
        let columns = JSONValue.array(result.columns.map { .string($0.name + ": " + $0.type.description) })
        state.withLock { recorded in
            recorded.columns[query.resultKey] = columns
            if !shape.isOrdered { recorded.unordered.append(query.resultKey) }
            recorded.volatileTexts.formUnion(texts)
        }
    }

    /// NULL and booleans are left alone: too common to be told from other values.
    private static func isTraceable(_ value: SQLValue) -> Bool {
        switch value {
        case .null, .bool: false
        default: true
        }
    }

    /// Rows in the order of their JSON text, byte by byte.
    static func sorted(_ rows: [[SQLValue]]) -> [[SQLValue]] {
        rows.map { row in (row, Array(JSONWriter().string(.array(row.map(\.json))).utf8)) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
            .map(\.0)
    }
}
