import DBAPICore

/// The type two STRUCTs are compared in (`=`, `<=>`, `<`, … and rows such as `(a, b) = (1, 'x')`), as
/// Spark 4 allows it (recorded in `struct_comparison.test`): when the field names agree (in any letter
/// case) each pair of fields needs a tightest common type (integers widen, a NULL field takes the other
/// side's type, an INT and a DECIMAL(2,1) do not meet); otherwise the two must be the same type but for
/// the names. Nil means Spark's DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES.
enum StructComparison {
    static func commonType(_ a: [SQLStructField], _ b: [SQLStructField]) -> SQLType? {
        guard a.count == b.count else { return nil }
        guard zip(a, b).allSatisfy({ $0.name.lowercased() == $1.name.lowercased() }) else {
            return sameIgnoringNames(.struct(a), .struct(b)) ? .struct(a) : nil
        }
        var fields: [SQLStructField] = []
        for (f, g) in zip(a, b) {
            guard let type = tightest(f.type, g.type) else { return nil }
            fields.append(SQLStructField(f.name, type))
        }
        return .struct(fields)
    }

    /// Spark's `findTightestCommonType`, for the types a struct's fields hold.
    private static func tightest(_ a: SQLType, _ b: SQLType) -> SQLType? {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        switch (a, b) {
        case let (.struct(x), .struct(y)): return commonType(x, y)
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        case let (.decimal(precision, scale), integral) where integral.isIntegral,
            let (integral, .decimal(precision, scale)) where integral.isIntegral:
            return precision - scale >= digits(integral) ? .decimal(precision: precision, scale: scale) : nil
        case _ where a.isNumeric && b.isNumeric && !isDecimal(a) && !isDecimal(b):
            return TypeCoercion.numericPrecedence(a) >= TypeCoercion.numericPrecedence(b) ? a : b
        default: return nil
        }
    }

    private static func sameIgnoringNames(_ a: SQLType, _ b: SQLType) -> Bool {
        switch (a, b) {
        case let (.struct(x), .struct(y)): x.count == y.count && zip(x, y).allSatisfy { sameIgnoringNames($0.type, $1.type) }
        case let (.array(x), .array(y)): sameIgnoringNames(x, y)
        case let (.map(k1, v1), .map(k2, v2)): sameIgnoringNames(k1, k2) && sameIgnoringNames(v1, v2)
        default: a == b
        }
    }

    private static func isDecimal(_ type: SQLType) -> Bool {
        if case .decimal = type { return true }
        return false
    }

    /// The decimal digits an integer type needs.
    private static func digits(_ type: SQLType) -> Int {
        switch type {
        case .tinyint: 3
        case .smallint: 5
        case .int: 10
        default: 20
        }
    }
}
