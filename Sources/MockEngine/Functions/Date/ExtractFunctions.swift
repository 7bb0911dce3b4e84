import DBAPICore

/// `extract(field FROM source)`, `date_part('field', source)`, `datepart`: one field of a DATE, TIMESTAMP or
/// interval, with Spark's field names and result types (SECOND is DECIMAL(8,6); an interval's MONTH, HOUR
/// and MINUTE are TINYINT).
enum ExtractFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["extract", "date_part", "datepart"], arity: 2...2, printer: printed) { call throws(EngineError) in
            try compile(call)
        }
    ]

    /// Spark prints extract and datepart as `name(field FROM source)`, date_part as called.
    private static let printed: ScalarDeclaration.Printer = { name, arguments in
        guard name != "date_part", arguments.count == 2 else { return nil }
        return "\(name)(\(arguments[0]) FROM \(arguments[1]))"
    }

    private enum Field: String {
        case year, yearOfWeek, quarter, month, week, day, dayOfWeek, dayOfWeekISO, dayOfYear, hour, minute, second
    }

    private static let synonyms: [String: Field] = {
        var table: [String: Field] = [:]
        let names: [(Field, [String])] = [
            (.year, ["YEAR", "Y", "YEARS", "YR", "YRS"]), (.yearOfWeek, ["YEAROFWEEK"]), (.quarter, ["QUARTER", "QTR"]),
            (.month, ["MONTH", "MON", "MONS", "MONTHS"]),
            (.week, ["WEEK", "W", "WEEKS"]), (.day, ["DAY", "D", "DAYS"]), (.dayOfWeek, ["DAYOFWEEK", "DOW"]),
            (.dayOfWeekISO, ["DAYOFWEEK_ISO", "DOW_ISO"]), (.dayOfYear, ["DOY"]), (.hour, ["HOUR", "H", "HOURS", "HR", "HRS"]),
            (.minute, ["MINUTE", "M", "MIN", "MINS", "MINUTES"]), (.second, ["SECOND", "S", "SEC", "SECONDS", "SECS"]),
        ]
        for (field, words) in names { for word in words { table[word] = field } }
        return table
    }()

    private static func compile(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        if call.constant(0)?.isNull == true { return CompiledExpr(constant: .null, type: .double) }  // Spark's type for it
        guard case .string(let name)? = call.constant(0) else { throw call.mismatch("\(call.name)'s field must be a string constant") }
        let source = call.arguments[1]
        let field = synonyms[name.uppercased()]
        if case let .interval(start, end) = source.type {
            guard let field, let type = intervalFieldType(field, start, end) else { throw invalidField(name, call) }
            return intervalPart(field, type, source.evaluate)
        }
        guard let field, source.type == .null || source.type == .string || DatetimeArithmetic.isPointInTime(source.type) else {
            throw invalidField(name, call)
        }
        let timestamp = try ScalarCall.implicitCast(source, to: .timestamp, call.name, call.expr)
        let type: SQLType = field == .second ? .decimal(precision: 8, scale: 6) : .int
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            guard case .timestamp(let micros) = try timestamp(row, context) else { return .null }
            return datePart(field, micros)
        }
    }

    private static func datePart(_ field: Field, _ micros: Int64) -> SQLValue {
        let days = CalendarMath.date(ofMicros: micros)
        let time = CalendarMath.timeOfDay(micros)
        let civil = CivilTime.civil(days: Int(days))
        let value: Int
        switch field {
        case .year: value = civil.year
        case .yearOfWeek: value = CivilTime.civil(days: Int(days) + 3 - CalendarMath.weekday(days)).year  // the ISO week's Thursday
        case .quarter: value = CalendarMath.quarter(days)
        case .month: value = civil.month
        case .week: value = CalendarMath.isoWeek(days)
        case .day: value = civil.day
        case .dayOfWeek: value = CalendarMath.dayOfWeek(days)
        case .dayOfWeekISO: value = CalendarMath.weekday(days) + 1
        case .dayOfYear: value = CalendarMath.dayOfYear(days)
        case .hour: value = Int(time / 3_600_000_000)
        case .minute: value = Int(time / 60_000_000 % 60)
        case .second: return .decimal(SQLDecimal(unscaled: Int128(time % 60_000_000), scale: 6))
        }
        return .int(Int64(value))
    }

    /// The result type of an interval field, or nil when the interval's qualifier does not hold it.
    private static func intervalFieldType(_ field: Field, _ start: IntervalField, _ end: IntervalField) -> SQLType? {
        let wanted: IntervalField
        switch field {
        case .year: wanted = .year
        case .month: wanted = .month
        case .day: wanted = .day
        case .hour: wanted = .hour
        case .minute: wanted = .minute
        case .second: wanted = .second
        default: return nil
        }
        guard wanted.isYearMonth == start.isYearMonth, start <= wanted, wanted <= end || wanted.isYearMonth else { return nil }
        switch wanted {
        case .year, .day: return .int
        case .second: return .decimal(precision: 8, scale: 6)
        default: return .tinyint
        }
    }

    private static func intervalPart(_ field: Field, _ type: SQLType, _ source: @escaping Evaluator) -> CompiledExpr {
        CompiledExpr(type: type) { row, context throws(EngineError) in
            guard case .interval(let interval) = try source(row, context) else { return .null }
            let amount = interval.amount
            switch field {
            case .year: return .int(amount / 12)
            case .month: return .int(amount % 12)
            case .day: return .int(amount / CivilTime.microsPerDay)
            case .hour: return .int(amount % CivilTime.microsPerDay / 3_600_000_000)
            case .minute: return .int(amount % 3_600_000_000 / 60_000_000)
            default: return .decimal(SQLDecimal(unscaled: Int128(amount % 60_000_000), scale: 6))
            }
        }
    }

    private static func invalidField(_ name: String, _ call: ScalarCall) -> EngineError {
        let source = call.expr.arguments.last?.sqlName ?? ""
        return .analysis("INVALID_EXTRACT_FIELD", "Cannot extract `\(name)` from \"\(source)\".")
    }
}

extension Expr {
    /// A function call's arguments (empty for anything else).
    fileprivate var arguments: [Expr] {
        if case .function(_, let arguments, _, _) = self { return arguments }
        return []
    }
}
