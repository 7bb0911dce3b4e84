import DBAPICore

/// array_append, array_prepend, array_insert, array_compact, array_size: an array with one element added or
/// its NULLs removed, and its length.
enum ArrayEditFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["array_append"], arity: 2...2) { call throws(EngineError) in
            _ = try call.arrayElement(0)
            if call.type(0) == .null { throw call.unexpected(0, "\"ARRAY\"") }
            let (type, array, value) = try arrayAndValue(call, valueIndex: 1)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context) else { return .null }
                return .array(items + [try value(row, context)])
            }
        },
        ScalarDeclaration(names: ["array_prepend"], arity: 2...2) { call throws(EngineError) in
            _ = try call.arrayElement(0)
            if call.type(0) == .null { throw call.unexpected(0, "\"ARRAY\"") }
            let (type, array, value) = try arrayAndValue(call, valueIndex: 1)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context) else { return .null }
                return .array([try value(row, context)] + items)
            }
        },
        ScalarDeclaration(names: ["array_insert"], arity: 3...3) { call throws(EngineError) in
            guard case .array = call.type(0) else { throw call.arrayAndValueDiffer(valueIndex: 2) }
            guard [.int, .smallint, .tinyint].contains(call.type(1)) else { throw call.unexpected(1, "\"INT\"") }
            let position = try call.argument(1, as: .int)
            let (type, array, value) = try arrayAndValue(call, valueIndex: 2)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context), case .int(let index) = try position(row, context) else {
                    return .null
                }
                return .array(try inserting(try value(row, context), into: items, at: index))
            }
        },
        ScalarDeclaration(names: ["array_compact"], arity: 1...1) { call throws(EngineError) in
            let element = try call.arrayElement(0)
            return .strict(.array(element), [call.arguments[0].evaluate]) { values in
                .array(values[0].items.filter { !$0.isNull })
            }
        },
        ScalarDeclaration(names: ["array_size"], arity: 1...1) { call throws(EngineError) in
            _ = try call.arrayElement(0)
            return .strict(.int, [call.arguments[0].evaluate]) { values in .int(Int64(values[0].items.count)) }
        },
    ]

    /// The result type and the array and value of `f(array, …, value)`, both cast to the tightest common element
    /// type (Spark widens integers, FLOAT and datetimes here, but a DECIMAL only
    /// to a DECIMAL already wide enough for the integer); ARRAY_FUNCTION_DIFF_TYPES
    /// when there is none.
    private static func arrayAndValue(_ call: ScalarCall, valueIndex: Int) throws(EngineError) -> (SQLType, Evaluator, Evaluator) {
        let element = try call.arrayElement(0)
        guard let common = tightest(element, call.type(valueIndex)) else { throw call.arrayAndValueDiffer(valueIndex: valueIndex) }
        return (.array(common), call.nestedArgument(0, as: .array(common)), call.nestedArgument(valueIndex, as: common))
    }

    /// The common type of `a` and `b` when neither has to become a wider DECIMAL (Spark's tightest common type).
    private static func tightest(_ a: SQLType, _ b: SQLType) -> SQLType? {
        if a == b { return a }
        switch (a, b) {
        case let (.array(x), .array(y)): return tightest(x, y).map { .array($0) }
        case (.float, _) where b.isIntegral || b == .float: return .float
        case (_, .float) where a.isIntegral: return .float
        case (.decimal, .decimal): return nil
        case (.decimal, _), (_, .decimal):
            guard let common = TypeCoercion.common(a, b), common == a || common == b else { return nil }
            return common
        default: return TypeCoercion.common(a, b)
        }
    }

    /// `items` with `value` at 1-based `position`: past the end the gap fills with NULLs; a negative position counts
    /// from the end (-1 appends), and beyond the start the value comes first, then NULLs up to the old elements.
    private static func inserting(_ value: SQLValue, into items: [SQLValue], at position: Int64) throws(EngineError) -> [SQLValue] {
        guard position != 0 else { throw EngineError.indexOfZero }
        let count = Int64(items.count)
        let reach = position > 0 ? position - 1 : -position - 1
        if reach <= count {
            let index = position > 0 ? reach : count - reach
            var result = items
            result.insert(value, at: Int(index))
            return result
        }
        let length = reach + 1
        guard length <= 2_147_483_632 else {
            throw EngineError.classified(
                errorClass: "COLLECTION_SIZE_LIMIT_EXCEEDED.FUNCTION", sqlState: "54000",
                message: "Can't create array with \(length) elements which exceeding the array size limit 2147483632, unsuccessful "
                    + "try to create arrays in the function `array_insert`.")
        }
        try NestedLimits.requireSize(length, "array_insert")
        let padding = [SQLValue](repeating: .null, count: Int(length - 1 - count))
        return position > 0 ? items + padding + [value] : [value] + padding + items
    }
}
