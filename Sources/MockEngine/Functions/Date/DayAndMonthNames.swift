import DBAPICore

/// dayname, monthname: the English three-letter name of a DATE's weekday (`Mon`) or month (`Jan`); strings and
/// timestamps are read as DATEs first.
enum DayAndMonthNames {
    static let declarations: [ScalarDeclaration] = [
        name("dayname") { days in DateFormat.weekdayNames[CalendarMath.weekday(days)] },
        name("monthname") { days in DateFormat.monthNames[CivilTime.civil(days: Int(days)).month - 1] },
    ]

    private static func name(_ function: String, _ fullName: @escaping @Sendable (Int32) -> String) -> ScalarDeclaration {
        ScalarDeclaration(names: [function], arity: 1...1) { call throws(EngineError) in
            guard [.date, .timestamp, .timestampNTZ, .string, .null].contains(call.type(0)) else {
                throw call.unexpected(0, "\"DATE\"")
            }
            let date = try call.argument(0, as: .date)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .date(let days) = try date(row, context) else { return .null }
                return .string(String(fullName(days).prefix(3)))
            }
        }
    }
}
