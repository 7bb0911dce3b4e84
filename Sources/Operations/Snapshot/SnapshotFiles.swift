import DBAPICore
import Foundation

/// Writes a snapshot as mock data: `TABLE.jsonl` (one object per row, values as in envelopes) and
/// `TABLE.schema.json` (each column's exact Spark type). Both are written to temporary names first
/// and renamed once complete, so an interrupted or failed run never leaves a partial table.
public enum SnapshotFiles {
    /// The files written for `table` under `directory`.
    public static func paths(_ table: String, in directory: String) -> (rows: String, schema: String) {
        let base = directory + "/" + table
        return (base + ".jsonl", base + ".schema.json")
    }

    /// Writes `result` as `table`; returns the paths written.
    ///
    /// - Throws: `DBAPIError` for a column type the mock cannot hold, a table name that is not a plain
    ///   name, or a file that cannot be written (nothing is left behind).
    @discardableResult
    public static func write(_ result: ResultSet, table: String, to directory: String) throws -> (rows: String, schema: String) {
        guard !table.isEmpty, !table.contains("/"), !table.hasPrefix("."), !table.utf8.contains(0) else {
            throw DBAPIError(.usage, "snapshot: '\(table)' is not a table name", details: ["table": .string(table)])
        }
        if let column = result.columns.first(where: { if case .nested = $0.type { true } else { false } }) {
            throw DBAPIError(
                .sql,
                "[UNSUPPORTED_FEATURE] snapshot: column \(column.name) of \(table) has type \(column.type), which the mock cannot hold",
                details: ["table": .string(table), "column": .string(column.name)])
        }
        var rows = ""
        let writer = JSONWriter()
        for row in result.rows {
            var object = JSONObject()
            for (column, value) in zip(result.columns, row) { object[column.name] = value.json }
            writer.write(.object(object), to: &rows)
            rows += "\n"
        }
        let columns = result.columns.map { column in
            JSONValue.object(JSONObject([("name", .string(column.name)), ("type", .string(column.type.description))]))
        }
        let schema = JSONWriter(pretty: true).string(.object(JSONObject([("columns", .array(columns))]))) + "\n"
        let paths = paths(table, in: directory)
        let suffix = ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let files = [(paths.rows, rows), (paths.schema, schema)]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (path, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: path + suffix)) }
            for (path, _) in files {
                _ = try? FileManager.default.removeItem(atPath: path)
                try FileManager.default.moveItem(atPath: path + suffix, toPath: path)
            }
        } catch {
            for (path, _) in files { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw DBAPIError(.configuration, "snapshot: cannot write \(table) under \(directory): \(error.localizedDescription)")
        }
        return paths
    }
}
