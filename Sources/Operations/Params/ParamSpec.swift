import DBAPICore

/// One declared parameter of an operation: its type, whether it is required or nullable, its
/// default, and its constraints.
public struct ParamSpec: Sendable {
    public let name: String
    public let type: ParamType
    public let isRequired: Bool
    public let isNullable: Bool
    public let defaultValue: JSONValue?
    public let summary: String?
    /// Whether the value is secret (`"sensitive": true`): never shown in messages, `render` or
    /// `describe` (`SensitiveValues`).
    public let isSensitive: Bool
    let pattern: Pattern?
    let minLength: Int?
    let maxLength: Int?
    let allowed: [JSONValue]?
    let minimum: SQLDecimal?
    let maximum: SQLDecimal?
    let minItems: Int?
    let maxItems: Int?
    /// For arrays: the spec each element must satisfy.
    let items: Box?
    /// The Spark type values are bound as, fixed by the declaration (`sql_type`, or the rule for
    /// its kind); nil where the value decides (a decimal without precision).
    let declaredSQLType: SQLType?

    /// Indirection for the recursive `items` spec.
    final class Box: Sendable {
        let spec: ParamSpec
        init(_ spec: ParamSpec) { self.spec = spec }
    }

    init(
        name: String, type: ParamType, isRequired: Bool = false, isNullable: Bool = false, defaultValue: JSONValue? = nil,
        summary: String? = nil, isSensitive: Bool = false, pattern: Pattern? = nil, minLength: Int? = nil, maxLength: Int? = nil,
        allowed: [JSONValue]? = nil, minimum: SQLDecimal? = nil, maximum: SQLDecimal? = nil,
        minItems: Int? = nil, maxItems: Int? = nil, items: ParamSpec? = nil, sqlType: SQLType? = nil
    ) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.isNullable = isNullable
        self.defaultValue = defaultValue
        self.summary = summary
        self.isSensitive = isSensitive
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.allowed = allowed
        if let range = sqlType?.integralRange, sqlType != .bigint {
            // A value outside the bound type is a parameter error, not a failed statement.
            let (low, high) = (SQLDecimal(range.lowerBound), SQLDecimal(range.upperBound))
            self.minimum = minimum.map { SQLDecimal.compare($0, low) < 0 ? low : $0 } ?? low
            self.maximum = maximum.map { SQLDecimal.compare($0, high) > 0 ? high : $0 } ?? high
        } else {
            self.minimum = minimum
            self.maximum = maximum
        }
        self.minItems = minItems
        self.maxItems = maxItems
        self.items = items.map(Box.init)
        self.declaredSQLType = sqlType
    }

    /// The one Spark type `value` is bound as, by the inline literal and the native parameter alike.
    public func sqlType(for value: SQLValue) -> SQLType {
        if let declaredSQLType { return declaredSQLType }
        if case .array = type, let element = items?.spec {
            var first = SQLValue.null
            if case .array(let values) = value { first = values.first(where: { !$0.isNull }) ?? .null }
            return .array(element.sqlType(for: first))
        }
        return type.sqlType(for: value)
    }

    /// A plain optional parameter of a type, e.g. for undeclared `params_map` sources.
    static func implicit(_ name: String, type: ParamType = .string) -> ParamSpec { ParamSpec(name: name, type: type) }

    /// What a valid value looks like, for error messages and `describe`.
    public var expected: String {
        var text: String
        switch type {
        case .string: text = "a string"
        case .integer: text = "an integer"
        case .number: text = declaredSQLType == .float ? "a number within FLOAT's range" : "a number"
        case let .decimal(precision?, scale):
            text = "a decimal with at most \(precision - (scale ?? 0)) integer and \(scale ?? 0) fractional digits"
        case .decimal: text = "a decimal number"
        case .boolean: text = "a boolean (true/false, 1/0, yes/no)"
        case .date: text = "a date (YYYY-MM-DD)"
        case .timestamp: text = "a timestamp (ISO 8601, e.g. 2024-01-31T10:00:00Z)"
        case .identifier: text = "an identifier (name, schema.name or catalog.schema.name)"
        case .array: text = "a list of \(items?.spec.pluralNoun ?? "values") (JSON array, or a,b,c)"
        }
        if let allowed { return "one of " + allowed.map { JSONWriter().string($0) }.joined(separator: ", ") }
        switch (minimum, maximum) {
        case let (low?, high?): text += " between \(low) and \(high)"
        case let (low?, nil): text += " ≥ \(low)"
        case let (nil, high?): text += " ≤ \(high)"
        default: break
        }
        switch (minLength ?? minItems, maxLength ?? maxItems) {
        case let (low?, high?): text += " of \(low) to \(high) \(type.isArray ? "items" : "characters")"
        case let (low?, nil): text += " of at least \(low) \(type.isArray ? "items" : "characters")"
        case let (nil, high?): text += " of at most \(high) \(type.isArray ? "items" : "characters")"
        default: break
        }
        if let pattern { text += " matching \(pattern.source)" }
        return text
    }

    private var pluralNoun: String {
        switch type {
        case .string: "strings"
        case .integer: "integers"
        case .number, .decimal: "numbers"
        case .boolean: "booleans"
        case .date: "dates"
        case .timestamp: "timestamps"
        case .identifier: "identifiers"
        case .array: "lists"
        }
    }
}
