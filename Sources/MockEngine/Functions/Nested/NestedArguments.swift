import DBAPICore

/// Argument checks and kernel shapes shared by the ARRAY, MAP and STRUCT function families.
extension ScalarCall {
    /// The element type of ARRAY argument `index` (`.null` for a NULL literal), or Spark's
    /// UNEXPECTED_INPUT_TYPE error.
    func arrayElement(_ index: Int) throws(EngineError) -> SQLType {
        switch type(index) {
        case .array(let element): return element
        case .null: return .null
        default: throw unexpected(index, "\"ARRAY\"")
        }
    }

    /// The key and value types of MAP argument `index` (`.null` for a NULL literal).
    func mapTypes(_ index: Int) throws(EngineError) -> (key: SQLType, value: SQLType) {
        switch type(index) {
        case let .map(key, value): return (key, value)
        case .null: return (.null, .null)
        default: throw unexpected(index, "\"MAP\"")
        }
    }

    /// UNEXPECTED_INPUT_TYPE for argument `index`, which should have been `required` (Spark's quoted type list).
    func unexpected(_ index: Int, _ required: String) -> EngineError {
        guard case .function(_, let arguments, _, _) = expr, index < arguments.count else { return mismatch("wrong argument type") }
        return .unexpectedInputType(expr, position: index + 1, required: required, argument: arguments[index], type(index))
    }

    /// DATATYPE_MISMATCH.NULL_TYPE unless the arguments at `indexes` have a type (a NULL literal's is VOID).
    func requireTyped(_ indexes: [Int]) throws(EngineError) {
        guard indexes.allSatisfy({ type($0) != .null }) else {
            throw mismatch("NULL_TYPE", "Null typed values cannot be used as arguments of `\(name)`")
        }
    }

    /// The printed text of argument `index` (for messages and generated field names).
    func argumentExpr(_ index: Int) -> Expr? {
        guard case .function(_, let arguments, _, _) = expr, index < arguments.count else { return nil }
        return arguments[index]
    }

    /// `DATATYPE_MISMATCH.<subclass>` about this call with Spark's message after "due to data type mismatch: ".
    func mismatch(_ subclass: String, _ message: String) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.\(subclass)", "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: \(message).")
    }

    /// The common element type of ARRAY arguments `indexes` (Spark's BINARY_ARRAY_DIFF_TYPES when there is none,
    /// or when one is not an ARRAY, NULL included).
    func commonElement(_ indexes: [Int]) throws(EngineError) -> SQLType {
        var element = SQLType.null
        for index in indexes {
            guard case .array(let next) = type(index), let common = TypeCoercion.common(element, next) else {
                throw mismatch(
                    "BINARY_ARRAY_DIFF_TYPES",
                    "Input to function `\(name)` should have been two \"ARRAY\" with same element type, but it's "
                        + "[\(indexes.map { "\"\(type($0))\"" }.joined(separator: ", "))]")
            }
            element = common
        }
        return element
    }

    /// DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES: argument 0 and the value at `valueIndex` are not an ARRAY
    /// and a value of its element type.
    func arrayAndValueDiffer(valueIndex: Int) -> EngineError {
        mismatch(
            "ARRAY_FUNCTION_DIFF_TYPES",
            "Input to `\(name)` should have been \"ARRAY\" followed by a value with same element type, but it's "
                + "[\"\(type(0))\", \"\(type(valueIndex))\"]")
    }

    /// Argument `index` cast to `type` (arguments of ARRAY, MAP or STRUCT types included).
    func nestedArgument(_ index: Int, as type: SQLType) -> Evaluator {
        ExpressionCompiler.coerce(arguments[index], to: type).evaluate
    }
}

extension CompiledExpr {
    /// A call that is NULL when any argument is NULL; `kernel` sees the non-NULL values in order.
    static func strict(
        _ type: SQLType, _ arguments: [Evaluator], _ kernel: @escaping @Sendable ([SQLValue]) throws(EngineError) -> SQLValue
    ) -> CompiledExpr {
        CompiledExpr(type: type) { row, context throws(EngineError) in
            var values: [SQLValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                let value = try argument(row, context)
                if value.isNull { return .null }
                values.append(value)
            }
            return try kernel(values)
        }
    }
}

extension SQLValue {
    /// An ARRAY's elements (empty for anything else: kernels see values of their declared types).
    var items: [SQLValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// A MAP's entries (empty for anything else).
    var entries: [SQLMapEntry] {
        if case .map(let entries) = self { return entries }
        return []
    }
}

/// Bounds on the values nested functions build, so no query can exhaust memory.
enum NestedLimits {
    /// The most elements an ARRAY built by `sequence` or `array_repeat` may have.
    static let maxElements = 1_000_000

    static func requireSize(_ count: Int64, _ function: String) throws(EngineError) {
        guard count <= Int64(maxElements) else {
            throw EngineError.unsupported("\(function) building an array of more than \(maxElements) elements")
        }
    }
}
