import DBAPICore

/// Spark's implicit type widening (`findWiderTypeForTwo` and the decimal precision rules).
enum TypeCoercion {
    /// The type both sides widen to, or nil when there is none.
    static func common(_ a: SQLType, _ b: SQLType) -> SQLType? {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        switch (a, b) {
        case _ where a.isIntegral && b.isIntegral:
            return numericPrecedence(a) >= numericPrecedence(b) ? a : b
        case (.double, _) where b.isNumeric, (_, .double) where a.isNumeric: return .double
        case (.float, _) where b.isNumeric, (_, .float) where a.isNumeric: return .double
        case _ where a.isNumeric && b.isNumeric:
            guard case let .decimal(p1, s1)? = a.asDecimal, case let .decimal(p2, s2)? = b.asDecimal else { return nil }
            let scale = max(s1, s2)
            let integerDigits = max(p1 - s1, p2 - s2)
            return DecimalRules.bounded(precision: integerDigits + scale, scale: scale)
        case (.date, .timestamp), (.timestamp, .date), (.timestampNTZ, .timestamp), (.timestamp, .timestampNTZ): return .timestamp
        case (.date, .timestampNTZ), (.timestampNTZ, .date): return .timestampNTZ
        case let (.array(x), .array(y)): return common(x, y).map { .array($0) }
        // Intervals of one family widen to the qualifier spanning both (`INTERVAL DAY`, `INTERVAL HOUR` → DAY TO HOUR).
        case let (.interval(s1, e1), .interval(s2, e2)) where s1.isYearMonth == s2.isYearMonth: return .interval(min(s1, s2), max(e1, e2))
        case let (.map(k1, v1), .map(k2, v2)):
            guard let key = common(k1, k2), let value = common(v1, v2) else { return nil }
            return .map(key: key, value: value)
        case let (.struct(x), .struct(y)): return widerStruct(x, y, by: common)
        default: return nil
        }
    }

    /// Two STRUCT types with the same field names (ignoring case) widened field by field by `wider`.
    static func widerStruct(
        _ x: [SQLStructField], _ y: [SQLStructField], by wider: (SQLType, SQLType) -> SQLType?
    ) -> SQLType? {
        guard x.count == y.count else { return nil }
        var fields: [SQLStructField] = []
        for (f, g) in zip(x, y) {
            guard f.name.lowercased() == g.name.lowercased(), let type = wider(f.type, g.type) else { return nil }
            fields.append(SQLStructField(f.name, type))
        }
        return .struct(fields)
    }

    /// The type to compare `a` and `b` in: the common type, or for a string against a number,
    /// date, timestamp or boolean, the other side's type (the string is cast, as in ANSI Spark). A string
    /// is not compared with an interval (Spark's BINARY_OP_DIFF_TYPES).
    static func comparison(_ a: SQLType, _ b: SQLType) -> SQLType? {
        if let type = common(a, b) { return type }
        if case .interval = a { return nil }
        if case .interval = b { return nil }
        if a == .string, b != .string, Cast.isSupported(from: .string, to: b) { return b }
        if b == .string, a != .string, Cast.isSupported(from: .string, to: a) { return a }
        return nil
    }

    /// Spark's numeric precedence: TINYINT < SMALLINT < INT < BIGINT < FLOAT < DOUBLE.
    static func numericPrecedence(_ type: SQLType) -> Int {
        switch type {
        case .tinyint: 1
        case .smallint: 2
        case .int: 3
        case .bigint: 4
        case .float: 5
        default: 6
        }
    }
}
