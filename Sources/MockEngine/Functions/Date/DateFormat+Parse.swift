import DBAPICore

extension DateFormat {
    /// Parses a date written in this pattern (`to_date`); nil when the text does not match or is not a
    /// calendar date.
    ///
    /// - Throws: `overflow` for a date beyond TIMESTAMP's range: Spark parses a timestamp first.
    func parseDate(_ text: String) throws(EngineError) -> Int32? {
        guard let micros = try parseTimestamp(text) else { return nil }
        return Int32(clamping: CivilTime.floorDivide(micros, CivilTime.microsPerDay).0)
    }

    /// Parses a timestamp written in this pattern (`to_timestamp`, `unix_timestamp`): TIMESTAMP microseconds
    /// in UTC, or nil when the text does not match. Fields not in the pattern default to 1970-01-01 00:00:00;
    /// names (`MMM`, `EEEE`, `a`) match in any case, as Spark's parser does.
    ///
    /// - Throws: `overflow` for a date beyond TIMESTAMP's range.
    func parseTimestamp(_ text: String) throws(EngineError) -> Int64? {
        var rest = Substring(text)
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction: Int64 = 0, offset = 0
        var dayOfYear: Int?
        var isPM: Bool?
        for (index, field) in fields.enumerated() {
            let nextIsNumeric = index + 1 < fields.count && Self.isNumeric(fields[index + 1])
            switch field {
            case .literal(let literal):
                guard rest.hasPrefix(literal) else { return nil }
                rest = rest.dropFirst(literal.count)
            case .year(let width):
                let digits = width == 2 ? 2 : (nextIsNumeric ? max(width, 4) : max(width, 6))
                guard let value = Self.number(&rest, min: width == 2 ? 2 : min(width, 4), max: digits) else { return nil }
                year = width == 2 ? 2000 + value : value
            case .month(let width) where width >= 3:
                guard let value = Self.name(&rest, Self.monthNames, full: width == 4) else { return nil }
                month = value + 1
            case .weekday(let width):
                guard Self.name(&rest, Self.weekdayNames, full: width == 4) != nil else { return nil }
            case .amPm:
                if rest.uppercased().hasPrefix("AM") {
                    isPM = false
                } else if rest.uppercased().hasPrefix("PM") {
                    isPM = true
                } else {
                    return nil
                }
                rest = rest.dropFirst(2)
            case .fraction(let width):
                guard let digits = Self.digits(&rest, min: 1, max: width) else { return nil }
                let micros = String(digits.prefix(6)) + String(repeating: "0", count: max(0, 6 - digits.count))
                fraction = Int64(micros) ?? 0
            case .zone:
                guard let seconds = Self.offset(&rest) else { return nil }
                offset = seconds
            case .month(let width), .day(let width), .hour12(let width), .hour0to11(let width), .hour1to24(let width),
                .hour24(let width), .minute(let width), .second(let width), .dayOfYear(let width), .quarter(let width),
                .alignedDayOfWeek(let width), .era(let width):
                guard let value = Self.number(&rest, min: width, max: nextIsNumeric ? width : max(width, 2)) else { return nil }
                switch field {
                case .month: month = value
                case .day: day = value
                case .hour12, .hour0to11, .hour1to24, .hour24: hour = value
                case .minute: minute = value
                case .second: second = value
                case .dayOfYear: dayOfYear = value
                default: break
                }
            }
        }
        guard rest.isEmpty else { return nil }
        if let isPM {
            guard (1...12).contains(hour) || hour == 0 else { return nil }
            hour = hour % 12 + (isPM ? 12 : 0)
        }
        guard hour < 24, minute < 60, second < 60, var days = CivilTime.date(year: year, month: month, day: day) else { return nil }
        if let dayOfYear {  // the date that day of the year; a month and day written too must agree with it
            guard let first = CivilTime.date(year: year, month: 1, day: 1), let last = CivilTime.date(year: year, month: 12, day: 31),
                (1...Int(last - first) + 1).contains(dayOfYear)
            else { return nil }
            let date = first + Int32(dayOfYear - 1)
            let written = CivilTime.civil(days: Int(date))
            guard !writes({ if case .month = $0 { true } else { false } }) || written.month == month,
                !writes({ if case .day = $0 { true } else { false } }) || written.day == day
            else { return nil }
            days = date
        }
        let start = try DateFunctions.startOfDay(days)
        return try CalendarMath.adding(start, Int64(hour * 3600 + minute * 60 + second - offset) * CivilTime.microsPerSecond + fraction)
    }

    /// Whether the pattern has a field of the kind `matches` accepts.
    private func writes(_ matches: (Field) -> Bool) -> Bool { fields.contains(where: matches) }

    private static func isNumeric(_ field: Field) -> Bool {
        switch field {
        case .literal, .amPm, .zone, .weekday, .era: false
        case .month(let width): width < 3
        default: true
        }
    }

    /// Between `min` and `max` ASCII digits, consumed.
    private static func digits(_ rest: inout Substring, min: Int, max: Int) -> Substring? {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }.prefix(max)
        guard digits.count >= min else { return nil }
        rest = rest.dropFirst(digits.count)
        return digits
    }

    private static func number(_ rest: inout Substring, min: Int, max: Int) -> Int? {
        digits(&rest, min: Swift.max(min, 1), max: max).flatMap { Int($0) }
    }

    /// The index of the (full or three-letter) name at the start of `rest`, in any case, consumed.
    private static func name(_ rest: inout Substring, _ names: [String], full: Bool) -> Int? {
        let upper = rest.uppercased()
        for (index, name) in names.enumerated() {
            let candidate = (full ? name : String(name.prefix(3))).uppercased()
            if upper.hasPrefix(candidate) {
                rest = rest.dropFirst(candidate.count)
                return index
            }
        }
        return nil
    }

    /// `Z`, `UTC` or `±HH[:MM]` at the start of `rest`, consumed: the offset in seconds east of UTC.
    private static func offset(_ rest: inout Substring) -> Int? {
        if rest.hasPrefix("Z") {
            rest = rest.dropFirst()
            return 0
        }
        if rest.hasPrefix("UTC") {
            rest = rest.dropFirst(3)
            return 0
        }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest = rest.dropFirst()
        guard let hours = number(&rest, min: 2, max: 2) else { return nil }
        var minutes = 0
        if rest.first == ":" { rest = rest.dropFirst() }
        if let value = number(&rest, min: 2, max: 2) { minutes = value }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
