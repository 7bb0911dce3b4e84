import DBAPICore

@testable import MockEngine

/// One input of the `csv` and `jsonl` fuzz targets (`scripts/fuzz.sh csv|jsonl`, and
/// `TableFileFuzzPropertyTests`): the input is one mock-data file, loaded with inferred types and
/// again with a schema that declares its columns as other types (every coercion path), each
/// value rendered as the outputs do.
enum TableFileFuzzBody {
    enum Format { case csv, jsonLines }

    /// Every type a schema sidecar can declare for a column.
    static let types: [SQLType] = [
        .boolean, .tinyint, .smallint, .int, .bigint, .float, .double, .decimal(precision: 10, scale: 2),
        .decimal(precision: 38, scale: 0), .decimal(precision: 38, scale: 38), .string, .date, .timestamp,
        .array(.int), .array(.string), .array(.decimal(precision: 5, scale: 1)),
    ]

    static func run(_ bytes: [UInt8], format: Format) throws {
        let inferred = try load(bytes, format, schema: nil)
        _ = inferred.rows.map { $0.map(\.description) }
        let shift = bytes.count % types.count
        let declared = inferred.columns.enumerated().map { ResultColumn(name: $1.name, type: types[($0 + shift) % types.count]) }
        do {
            _ = try load(bytes, format, schema: TableSchema(columns: declared)).rows.map { $0.map(\.description) }
        } catch {
            _ = error.description  // most values are not of the type declared for them
        }
    }

    private static func load(_ bytes: [UInt8], _ format: Format, schema: TableSchema?) throws(EngineError) -> Table {
        switch format {
        case .csv: try CSVTableLoader.load(bytes: bytes, file: "fuzz.csv", name: "main.default.fuzz", schema: schema)
        case .jsonLines: try JSONLTableLoader.load(bytes: bytes, file: "fuzz.jsonl", name: "main.default.fuzz", schema: schema)
        }
    }
}
