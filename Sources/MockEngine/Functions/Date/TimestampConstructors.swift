import DBAPICore

/// make_timestamp, make_timestamp_ltz, make_timestamp_ntz and their try_ forms: a timestamp from year, month,
/// day, hour, minute and (fractional) seconds. The TIMESTAMP forms take an optional time zone the fields are read
/// in (the session's, UTC, by default); seconds may be 60 with no fraction (the next minute). A field out of range
/// is DATETIME_FIELD_OUT_OF_BOUNDS, or NULL for the try_ forms.
enum TimestampConstructors {
    static let declarations: [ScalarDeclaration] = [
        constructor("make_timestamp", .timestamp, tolerant: false),
        constructor("make_timestamp_ltz", .timestamp, tolerant: false),
        constructor("make_timestamp_ntz", .timestampNTZ, tolerant: false),
        constructor("try_make_timestamp", .timestamp, tolerant: true),
        constructor("try_make_timestamp_ltz", .timestamp, tolerant: true),
        constructor("try_make_timestamp_ntz", .timestampNTZ, tolerant: true),
    ]

    private static func constructor(_ name: String, _ type: SQLType, tolerant: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: type == .timestamp ? 6...7 : 6...6) { call throws(EngineError) in
            var parts: [Evaluator] = []
            for index in 0..<5 { parts.append(try call.argument(index, as: .int)) }
            let seconds = try call.argument(5, as: .decimal(precision: 16, scale: 6))
            let zone: Evaluator = call.count == 7 ? try call.argument(6, as: .string) : { @Sendable _, _ in .string("UTC") }
            let fields = parts
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                var values: [Int] = []
                for part in fields {
                    guard case .int(let value) = try part(row, context) else { return .null }
                    values.append(Int(value))
                }
                guard case .decimal(let second) = try seconds(row, context), case .string(let zoneName) = try zone(row, context) else {
                    return .null
                }
                let micros: Int64
                do throws(EngineError) {
                    let wallClock = try MonthFunctions.timestamp(values, second)
                    micros = type == .timestamp ? try TimeZoneFunctions.Zone(zoneName).utc(ofWallClock: wallClock) : wallClock
                } catch {
                    if tolerant { return .null }
                    throw error
                }
                return type == .timestamp ? .timestamp(micros) : .timestampNTZ(micros)
            }
        }
    }
}
