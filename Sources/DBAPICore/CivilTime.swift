/// Calendar conversions for DATE (days since 1970-01-01) and TIMESTAMP (microseconds since the
/// epoch, UTC), with strict parsing and ISO 8601 formatting. Pure integer arithmetic, no Foundation.
public enum CivilTime {
    public static let microsPerSecond: Int64 = 1_000_000
    public static let microsPerDay: Int64 = 86_400_000_000

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    ///
    /// The arithmetic is unchecked: `year` must lie within ±10^15. For fields read from input use
    /// `date(year:month:day:)`, which checks the calendar and DATE's range.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The DATE (days since 1970-01-01) of a real proleptic Gregorian date, or nil when the fields
    /// are not a calendar date or the day lies outside DATE's range (years -5877641 to 5881580).
    public static func date(year: Int, month: Int, day: Int) -> Int32? {
        guard year >= -6_000_000, year <= 6_000_000, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return Int32(exactly: days(year: year, month: month, day: day))
    }

    /// Microseconds since the epoch of midnight (UTC) starting DATE `days`, or nil when that instant
    /// lies outside TIMESTAMP's range (years -290308 to 294247).
    public static func startOfDay(_ days: Int32) -> Int64? {
        let (micros, overflow) = Int64(days).multipliedReportingOverflow(by: microsPerDay)
        return overflow ? nil : micros
    }

    /// The (year, month, day) of a day number (unchecked arithmetic: `days` must lie within ±10^15).
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `year` has a February 29 (proleptic Gregorian).
    @inlinable
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in `month` (1–12) of `year`.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses exactly `YYYY-MM-DD` with a real calendar date; nil otherwise.
    public static func parseDate(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { parseDate(bytes: $0) }
    }

    /// `parseDate` over UTF-8 bytes (no allocation).
    public static func parseDate(bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let (year, month, day) = dateFields(bytes) else { return nil }
        return date(year: year, month: month, day: day)
    }

    /// The fields of exactly `YYYY-MM-DD` with a real calendar date (what `parseDate` accepts),
    /// without computing its day number; nil otherwise.
    @inlinable
    public static func dateFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM[:SS[.ffffff]][Z|±HH:MM|±HHMM]`, normalising any offset to UTC.
    /// A date alone is midnight UTC. Returns microseconds since the epoch, or nil.
    public static func parseTimestamp(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseTimestamp(bytes: $0) }
    }

    /// The wall-clock microseconds of a TIMESTAMP_NTZ text: as `parseTimestamp`, but a zone or offset,
    /// when present, is checked and then ignored (as Spark's cast to TIMESTAMP_NTZ does).
    public static func parseLocalTimestamp(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseTimestamp(bytes: $0, applyingOffset: false) }
    }

    /// `parseTimestamp` over UTF-8 bytes (no allocation).
    public static func parseTimestamp(bytes: UnsafeBufferPointer<UInt8>, applyingOffset: Bool = true) -> Int64? {
        guard bytes.count >= 10, let date = parseDate(bytes: UnsafeBufferPointer(rebasing: bytes[0..<10])),
            var micros = startOfDay(date)
        else { return nil }
        if bytes.count == 10 { return micros }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "t"),
            let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14, 2),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        var fraction: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = number(bytes, index + 1, 2), value < 60 else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                while index < bytes.count, let digit = number(bytes, index, 1) {
                    if digits < 6 { fraction = fraction * 10 + Int64(digit) }
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits <= 9 else { return nil }
                if digits < 6 { for _ in digits..<6 { fraction *= 10 } }
            }
        }
        micros += Int64(hour * 3600 + minute * 60 + second) * microsPerSecond + fraction
        if index == bytes.count { return micros }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            return index + 1 == bytes.count ? micros : nil
        }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
        let rest = bytes.count - index - 1
        guard let offsetHour = number(bytes, index + 1, 2), offsetHour <= 18 else { return nil }
        var offsetMinute = 0
        if rest == 5, bytes[index + 3] == UInt8(ascii: ":"), let value = number(bytes, index + 4, 2) {
            offsetMinute = value
        } else if rest == 4, let value = number(bytes, index + 3, 2) {
            offsetMinute = value
        } else if rest != 2 {
            return nil
        }
        guard offsetMinute < 60 else { return nil }
        return applyingOffset ? micros - sign * Int64(offsetHour * 3600 + offsetMinute * 60) * microsPerSecond : micros
    }

    /// The `length` decimal digits at `start` as a number; nil if any is not a digit or out of range.
    @inlinable
    package static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        guard start >= 0, length >= 0, length <= 18, start <= bytes.count - length else { return nil }
        var value = 0
        var index = start
        while index < start &+ length {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            index &+= 1
        }
        return value
    }

    /// `YYYY-MM-DD`.
    public static func formatDate(_ days: Int32) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDate(days, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (the fraction only when non-zero, trailing zeros trimmed).
    public static func formatTimestamp(_ micros: Int64, separator: String = "T", zone: String = "Z") -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendTimestamp(micros, separator: separator.utf8.first ?? UInt8(ascii: "T"), to: &bytes)
        bytes.append(contentsOf: zone.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `formatTimestamp`'s UTF-8 up to the zone: `YYYY-MM-DD`, `separator`, `HH:MM:SS[.ffffff]`.
    public static func appendTimestamp(_ micros: Int64, separator: UInt8 = UInt8(ascii: "T"), to bytes: inout [UInt8]) {
        let (dayNumber, dayMicros) = floorDivide(micros, microsPerDay)
        appendDate(Int32(clamping: dayNumber), to: &bytes)
        bytes.append(separator)
        let seconds = Int(dayMicros / microsPerSecond)
        appendDigits(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &bytes)
        var fraction = Int(dayMicros % microsPerSecond)
        if fraction != 0 {
            var width = 6
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            bytes.append(UInt8(ascii: "."))
            appendDigits(fraction, width: width, to: &bytes)
        }
    }

    /// Appends `formatDate`'s UTF-8 (`YYYY-MM-DD`).
    public static func appendDate(_ days: Int32, to bytes: inout [UInt8]) {
        let (year, month, day) = civil(days: Int(days))
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(abs(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
    }

    /// Appends a non-negative number zero-padded to at least `width` digits.
    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        if width == 2, value >= 0, value < 100 {  // hours, minutes, seconds, months, days
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        if width == 4, value >= 0, value < 10000 {  // years
            bytes.append(UInt8(ascii: "0") + UInt8(value / 1000))
            bytes.append(UInt8(ascii: "0") + UInt8(value / 100 % 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        var count = 1
        var scale = 1
        while value / scale >= 10 {
            scale *= 10
            count += 1
        }
        for _ in count..<max(width, count) { bytes.append(UInt8(ascii: "0")) }
        while scale > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / scale % 10))
            scale /= 10
        }
    }

    /// Floor division and its non-negative remainder.
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

}
