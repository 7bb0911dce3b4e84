import DBAPICore

/// A Spark datetime pattern (`yyyy-MM-dd HH:mm:ss`): Spark's pattern table (G y D M L d Q q E F a h K k H m
/// s S V z O X x Z), quoted text and literal characters. Formatting is in `DateFormat+Format.swift`, parsing
/// (`to_date`, `to_timestamp`, `unix_timestamp`) in `DateFormat+Parse.swift`; the session time zone is UTC.
///
/// A letter repeated more often than Spark's formatter allows (`yyyyyyy`, `MMMMM`, `ddd`) is refused as Spark
/// refuses it, which also bounds the digits a field reads; week-based letters (`Y w W u e c`) and letters Spark
/// does not know fail with Spark's classes (PySpark 4.3.0: `e c` DATETIME_WEEK_BASED_PATTERN, `Y w W u`
/// DATETIME_PATTERN_RECOGNITION, in formatting and parsing alike).
struct DateFormat {
    enum Field: Equatable {
        case literal(String)
        case era(Int), year(Int), dayOfYear(Int), month(Int), day(Int), quarter(Int), weekday(Int), alignedDayOfWeek(Int)
        case amPm, hour12(Int), hour0to11(Int), hour1to24(Int), hour24(Int), minute(Int), second(Int), fraction(Int)
        /// A zone or offset letter and its width (`XXX`, `Z`, `z`, `VV`): the session zone, UTC.
        case zone(Character, Int)
    }

    let pattern: String
    let fields: [Field]
    /// Whether the pattern has optional sections (`yyyy[-MM]`): formatting writes their fields as if the
    /// brackets were not there, as Java's formatter does; parsing them is not supported.
    let hasOptionalSections: Bool

    init(_ pattern: String) throws(EngineError) {
        self.pattern = pattern
        try Self.checkLetters(pattern)
        var fields: [Field] = []
        var hasOptionalSections = false
        var openSections = 0
        var characters = Array(pattern)[...]
        while let first = characters.first {
            if first == "[" || first == "]" {
                openSections += first == "[" ? 1 : -1
                guard openSections >= 0 else { throw EngineError.invalidDatetimePattern(pattern) }  // `]` closing nothing
                hasOptionalSections = true
                characters = characters.dropFirst()
                continue
            }
            if first == "'" {
                characters = characters.dropFirst()
                var text = ""
                while let next = characters.first {
                    characters = characters.dropFirst()
                    if next == "'" {
                        guard characters.first == "'" else { break }  // `''` inside quotes is a quote
                        characters = characters.dropFirst()
                    }
                    text.append(next)
                }
                fields.append(.literal(text.isEmpty ? "'" : text))
                continue
            }
            var count = 0
            while characters.first == first {
                count += 1
                characters = characters.dropFirst()
            }
            fields.append(try Self.field(first, count, pattern))
        }
        self.fields = fields
        self.hasOptionalSections = hasOptionalSections
    }

    /// A pattern to read text with. Spark refuses day-of-week and aligned-week letters for parsing (`E F`:
    /// DATETIME_PATTERN_RECOGNITION) and quarter letters (`q Q`: ILLEGAL_CHARACTER), though it formats with them.
    static func forParsing(_ pattern: String) throws(EngineError) -> DateFormat {
        let format = try DateFormat(pattern)
        for field in format.fields {
            switch field {
            case .weekday, .alignedDayOfWeek: throw EngineError.invalidDatetimePattern(pattern)
            case .quarter: throw illegalCharacter(pattern.contains("Q") ? "Q" : "q", pattern)
            default: continue
            }
        }
        if format.hasOptionalSections { throw EngineError.unsupported("optional sections (`[…]`) in a datetime pattern read as text") }
        return format
    }

    /// Spark's checks of the whole pattern (outside quotes) before it reads it: a week-based letter (`e c`)
    /// anywhere is DATETIME_WEEK_BASED_PATTERN, then a letter it disables (`A B n N p`) ILLEGAL_CHARACTER.
    private static func checkLetters(_ pattern: String) throws(EngineError) {
        let unquoted = pattern.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }
        let letters = unquoted.flatMap(\.element)
        if letters.contains(where: { "ec".contains($0) }) { throw weekBased(pattern) }
        if let disabled = letters.first(where: { "ABnNp".contains($0) }) { throw illegalCharacter(disabled, pattern) }
    }

    private static func field(_ letter: Character, _ count: Int, _ pattern: String) throws(EngineError) -> Field {
        if "YwWu".contains(letter) { throw EngineError.invalidDatetimePattern(pattern) }
        if let limit = maxWidths[letter], count > limit { throw EngineError.invalidDatetimePattern(pattern) }
        switch letter {
        case "G": return .era(count)
        case "y": return .year(count)
        case "D": return .dayOfYear(count)
        case "M", "L": return .month(count)
        case "d": return .day(count)
        case "Q", "q": return .quarter(count)
        case "E": return .weekday(count)
        case "F": return .alignedDayOfWeek(count)
        case "a": return .amPm
        case "h": return .hour12(count)
        case "K": return .hour0to11(count)
        case "k": return .hour1to24(count)
        case "H": return .hour24(count)
        case "m": return .minute(count)
        case "s": return .second(count)
        case "S": return .fraction(count)
        case "V", "z", "O", "X", "x", "Z": return .zone(letter, count)
        case _ where letter.isLetter:  // a letter Java's formatter does not know
            throw EngineError.analysis(
                "INVALID_DATETIME_PATTERN.WITH_SUGGESTION",
                "Unrecognized datetime pattern: '\(pattern)'. You can form a valid datetime pattern with the guide from "
                    + "'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.")
        case "{", "}", "#": throw EngineError.invalidDatetimePattern(pattern)  // reserved by Java's pattern syntax
        default: return .literal(String(repeating: letter, count: count))
        }
    }

    private static func illegalCharacter(_ letter: Character, _ pattern: String) -> EngineError {
        .analysis(
            "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
            "Unrecognized datetime pattern: \(pattern). Illegal pattern character found in datetime pattern: \(letter). "
                + "Please provide legal character.")
    }

    private static func weekBased(_ pattern: String) -> EngineError {
        .analysis(
            "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN",
            "You may get a different result due to the upgrading to Spark >= 3.0: All week-based patterns are unsupported since "
                + "Spark 3.0, detected week-based character in '\(pattern)'. Please use the SQL function EXTRACT instead.")
    }

    /// The most letters in a row Spark's formatter accepts for each letter.
    private static let maxWidths: [Character: Int] = [
        "G": 4, "y": 6, "D": 3, "M": 4, "L": 4, "d": 2, "Q": 4, "q": 4, "E": 4, "F": 1, "a": 1, "h": 2, "K": 2, "k": 2,
        "H": 2, "m": 2, "s": 2, "S": 9, "V": 2, "z": 4, "O": 4, "X": 5, "x": 5, "Z": 5,
    ]

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
