import DBAPICore

/// Spark's result-type rules for decimal arithmetic (`DecimalPrecision`, with precision loss allowed).
enum DecimalRules {
    /// Caps a (precision, scale) pair at 38 digits, keeping at least 6 fractional digits when it can.
    static func adjust(precision: Int, scale: Int) -> SQLType {
        if precision <= SQLType.maxDecimalPrecision { return .decimal(precision: precision, scale: scale) }
        let integerDigits = precision - scale
        let minimumScale = min(scale, 6)
        let adjustedScale = max(SQLType.maxDecimalPrecision - integerDigits, minimumScale)
        return .decimal(precision: SQLType.maxDecimalPrecision, scale: adjustedScale)
    }

    /// Caps precision and scale independently (Spark's `DecimalType.bounded`).
    static func bounded(precision: Int, scale: Int) -> SQLType {
        .decimal(precision: min(precision, 38), scale: min(scale, 38))
    }

    static func add(_ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) -> SQLType {
        let scale = max(s1, s2)
        return adjust(precision: max(p1 - s1, p2 - s2) + scale + 1, scale: scale)
    }

    static func multiply(_ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) -> SQLType {
        adjust(precision: p1 + p2 + 1, scale: s1 + s2)
    }

    static func divide(_ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) -> SQLType {
        let scale = max(6, s1 + p2 + 1)
        return adjust(precision: p1 - s1 + s2 + scale, scale: scale)
    }

    static func remainder(_ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) -> SQLType {
        let scale = max(s1, s2)
        return adjust(precision: min(p1 - s1, p2 - s2) + scale, scale: scale)
    }
}
