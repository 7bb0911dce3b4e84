import DBAPICore

/// Total order over non-null values of one type, as Spark sorts and compares them.
///
/// Strings compare by code point (UTF-8 byte order equals code point order), NaN is larger than
/// every other double and equal to itself, booleans order false before true.
enum ValueOrder {
    /// The order of `x` and `y` under one ORDER BY key: negative when `x` sorts first, 0 when they
    /// tie (NULLs tie with NULLs), positive otherwise; NULLs go where `nullsFirst` says.
    static func compare(_ x: SQLValue, _ y: SQLValue, isAscending: Bool, nullsFirst: Bool) -> Int {
        if x.isNull || y.isNull {
            if x.isNull && y.isNull { return 0 }
            return x.isNull == nullsFirst ? -1 : 1
        }
        let order = compare(x, y)
        return isAscending ? order : -order
    }

    static func compare(_ lhs: SQLValue, _ rhs: SQLValue) -> Int {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.string(a), .string(b)): return a.compareBytes(with: b)
        case let (.binary(a), .binary(b)): return a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)  // unsigned bytes
        case let (.double(a), .double(b)): return compareDoubles(a, b)
        case let (.decimal(a), .decimal(b)): return SQLDecimal.compare(a, b)
        case let (.date(a), .date(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.timestamp(a), .timestamp(b)), let (.timestampNTZ(a), .timestampNTZ(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.bool(a), .bool(b)): return a == b ? 0 : (a ? 1 : -1)
        case let (.interval(a), .interval(b)): return a.amount < b.amount ? -1 : (a.amount == b.amount ? 0 : 1)
        case let (.array(a), .array(b)): return compareSequences(a, b)
        case let (.struct(a), .struct(b)): return compareSequences(a.map(\.value), b.map(\.value))
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case let (.int(a), .double(b)): return compareDoubles(Double(a), b)
        case let (.double(a), .int(b)): return compareDoubles(a, Double(b))
        case let (.int(a), .decimal(b)): return SQLDecimal.compare(SQLDecimal(a), b)
        case let (.decimal(a), .int(b)): return SQLDecimal.compare(a, SQLDecimal(b))
        default: return lhs.description.compareBytes(with: rhs.description)
        }
    }

    /// Element by element (NULL before any value), then the shorter first: ARRAY and STRUCT order.
    private static func compareSequences(_ a: [SQLValue], _ b: [SQLValue]) -> Int {
        for (x, y) in zip(a, b) {
            if x.isNull || y.isNull {
                if x.isNull && y.isNull { continue }
                return x.isNull ? -1 : 1
            }
            let order = compare(x, y)
            if order != 0 { return order }
        }
        return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    }

    static func compareDoubles(_ a: Double, _ b: Double) -> Int {
        if a.isNaN { return b.isNaN ? 0 : 1 }
        if b.isNaN { return -1 }
        return a < b ? -1 : (a == b ? 0 : 1)
    }
}
