import DBAPICore

extension DateFormat {
    /// The text of TIMESTAMP microseconds in this pattern (session time zone UTC).
    func format(_ micros: Int64) -> String {
        let (days, dayMicros) = CivilTime.floorDivide(micros, CivilTime.microsPerDay)
        let civil = CivilTime.civil(days: Int(days))
        let seconds = Int(dayMicros / CivilTime.microsPerSecond)
        let hour = seconds / 3600
        var out = ""
        for field in fields {
            switch field {
            case .literal(let text): out += text
            case .era(let width): out += width == 4 ? (civil.year > 0 ? "Anno Domini" : "Before Christ") : (civil.year > 0 ? "AD" : "BC")
            case .year(let width):  // year of era, as Java's `y`: 1 BC is 1
                let year = civil.year > 0 ? civil.year : 1 - civil.year
                out += width == 2 ? pad(year % 100, 2) : pad(year, width)
            case .dayOfYear(let width): out += pad(Int(days) - CivilTime.days(year: civil.year, month: 1, day: 1) + 1, width)
            case .month(let width):
                let name = Self.monthNames[civil.month - 1]
                out += width >= 4 ? name : (width == 3 ? String(name.prefix(3)) : pad(civil.month, width))
            case .day(let width): out += pad(civil.day, width)
            case .quarter(let width):
                let quarter = (civil.month - 1) / 3 + 1
                let ordinals = ["1st", "2nd", "3rd", "4th"]
                out += width == 4 ? ordinals[quarter - 1] + " quarter" : (width == 3 ? "Q\(quarter)" : pad(quarter, width))
            case .weekday(let width):
                let name = Self.weekdayNames[Int(CivilTime.floorDivide(days + 3, 7).1)]
                out += width >= 4 ? name : String(name.prefix(3))
            case .alignedDayOfWeek(let width): out += pad((civil.day - 1) % 7 + 1, width)
            case .amPm: out += hour < 12 ? "AM" : "PM"
            case .hour12(let width): out += pad(hour % 12 == 0 ? 12 : hour % 12, width)
            case .hour0to11(let width): out += pad(hour % 12, width)
            case .hour1to24(let width): out += pad(hour == 0 ? 24 : hour, width)
            case .hour24(let width): out += pad(hour, width)
            case .minute(let width): out += pad(seconds / 60 % 60, width)
            case .second(let width): out += pad(seconds % 60, width)
            case .fraction(let width):
                let micros = pad(Int(dayMicros % CivilTime.microsPerSecond), 6)
                out += width <= 6 ? String(micros.prefix(width)) : micros + String(repeating: "0", count: width - 6)
            case let .zone(letter, width): out += Self.utcZone(letter, width)
            }
        }
        return out
    }

    /// How a zone letter writes UTC, as Java's formatter does (`XXX` is `Z`, `Z` is `+0000`, `z` is `UTC`).
    private static func utcZone(_ letter: Character, _ width: Int) -> String {
        switch letter {
        case "X": return "Z"
        case "x": return width == 1 ? "+00" : (width == 2 || width == 4 ? "+0000" : "+00:00")
        case "Z": return width == 4 ? "GMT" : (width == 5 ? "Z" : "+0000")
        case "O": return "GMT"
        case "z": return width == 4 ? "Coordinated Universal Time" : "UTC"
        default: return "UTC"
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let sign = value < 0 ? "-" : ""
        return sign + (digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits)
    }
}
