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
            guard arguments[1].type.isIntegral || arguments[1].type == .null else {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName, message: "\(name) expects an integer number of days, got \(arguments[1].type)")
            }
            let offset = arguments[1].evaluate
            let sign: Int64 = name == "date_add" ? 1 : -1
            return CompiledExpr(type: .date) { row, context throws(EngineError) in
                guard case .date(let days) = try date(row, context), case .int(let delta) = try offset(row, context) else { return .null }
                return try shift(days, by: sign * delta)
            }
        case "datediff":
            try ScalarFunctions.requireCount(arguments, 2...2, name)
            let end = try ScalarFunctions.argument(arguments[0], as: .date, name, expr)
            let start = try ScalarFunctions.argument(arguments[1], as: .date, name, expr)
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .date(let a) = try end(row, context), case .date(let b) = try start(row, context) else { return .null }
                return .int(Int64(a) - Int64(b))
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
                    guard let days = format.parseDate(value) else { throw EngineError.invalidCast(value: value, type: .date) }
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
                case .date(let days): return .string(format.format(Int64(days) * CivilTime.microsPerDay))
                case .timestamp(let micros): return .string(format.format(micros))
                default: return .null
                }
            }
        }
    }

    /// `days` shifted by `delta` days, with DATE's range checked.
    static func shift(_ days: Int32, by delta: Int64) throws(EngineError) -> SQLValue {
        let (value, overflow) = Int64(days).addingReportingOverflow(delta)
        guard !overflow, let result = Int32(exactly: value) else { throw EngineError.overflow("date out of range") }
        return .date(result)
    }
}

/// A Spark datetime pattern (`yyyy-MM-dd HH:mm:ss`), the letters y M d H h m s S a E and quoted text.
struct DateFormat {
    enum Field: Equatable {
        case literal(String)
        case year(Int), month(Int), day(Int), hour24(Int), hour12(Int), minute(Int), second(Int), fraction(Int)
        case amPm, weekday(Int)
    }

    let fields: [Field]

    init(_ pattern: String) throws(EngineError) {
        var fields: [Field] = []
        var characters = Array(pattern)[...]
        while let first = characters.first {
            if first == "'" {
                characters = characters.dropFirst()
                var text = ""
                while let next = characters.first, next != "'" {
                    text.append(next)
                    characters = characters.dropFirst()
                }
                characters = characters.dropFirst()
                fields.append(.literal(text.isEmpty ? "'" : text))
                continue
            }
            var count = 0
            while characters.first == first {
                count += 1
                characters = characters.dropFirst()
            }
            switch first {
            case "y": fields.append(.year(count))
            case "M", "L": fields.append(.month(count))
            case "d": fields.append(.day(count))
            case "H": fields.append(.hour24(count))
            case "h": fields.append(.hour12(count))
            case "m": fields.append(.minute(count))
            case "s": fields.append(.second(count))
            case "S": fields.append(.fraction(count))
            case "a": fields.append(.amPm)
            case "E": fields.append(.weekday(count))
            case _ where first.isLetter:
                throw EngineError.invalidArgument(function: "date_format", message: "unsupported pattern letter '\(first)' in '\(pattern)'")
            default: fields.append(.literal(String(repeating: first, count: count)))
            }
        }
        self.fields = fields
    }

    func format(_ micros: Int64) -> String {
        let (days, dayMicros) = CivilTime.floorDivide(micros, CivilTime.microsPerDay)
        let civil = CivilTime.civil(days: Int(days))
        let seconds = Int(dayMicros / CivilTime.microsPerSecond)
        let hour = seconds / 3600
        var out = ""
        for field in fields {
            switch field {
            case .literal(let text): out += text
            case .year(let width): out += width == 2 ? pad(civil.year % 100, 2) : pad(civil.year, width)
            case .month(let width):
                out +=
                    width >= 4
                    ? Self.monthNames[civil.month - 1]
                    : (width == 3 ? String(Self.monthNames[civil.month - 1].prefix(3)) : pad(civil.month, width))
            case .day(let width): out += pad(civil.day, width)
            case .hour24(let width): out += pad(hour, width)
            case .hour12(let width): out += pad(hour % 12 == 0 ? 12 : hour % 12, width)
            case .minute(let width): out += pad(seconds / 60 % 60, width)
            case .second(let width): out += pad(seconds % 60, width)
            case .fraction(let width): out += String(pad(Int(dayMicros % CivilTime.microsPerSecond), 6).prefix(width))
            case .amPm: out += hour < 12 ? "AM" : "PM"
            case .weekday(let width):
                let name = Self.weekdayNames[Int(CivilTime.floorDivide(days + 3, 7).1)]
                out += width >= 4 ? name : String(name.prefix(3))
            }
        }
        return out
    }

    /// Parses a date written in this pattern (numeric fields only).
    func parseDate(_ text: String) -> Int32? {
        var rest = Substring(text)
        var year = 1970, month = 1, day = 1
        for field in fields {
            switch field {
            case .literal(let literal):
                guard rest.hasPrefix(literal) else { return nil }
                rest = rest.dropFirst(literal.count)
            case .year(let width), .month(let width), .day(let width):
                let digits = rest.prefix { $0.isASCII && $0.isNumber }.prefix(max(width, field == .year(width) ? 4 : 2))
                guard !digits.isEmpty, let value = Int(digits) else { return nil }
                rest = rest.dropFirst(digits.count)
                switch field {
                case .year: year = value
                case .month: month = value
                default: day = value
                }
            default:
                return nil
            }
        }
        guard rest.isEmpty, (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day) else { return nil }
        return Int32(CivilTime.days(year: year, month: month, day: day))
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
