import DBAPICore

/// The one Spark type a declared parameter is bound as, by the mock's inline literal and by the
/// warehouse's native `parameters` entry alike, so that what passes on the mock passes on a warehouse.
///
/// | kind | default | `sql_type` may name |
/// |---|---|---|
/// | `integer` | `INT` when `minimum` and `maximum` (or every `enum` value) fit in 32 bits, else `BIGINT` | `TINYINT`, `SMALLINT`, `INT`, `BIGINT` |
/// | `number` | `DOUBLE` | `FLOAT`, `DOUBLE` |
/// | `decimal` | `DECIMAL(precision, scale)`; without precision the value's own digits | `DECIMAL(p,s)` |
/// | `string`, `boolean`, `date` | `STRING`, `BOOLEAN`, `DATE` | that type |
/// | `timestamp` | `TIMESTAMP` | `TIMESTAMP`, `TIMESTAMP_NTZ` (a local date-time; a given offset is ignored, as Spark's cast does) |
/// | `array` | `ARRAY<items' type>` (name the element type on `items`) | — |
/// | `identifier` | not a value: rendered as a name | — |
enum SparkTypeRule {
    /// The declared Spark type of a parameter of `kind`, or a message saying why `sql_type` cannot be used.
    static func resolve(
        kind: ParamType, sqlTypeName: String?, minimum: SQLDecimal?, maximum: SQLDecimal?, allowed: [JSONValue]?
    ) -> Result<SQLType?, Failure> {
        guard let sqlTypeName else { return .success(defaultType(kind, minimum: minimum, maximum: maximum, allowed: allowed)) }
        let choices = namable(kind)
        guard let named = SQLType(sparkName: sqlTypeName) else {
            return .failure(Failure("sql_type '\(sqlTypeName)' is not a Spark type dbapi can bind" + hint(choices)))
        }
        let fits =
            switch (kind, named) {
            case (.decimal(let precision?, let scale), .decimal(let p, let s)): precision == p && (scale ?? 0) == s
            case (.decimal(nil, _), .decimal): true
            default: choices.contains(named.description)
            }
        guard fits else { return .failure(Failure("sql_type \(named) cannot hold a \(kind) parameter" + hint(choices))) }
        return .success(named)
    }

    /// A `sql_type` that does not fit the declaration.
    struct Failure: Error, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func hint(_ choices: [String]) -> String {
        choices.isEmpty ? "" : "; use one of " + choices.joined(separator: ", ")
    }

    /// The Spark types `sql_type` may name for a kind (DECIMAL: any precision and scale).
    private static func namable(_ kind: ParamType) -> [String] {
        switch kind {
        case .integer: ["TINYINT", "SMALLINT", "INT", "BIGINT"]
        case .number: ["FLOAT", "DOUBLE"]
        case .decimal: ["DECIMAL(p,s)"]
        case .string: ["STRING"]
        case .boolean: ["BOOLEAN"]
        case .date: ["DATE"]
        case .timestamp: ["TIMESTAMP", "TIMESTAMP_NTZ"]
        case .array, .identifier: []
        }
    }

    private static func defaultType(_ kind: ParamType, minimum: SQLDecimal?, maximum: SQLDecimal?, allowed: [JSONValue]?) -> SQLType? {
        switch kind {
        case .integer:
            let (low, high) = (SQLDecimal(Int64(Int32.min)), SQLDecimal(Int64(Int32.max)))
            let bounded = [minimum, maximum].allSatisfy { bound in
                bound.map { SQLDecimal.compare($0, low) >= 0 && SQLDecimal.compare($0, high) <= 0 } ?? false
            }
            let enumerated =
                allowed?.allSatisfy { value in
                    if case .int(let number) = value { return Int32(exactly: number) != nil }
                    return false
                } ?? false
            return bounded || enumerated ? .int : .bigint
        case .number: return .double
        case let .decimal(precision?, scale): return .decimal(precision: precision, scale: scale ?? 0)
        case .decimal, .array, .identifier: return nil
        case .string: return .string
        case .boolean: return .boolean
        case .date: return .date
        case .timestamp: return .timestamp
        }
    }
}
