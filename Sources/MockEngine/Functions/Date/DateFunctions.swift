import DBAPICore

/// current_date (curdate), current_timestamp (now), localtimestamp, date_add, date_sub, datediff, year, month, day, to_date,
/// try_to_date, date_format (the three-argument date_add and datediff are `TimestampAddDiff`'s). The session time zone is UTC.
enum DateFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["current_date"], arity: 0...0) { _ in today },
        // Spark prints curdate() as the current_date() it stands for.
        ScalarDeclaration(names: ["curdate"], arity: 0...0, printer: { _, _ in "current_date()" }) { _ in today },
        ScalarDeclaration(names: ["current_timestamp", "now"], arity: 0...0) { _ in
            CompiledExpr(type: .timestamp) { _, context in .timestamp(context.now) }
        },
        // The session's wall clock (UTC), without a time zone.
        ScalarDeclaration(names: ["localtimestamp"], arity: 0...0) { _ in
            CompiledExpr(type: .timestampNTZ) { _, context in .timestampNTZ(context.now) }
        },
        shifting("date_add", subtract: false),
        shifting("date_sub", subtract: true),
        ScalarDeclaration(names: ["datediff", "date_diff"], arity: 2...3, printer: TimestampAddDiff.printed("timestampdiff")) {
            call throws(EngineError) in
            if call.count == 3 { return try TimestampAddDiff.difference(call) }
            let (end, start) = (try call.argument(0, as: .date), try call.argument(1, as: .date))
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .date(let a) = try end(row, context), case .date(let b) = try start(row, context) else { return .null }
                return .int(Int64(a &- b))  // Spark's INT subtraction, which wraps (not checked) in datediff
            }
        },
        field(["year"]) { $0.year },
        field(["month"]) { $0.month },
        field(["day", "dayofmonth"]) { $0.day },
        parsing("to_date", tolerant: false),
        parsing("try_to_date", tolerant: true),
        ScalarDeclaration(names: ["date_format"], arity: 2...2) { call throws(EngineError) in
            guard let pattern = try call.constantText(1, "format") else { return CompiledExpr(constant: .null, type: .string) }
            let format = try DateFormat(pattern)
            let source = call.type(0) == .date ? call.arguments[0].evaluate : try call.argument(0, as: .timestamp)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                switch try source(row, context) {
                case .date(let days): return .string(format.format(try startOfDay(days)))
                case .timestamp(let micros): return .string(format.format(micros))
                default: return .null
                }
            }
        },
    ]

    private static let today = CompiledExpr(type: .date) { _, context in
        .date(Int32(clamping: CivilTime.floorDivide(context.now, CivilTime.microsPerDay).0))
    }

    /// to_date(x [, pattern]): a DATE or timestamp cast to DATE, or text read in the pattern (a constant);
    /// any other value is read as its text, as Spark casts it to STRING first (`to_date(2024)` is 2024-01-01).
    /// try_to_date (`tolerant`) answers NULL for text that to_date fails to read.
    private static func parsing(_ name: String, tolerant: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 1...2) { call throws(EngineError) in
            guard call.count == 2 || (tolerant && call.type(0) == .string) || call.castsToText(0) else {
                return CompiledExpr(type: .date, evaluate: try call.argument(0, as: .date))
            }
            var format: (reader: DateFormat, pattern: String)?
            if call.count == 2 {
                guard let pattern = try call.constantText(1, "format") else { return call.nullAfterValue(.date) }
                format = (try DateFormat.forParsing(pattern), pattern)
            }
            let text = try call.argument(0, as: .string)
            return CompiledExpr(type: .date) { [format] row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                do throws(EngineError) {
                    guard let format else { return try Cast.value(.string(value), from: .string, to: .date) }
                    guard let days = try format.reader.parseDate(value) else {
                        throw UnixTimeFunctions.unparsable(value, format.pattern, tolerantFunction: "try_to_date")
                    }
                    return .date(days)
                } catch {
                    if tolerant { return .null }
                    throw error
                }
            }
        }
    }

    /// date_add (also dateadd), date_sub: a DATE shifted by an INT, SMALLINT or TINYINT number of days. With three
    /// arguments date_add and dateadd are timestampadd; Spark prints a two-argument dateadd as date_add.
    private static func shifting(_ name: String, subtract: Bool) -> ScalarDeclaration {
        let adds = name == "date_add"
        return ScalarDeclaration(
            names: adds ? [name, "dateadd"] : [name], arity: adds ? 2...3 : 2...2,
            printer: adds ? printedAdd : nil
        ) { call throws(EngineError) in
            if call.count == 3 { return try TimestampAddDiff.add(call) }
            let date = try call.argument(0, as: .date)
            let offset = call.type(1) == .string ? try call.argument(1, as: .int) : call.arguments[1].evaluate
            guard isDayCount(call.type(1)) || call.type(1) == .null || call.type(1) == .string else {
                throw unexpectedDayCount(call.expr, call.type(1))
            }
            return CompiledExpr(type: .date) { row, context throws(EngineError) in
                guard case .date(let days) = try date(row, context), case .int(let delta) = try offset(row, context) else { return .null }
                return shift(days, by: delta, subtract: subtract)
            }
        }
    }

    /// How Spark prints date_add and dateadd: as timestampadd with three arguments, else as date_add.
    private static let printedAdd: ScalarDeclaration.Printer = { _, arguments in
        "\(arguments.count == 3 ? "timestampadd" : "date_add")(\(arguments.joined(separator: ", ")))"
    }

    /// year, month, day: one field of a DATE's civil date.
    private static func field(_ names: [String], _ part: @escaping @Sendable ((year: Int, month: Int, day: Int)) -> Int)
        -> ScalarDeclaration
    {
        .strict(names, .date, returns: .int) { value in
            guard case .date(let days) = value else { return .null }
            return .int(Int64(part(CivilTime.civil(days: Int(days)))))
        }
    }

    /// Spark's error for a day count of another type (`date_add(d, 1L)`, `d + 1.5`).
    static func unexpectedDayCount(_ expr: Expr, _ type: SQLType) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: The second parameter requires the (\"INT\" or \"SMALLINT\" "
                + "or \"TINYINT\") type, however the value has the type \"\(type)\".")
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
