import DBAPICore

/// current_date, current_timestamp, date_add, date_sub, datediff, year, month, day, to_date,
/// date_format. The session time zone is UTC.
enum DateFunctions {
    static func compile(_ name: String, _ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        switch name {
        case "current_date":
            try ScalarFunctions.requireCount(arguments, 0...0, name)
            return CompiledExpr(type: .date) { _, context in
                .date(Int32(clamping: CivilTime.floorDivide(context.now, CivilTime.microsPerDay).0))
            }
        case "current_timestamp", "now":
            try ScalarFunctions.requireCount(arguments, 0...0, name)
            return CompiledExpr(type: .timestamp) { _, context in .timestamp(context.now) }
        case "date_add", "date_sub":
            try ScalarFunctions.requireCount(arguments, 2...2, name)
            let date = try ScalarFunctions.argument(arguments[0], as: .date, name, expr)
            guard isDayCount(arguments[1].type) || arguments[1].type == .null else {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName,
                    message: "\(name)'s second parameter requires INT, SMALLINT or TINYINT, got \(arguments[1].type)")
            }
            let offset = arguments[1].evaluate
            let subtract = name == "date_sub"
            return CompiledExpr(type: .date) { row, context throws(EngineError) in
                guard case .date(let days) = try date(row, context), case .int(let delta) = try offset(row, context) else { return .null }
                return shift(days, by: delta, subtract: subtract)
            }
        case "datediff":
            try ScalarFunctions.requireCount(arguments, 2...2, name)
            let end = try ScalarFunctions.argument(arguments[0], as: .date, name, expr)
            let start = try ScalarFunctions.argument(arguments[1], as: .date, name, expr)
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .date(let a) = try end(row, context), case .date(let b) = try start(row, context) else { return .null }
                return .int(Int64(a &- b))  // Spark's INT subtraction, which wraps (not checked) in datediff
            }
        case "year", "month", "day", "dayofmonth":
            try ScalarFunctions.requireCount(arguments, 1...1, name)
            let date = try ScalarFunctions.argument(arguments[0], as: .date, name, expr)
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .date(let days) = try date(row, context) else { return .null }
                let civil = CivilTime.civil(days: Int(days))
                switch name {
                case "year": return .int(Int64(civil.year))
                case "month": return .int(Int64(civil.month))
                default: return .int(Int64(civil.day))
                }
            }
        case "to_date":
            try ScalarFunctions.requireCount(arguments, 1...2, name)
            if arguments.count == 2 {
                guard case .string(let pattern)? = arguments[1].constant else {
                    throw EngineError.typeMismatch(expression: expr.sqlName, message: "to_date's format must be a string constant")
                }
                let format = try DateFormat(pattern)
                let text = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
                return CompiledExpr(type: .date) { row, context throws(EngineError) in
                    guard case .string(let value) = try text(row, context) else { return .null }
                    guard let days = try format.parseDate(value) else { throw EngineError.invalidCast(value: value, type: .date) }
                    return .date(days)
                }
            }
            let date = try ScalarFunctions.argument(arguments[0], as: .date, name, expr)
            return CompiledExpr(type: .date, evaluate: date)
        default:  // date_format
            try ScalarFunctions.requireCount(arguments, 2...2, name)
            guard case .string(let pattern)? = arguments[1].constant else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "date_format's format must be a string constant")
            }
            let format = try DateFormat(pattern)
            let source =
                arguments[0].type == .date
                ? arguments[0].evaluate
                : try ScalarFunctions.argument(arguments[0], as: .timestamp, name, expr)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                switch try source(row, context) {
                case .date(let days): return .string(format.format(try startOfDay(days)))
                case .timestamp(let micros): return .string(format.format(micros))
                default: return .null
                }
            }
        }
    }

    /// Whether `type` can shift a DATE: Spark's `date_add`/`date_sub` take INT, SMALLINT or TINYINT
    /// day counts and refuse BIGINT.
    static func isDayCount(_ type: SQLType) -> Bool {
        type == .int || type == .smallint || type == .tinyint
    }

    /// `days` shifted forward (or back, with `subtract`) by `delta` days. Spark adds day numbers as Java
    /// INTs even in ANSI mode, so a shift past DATE's range wraps around (PySpark 4.3.0:
    /// `date_add(DATE '2024-01-01', 2147483647)` is `-5877587-06-21`).
    static func shift(_ days: Int32, by delta: Int64, subtract: Bool) -> SQLValue {
        let step = Int32(truncatingIfNeeded: delta)
        return .date(subtract ? days &- step : days &+ step)
    }

    /// Midnight (UTC) starting DATE `days`, as TIMESTAMP microseconds; a DATE beyond TIMESTAMP's
    /// range fails as Spark's conversion does (`long overflow`).
    static func startOfDay(_ days: Int32) throws(EngineError) -> Int64 {
        guard let micros = CivilTime.startOfDay(days) else {
            throw EngineError.overflow("long overflow: DATE '\(CivilTime.formatDate(days))' is beyond the TIMESTAMP range")
        }
        return micros
    }
}
