import DBAPICore
import SQLText

/// `dbapi snapshot`: a table (some columns, the rows a filter keeps, at most a limit) read from a
/// backend, to be written as mock data (`SnapshotFiles`). The filter's `:markers` are bound like any
/// template, never pasted; the table and column names are quoted identifiers.
public struct TableSnapshot: Sendable {
    public let table: String
    public var columns: [String]?
    /// The `WHERE` condition, Spark SQL with `:markers`.
    public var filter: String?
    public var limit: Int?
    public var params: [String: (type: AdHocQuery.DeclaredType?, raw: RawParam)] = [:]

    public init(table: String) { self.table = table }

    /// The statement, its rows ordered by the columns at `ordinals` (1-based) so that a limit keeps the
    /// same rows on every run.
    func statement(orderedBy ordinals: [Int], limit: Int?) throws -> BoundStatement {
        let selected = columns.map { $0.map { SparkLiteral.identifier([$0]) }.joined(separator: ", ") } ?? "*"
        var sql = "SELECT \(selected) FROM \(SparkLiteral.identifier(table.split(separator: ".").map(String.init)))"
        if let filter { sql += " WHERE (\(filter)\n)" }
        if !ordinals.isEmpty { sql += " ORDER BY " + ordinals.map(String.init).joined(separator: ", ") }
        if let limit { sql += " LIMIT \(limit)" }
        return try AdHocQuery.bind(sql, params: params)
    }

    /// Reads the snapshot from `backend`: its columns, and its rows in a stable order (by their JSON
    /// text). With a limit, the warehouse first says the columns (`LIMIT 0`) so the rows can be
    /// ordered by every column that has an order (not maps) before the limit picks them.
    public func read(from backend: any SQLBackend) async throws -> ResultSet {
        var ordinals: [Int] = []
        if limit != nil {
            let probe = try await backend.execute(try statement(orderedBy: [], limit: 0)).collect()
            ordinals = probe.columns.indices.filter { probe.columns[$0].type.isOrderable }.map { $0 + 1 }
        }
        var result = try await backend.execute(try statement(orderedBy: ordinals, limit: limit)).collect()
        let keyed = result.rows.map { row in (key: JSONWriter().string(.array(row.map(\.json))), row: row) }
        result.rows = keyed.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map(\.row)
        return result
    }
}
