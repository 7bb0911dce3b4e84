import DBAPICore

/// `+` and `-` on dates, timestamps and intervals with Spark's (ANSI) result types:
///
/// | operands | result |
/// |---|---|
/// | DATE ± INT/SMALLINT/TINYINT, INT + DATE | DATE (`date_add`, `date_sub`) |
/// | DATE ± year-month interval, DATE ± INTERVAL DAY | DATE |
/// | DATE ± other day-time interval | TIMESTAMP |
/// | TIMESTAMP[_NTZ] ± interval | the timestamp's type |
/// | DATE − DATE | INTERVAL DAY |
/// | TIMESTAMP[_NTZ] or DATE − TIMESTAMP[_NTZ] | INTERVAL DAY TO SECOND |
/// | interval ± interval of one family | the qualifier spanning both |
///
/// A STRING next to a DATE or TIMESTAMP in a subtraction is cast to that type; NULL takes the type that
/// makes the operation valid (`DATE + NULL` is a TIMESTAMP, `DATE - NULL` an INTERVAL DAY, as in Spark).
enum DatetimeArithmetic {
    /// The compiled operation, or nil when neither side is a date, timestamp or interval.
    static func compile(_ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, _ expr: Expr) throws(EngineError)
        -> CompiledExpr?
    {
        guard op == .add || op == .subtract, isDatetime(left.type) || isDatetime(right.type) else { return nil }
        var (left, right) = (left, right)
        // Commute `x + date` so the datetime is on the left, and `timestamp + date` so the DATE is: Spark reads both
        // as date_add(date, x).
        let dateLast = right.type == .date && isPointInTime(left.type) && left.type != .date
        if op == .add, !isDatetime(left.type) || (isInterval(left.type) && isDatetime(right.type) && !isInterval(right.type)) || dateLast {
            swap(&left, &right)
        }
        if op == .subtract, isPointInTime(left.type) {
            if right.type == .string { right = ExpressionCompiler.coerce(right, to: left.type == .date ? .date : left.type) }
            if right.type == .null { right = ExpressionCompiler.coerce(right, to: left.type == .date ? .date : left.type) }
        }
        if op == .subtract, left.type == .string, isPointInTime(right.type) {
            left = ExpressionCompiler.coerce(left, to: right.type)
        }
        if op == .subtract, left.type == .null, isPointInTime(right.type) { left = ExpressionCompiler.coerce(left, to: right.type) }
        if isPointInTime(left.type), isPointInTime(right.type), op == .subtract { return difference(left, right) }
        if isPointInTime(left.type), right.type == .null {
            right = ExpressionCompiler.coerce(right, to: .interval(.day, .second))
        }
        if isPointInTime(left.type), case let .interval(start, end) = right.type {
            return shift(left, by: right, start: start, end: end, subtract: op == .subtract)
        }
        if left.type == .date { return try shiftDays(left, right, subtract: op == .subtract, expr) }
        if case .interval = left.type, case .interval = right.type { return try IntervalArithmetic.add(left, right, op, expr) }
        if isInterval(left.type) || isInterval(right.type) {  // `INTERVAL 1 DAY + 1`: Spark wants a timestamp beside it
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: an interval is added to a DATE, TIMESTAMP or another "
                    + "interval, not to \"\(isInterval(left.type) ? right.type : left.type)\".")
        }
        if op == .subtract, let mismatch = subtractionMismatch(left, right, expr) { throw mismatch }
        if op == .add, isPointInTime(left.type), right.type == .string {  // the text is read as a timestamp, which + refuses
            throw EngineError.wrongOperandType(expr, requires: Arithmetic.numericInput, left.type)
        }
        throw EngineError.incompatibleOperands(expr, left.type, right.type)
    }

    /// A number minus a DATE, or a TIMESTAMP minus a number: Spark reads these as its date and timestamp
    /// subtractions and reports the operand of the wrong type (PySpark 4.3.0's messages).
    private static func subtractionMismatch(_ left: CompiledExpr, _ right: CompiledExpr, _ expr: Expr) -> EngineError? {
        guard case let .binary(_, leftExpr, rightExpr) = expr else { return nil }
        let requirement: String
        let (ordinal, operand, type): (String, Expr, SQLType)
        if left.type.isNumeric, right.type == .date {
            (requirement, ordinal, operand, type) = ("\"DATE\"", "first", leftExpr, left.type)
        } else if left.type == .timestamp || left.type == .timestampNTZ, right.type.isNumeric {
            (requirement, ordinal, operand, type) = (timestampInput, "second", rightExpr, right.type)
        } else if right.type == .timestamp || right.type == .timestampNTZ, left.type.isNumeric || left.type == .boolean {
            (requirement, ordinal, operand, type) = (timestampInput, "first", leftExpr, left.type)
        } else {
            return nil
        }
        return .analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: The \(ordinal) parameter requires the \(requirement) type, "
                + "however \"\(operand.sqlName)\" has the type \"\(type)\".")
    }

    private static let timestampInput =
        "(\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\" or \"(TIMESTAMP_LTZ(P) OR TIMESTAMP_NTZ(P) WITH P IN [7, 9])\")"

    private static func isInterval(_ type: SQLType) -> Bool {
        if case .interval = type { return true }
        return false
    }

    /// DATE, TIMESTAMP or TIMESTAMP_NTZ.
    static func isPointInTime(_ type: SQLType) -> Bool { type == .date || type == .timestamp || type == .timestampNTZ }

    private static func isDatetime(_ type: SQLType) -> Bool { isPointInTime(type) || isInterval(type) }

    /// `a - b` of two dates (INTERVAL DAY) or of timestamps (INTERVAL DAY TO SECOND).
    private static func difference(_ left: CompiledExpr, _ right: CompiledExpr) -> CompiledExpr {
        if left.type == .date, right.type == .date {
            let (l, r) = (left.evaluate, right.evaluate)
            return CompiledExpr(type: .interval(.day, .day)) { row, context throws(EngineError) in
                guard case .date(let a) = try l(row, context), case .date(let b) = try r(row, context) else { return .null }
                let (micros, overflow) = (Int64(a) - Int64(b)).multipliedReportingOverflow(by: CivilTime.microsPerDay)
                guard !overflow else { throw EngineError.overflow("long overflow") }
                return .interval(SQLInterval(amount: micros, start: .day, end: .day))
            }
        }
        let common = TypeCoercion.common(left.type, right.type) ?? .timestamp
        let (l, r) = (ExpressionCompiler.coerce(left, to: common).evaluate, ExpressionCompiler.coerce(right, to: common).evaluate)
        return CompiledExpr(type: .interval(.day, .second)) { row, context throws(EngineError) in
            guard let a = try l(row, context).micros, let b = try r(row, context).micros else { return .null }
            let (micros, overflow) = a.subtractingReportingOverflow(b)
            guard !overflow else { throw EngineError.overflow("long overflow") }
            return .interval(SQLInterval(amount: micros, start: .day, end: .second))
        }
    }

    /// A date or timestamp moved by an interval.
    private static func shift(_ point: CompiledExpr, by interval: CompiledExpr, start: IntervalField, end: IntervalField, subtract: Bool)
        -> CompiledExpr
    {
        let sign: Int64 = subtract ? -1 : 1
        let moveDays = point.type == .date && (start.isYearMonth || (start == .day && end == .day))
        let type: SQLType = point.type == .date && !moveDays ? .timestamp : point.type
        let source = ExpressionCompiler.coerce(point, to: type).evaluate
        let amount = interval.evaluate
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            let value = try source(row, context)
            guard case .interval(let step) = try amount(row, context), !value.isNull else { return .null }
            let (delta, overflow) = step.amount.multipliedReportingOverflow(by: sign)
            guard !overflow else { throw EngineError.overflow("long overflow") }
            switch value {
            case .date(let days):
                if start.isYearMonth { return .date(try addMonths(days, delta)) }
                guard let moved = Int32(exactly: Int64(days) + delta / CivilTime.microsPerDay) else {
                    throw EngineError.overflow("integer overflow")
                }
                return .date(moved)
            case .timestamp(let micros): return .timestamp(try move(micros, delta, yearMonth: start.isYearMonth))
            case .timestampNTZ(let micros): return .timestampNTZ(try move(micros, delta, yearMonth: start.isYearMonth))
            default: return .null
            }
        }
    }

    /// Timestamp microseconds moved by months (the day clamped to the month's end) or by microseconds.
    private static func move(_ micros: Int64, _ delta: Int64, yearMonth: Bool) throws(EngineError) -> Int64 {
        if yearMonth {
            let (days, time) = CivilTime.floorDivide(micros, CivilTime.microsPerDay)
            let moved = try addMonths(Int32(clamping: days), delta)
            guard let start = CivilTime.startOfDay(moved) else { throw EngineError.overflow("long overflow") }
            return try CalendarMath.adding(start, time)
        }
        let (sum, overflow) = micros.addingReportingOverflow(delta)
        guard !overflow else { throw EngineError.overflow("long overflow") }
        return sum
    }

    /// DATE `days` moved by `months`, the day of month clamped to the target month's length (Spark's `add_months`).
    static func addMonths(_ days: Int32, _ months: Int64) throws(EngineError) -> Int32 {
        let civil = CivilTime.civil(days: Int(days))
        let total = Int64(civil.year) * 12 + Int64(civil.month - 1) + months
        let year = Int(CivilTime.floorDivide(total, 12).0)
        let month = Int(CivilTime.floorDivide(total, 12).1) + 1
        guard abs(year) <= 6_000_000,
            let moved = CivilTime.date(year: year, month: month, day: min(civil.day, CivilTime.daysIn(month: month, year: year)))
        else { throw EngineError.overflow("integer overflow") }
        return moved
    }

    /// `date + n`, `date - n`: a DATE shifted by an INT, SMALLINT or TINYINT number of days.
    private static func shiftDays(_ date: CompiledExpr, _ offset: CompiledExpr, subtract: Bool, _ expr: Expr) throws(EngineError)
        -> CompiledExpr
    {
        guard DateFunctions.isDayCount(offset.type) else { throw DateFunctions.unexpectedDayCount(expr, offset.type) }
        let (l, r) = (date.evaluate, offset.evaluate)
        return CompiledExpr(type: .date) { row, context throws(EngineError) in
            guard case .date(let days) = try l(row, context), case .int(let delta) = try r(row, context) else { return .null }
            return DateFunctions.shift(days, by: delta, subtract: subtract)
        }
    }
}

extension SQLValue {
    /// A TIMESTAMP's or TIMESTAMP_NTZ's microseconds.
    var micros: Int64? {
        switch self {
        case .timestamp(let micros), .timestampNTZ(let micros): micros
        default: nil
        }
    }
}
