import DBAPICore

/// A Spark datetime pattern (`yyyy-MM-dd HH:mm:ss`), the letters y M d H h m s S a E and quoted text.
///
/// A letter repeated more often than Spark's formatter allows (`yyyyyyy`, `MMMMM`, `ddd`) is refused
/// as Spark refuses it, which also bounds the digits a year field reads.
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
            if let limit = Self.maxWidths[first], count > limit { throw EngineError.invalidDatetimePattern(pattern) }
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
            case .fraction(let width):
                let micros = pad(Int(dayMicros % CivilTime.microsPerSecond), 6)
                out += width <= 6 ? String(micros.prefix(width)) : micros + String(repeating: "0", count: width - 6)
            case .amPm: out += hour < 12 ? "AM" : "PM"
            case .weekday(let width):
                let name = Self.weekdayNames[Int(CivilTime.floorDivide(days + 3, 7).1)]
                out += width >= 4 ? name : String(name.prefix(3))
            }
        }
        return out
    }

    /// Parses a date written in this pattern (numeric fields only); nil when the text does not match
    /// or is not a calendar date.
    ///
    /// - Throws: `overflow` for a date beyond TIMESTAMP's range: Spark parses a timestamp first.
    func parseDate(_ text: String) throws(EngineError) -> Int32? {
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
        guard rest.isEmpty, let days = CivilTime.date(year: year, month: month, day: day) else { return nil }
        _ = try DateFunctions.startOfDay(days)
        return days
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    }

    /// The most letters in a row Spark's formatter accepts for each letter.
    private static let maxWidths: [Character: Int] = [
        "y": 6, "M": 4, "L": 4, "d": 2, "H": 2, "h": 2, "m": 2, "s": 2, "S": 9, "a": 1, "E": 4,
    ]

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
