/// A Spark SQL data type, as far as dbapi models it.
///
/// `description` is the Spark type name (`INT`, `DECIMAL(10,2)`, `ARRAY<STRING>`), used in query
/// output, `describe`, and the Databricks `parameters` array.
public indirect enum SQLType: Sendable, Hashable, CustomStringConvertible {
    case null
    case boolean
    case tinyint, smallint, int, bigint
    case float, double
    case decimal(precision: Int, scale: Int)
    case string
    case date
    case timestamp
    /// A local date-time without a time zone (`TIMESTAMP_NTZ`); values are `SQLValue.timestampNTZ`.
    case timestampNTZ
    /// An ANSI interval type: `INTERVAL YEAR TO MONTH`, `INTERVAL DAY`; values are `SQLValue.interval`.
    case interval(IntervalField, IntervalField)
    case array(SQLType)
    /// A MAP or STRUCT column from a warehouse, named by its `type_text` (values are `SQLValue.object`).
    case nested(typeText: String)

    /// The widest decimal Spark supports.
    public static let maxDecimalPrecision = 38

    public var description: String {
        switch self {
        case .null: "VOID"
        case .boolean: "BOOLEAN"
        case .tinyint: "TINYINT"
        case .smallint: "SMALLINT"
        case .int: "INT"
        case .bigint: "BIGINT"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case let .decimal(precision, scale): "DECIMAL(\(precision),\(scale))"
        case .string: "STRING"
        case .date: "DATE"
        case .timestamp: "TIMESTAMP"
        case .timestampNTZ: "TIMESTAMP_NTZ"
        case let .interval(start, end): "INTERVAL " + SQLInterval.qualifier(start, end)
        case .array(let element): "ARRAY<\(element)>"
        case .nested(let typeText): typeText
        }
    }

    public var isIntegral: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint: true
        default: false
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint, .float, .double, .decimal: true
        default: false
        }
    }

    /// The inclusive range of an integral type, or nil for other types.
    public var integralRange: ClosedRange<Int64>? {
        switch self {
        case .tinyint: Int64(Int8.min)...Int64(Int8.max)
        case .smallint: Int64(Int16.min)...Int64(Int16.max)
        case .int: Int64(Int32.min)...Int64(Int32.max)
        case .bigint: Int64.min...Int64.max
        default: nil
        }
    }

    /// The decimal type that holds every value of an integral type exactly (Spark's rule).
    public var asDecimal: SQLType? {
        switch self {
        case .tinyint: .decimal(precision: 3, scale: 0)
        case .smallint: .decimal(precision: 5, scale: 0)
        case .int: .decimal(precision: 10, scale: 0)
        case .bigint: .decimal(precision: 20, scale: 0)
        case .decimal: self
        default: nil
        }
    }

    /// The deepest `array<…>` nesting a type name may have. A deeper name is refused: every
    /// level would be a level of recursion wherever the type or its values are used.
    public static let maxArrayNesting = 32

    /// Parses a Spark type name in any case: `int`, `Decimal(10, 2)`, `varchar(20)`, `array<date>`.
    ///
    /// Time is linear in the name's length: `array<` levels are peeled in place, not re-parsed.
    public init?(sparkName: String) {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var text = Substring(sparkName.lowercased())
        var depth = 0
        while true {
            text = text.drop(while: isSpace)
            while let last = text.last, isSpace(last) { text = text.dropLast() }
            guard text.hasPrefix("array<"), text.hasSuffix(">") else { break }
            depth += 1
            guard depth <= Self.maxArrayNesting else { return nil }
            text = text.dropFirst(6).dropLast()
        }
        guard var type = SQLType(scalarName: String(text)) ?? SQLType(intervalName: text) else { return nil }
        for _ in 0..<depth { type = .array(type) }
        self = type
    }

    /// `interval day to second`, `interval year` (lower-cased and trimmed): a valid ANSI interval qualifier.
    private init?(intervalName text: Substring) {
        let words = text.split(separator: " ").map { $0.uppercased() }
        guard words.first == "INTERVAL", let start = words.count > 1 ? IntervalField(keyword: words[1]) : nil else { return nil }
        var end = start
        if words.count == 4, words[2] == "TO", let last = IntervalField(keyword: words[3]) {
            end = last
        } else if words.count != 2 {
            return nil
        }
        guard start <= end, start.isYearMonth == end.isYearMonth else { return nil }
        self = .interval(start, end)
    }

    /// A type name without `array<…>` around it, lower-cased and trimmed.
    private init?(scalarName text: String) {
        var base = text
        var arguments: [Int] = []
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            base = String(text[..<open]).trimmingSpaces()
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int(String(part).trimmingSpaces()) else { return nil }
                arguments.append(number)
            }
        }
        switch (base, arguments.count) {
        case ("boolean", 0), ("bool", 0): self = .boolean
        case ("tinyint", 0), ("byte", 0): self = .tinyint
        case ("smallint", 0), ("short", 0): self = .smallint
        case ("int", 0), ("integer", 0): self = .int
        case ("bigint", 0), ("long", 0): self = .bigint
        case ("float", 0), ("real", 0): self = .float
        case ("double", 0): self = .double
        case ("decimal", 0), ("dec", 0), ("numeric", 0): self = .decimal(precision: 10, scale: 0)
        case ("decimal", 1), ("dec", 1), ("numeric", 1), ("decimal", 2), ("dec", 2), ("numeric", 2):
            let precision = arguments[0]
            let scale = arguments.count == 2 ? arguments[1] : 0
            guard (1...SQLType.maxDecimalPrecision).contains(precision), (0...precision).contains(scale) else { return nil }
            self = .decimal(precision: precision, scale: scale)
        case ("string", 0), ("varchar", 1), ("char", 1): self = .string
        case ("date", 0): self = .date
        case ("timestamp", 0), ("timestamp_ltz", 0): self = .timestamp
        case ("timestamp_ntz", 0): self = .timestampNTZ
        case ("void", 0), ("null", 0): self = .null
        default: return nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public func trimmingSpaces() -> String {
        let isSpaceByte: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        if let first = utf8.first, let last = utf8.last, !isSpaceByte(first), !isSpaceByte(last) { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
