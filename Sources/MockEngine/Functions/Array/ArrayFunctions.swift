import DBAPICore

/// array(...), size / cardinality, array_contains, array_position, array_remove, array_join,
/// array_min, array_max.
enum ArrayFunctions {
    static let declarations: [ScalarDeclaration] =
        [
            ScalarDeclaration(names: ["array"], arity: 0...Int.max) { call throws(EngineError) in
                let element = try ConditionalFunctions.commonType(call.arguments, call.expr, function: "array")
                let evaluators = call.arguments.map { ExpressionCompiler.coerce($0, to: element).evaluate }
                return CompiledExpr(type: .array(element)) { row, context throws(EngineError) in
                    var items: [SQLValue] = []
                    items.reserveCapacity(evaluators.count)
                    for evaluate in evaluators { items.append(try evaluate(row, context)) }
                    return .array(items)
                }
            },
            ScalarDeclaration(names: ["size", "cardinality"], arity: 1...1) { call throws(EngineError) in
                switch call.type(0) {
                case .array, .map, .null: break
                default: throw call.unexpected(0, "(\"ARRAY\" or \"MAP\")")
                }
                return .strict(.int, [call.arguments[0].evaluate]) { values in
                    switch values[0] {
                    case .array(let items): .int(Int64(items.count))
                    case .map(let entries): .int(Int64(entries.count))
                    default: .null
                    }
                }
            },
            ScalarDeclaration(names: ["array_contains"], arity: 2...2) { call throws(EngineError) in
                try call.requireTyped([0, 1])
                let (_, array, needle) = try elementAndValue(call, widening: true)
                return .strict(.boolean, [array, needle]) { values in
                    var sawNull = false
                    for item in values[0].items {
                        if item.isNull { sawNull = true } else if item == values[1] { return .bool(true) }
                    }
                    return sawNull ? .null : .bool(false)
                }
            },
            ScalarDeclaration(names: ["array_position"], arity: 2...2) { call throws(EngineError) in
                try call.requireTyped([0])
                let (_, array, needle) = try elementAndValue(call, widening: false)
                return .strict(.bigint, [array, needle]) { values in
                    .int(Int64((values[0].items.firstIndex { !$0.isNull && $0 == values[1] } ?? -1) + 1))
                }
            },
            ScalarDeclaration(names: ["array_remove"], arity: 2...2) { call throws(EngineError) in
                guard case .array = call.type(0) else { throw call.arrayAndValueDiffer(valueIndex: 1) }
                let (resultType, array, needle) = try elementAndValue(call, widening: false)
                return .strict(resultType, [array, needle]) { values in
                    .array(values[0].items.filter { $0.isNull || $0 != values[1] })
                }
            },
            ScalarDeclaration(names: ["array_join"], arity: 2...3) { call throws(EngineError) in
                let element = try call.arrayElement(0)
                guard !element.isNested else { throw call.unexpected(0, "\"ARRAY<STRING>\"") }  // no implicit cast to STRING
                let array = call.arguments[0].evaluate
                let separator = try call.argument(1, as: .string)
                let replacement = call.count == 3 ? try call.argument(2, as: .string) : nil
                return CompiledExpr(type: .string) { row, context throws(EngineError) in
                    guard case .array(let items) = try array(row, context), case .string(let glue) = try separator(row, context) else {
                        return .null
                    }
                    var filler: String?
                    if let replacement {
                        guard case .string(let text) = try replacement(row, context) else { return .null }
                        filler = text
                    }
                    let pieces = items.compactMap { $0.isNull ? filler : Cast.string($0, type: element) }
                    return .string(pieces.joined(separator: glue))
                }
            },
            extremum("array_min", wantsLarger: false),
            extremum("array_max", wantsLarger: true),
        ] + ArrayShapeFunctions.declarations + ArraySetFunctions.declarations + ElementAccessFunctions.declarations

    /// The array type and the array and value of `f(array, value)`, both cast to the common element type. Spark refuses a
    /// value of another type (with `widening`, one the element type widens to is accepted, as
    /// `array_contains` does).
    private static func elementAndValue(
        _ call: ScalarCall, widening: Bool
    ) throws(EngineError) -> (type: SQLType, array: Evaluator, value: Evaluator) {
        let element = try call.arrayElement(0)
        let valueType = call.type(1)
        let common = TypeCoercion.common(element, valueType)
        let tight = element == valueType || element == .null || valueType == .null || (element.isIntegral && valueType.isIntegral)
        guard let common, widening || tight, common.isOrderable else { throw call.arrayAndValueDiffer(valueIndex: 1) }
        return (.array(common), call.nestedArgument(0, as: .array(common)), call.nestedArgument(1, as: common))
    }

    /// array_min / array_max: NULL elements skipped, NULL for an empty array; NaN is the largest double.
    private static func extremum(_ name: String, wantsLarger: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 1...1) { call throws(EngineError) in
            let element = try call.arrayElement(0)
            guard element.isOrderable else { throw call.unexpected(0, "\"ARRAY\"") }
            return .strict(element, [call.arguments[0].evaluate]) { values in
                var best = SQLValue.null
                for item in values[0].items where !item.isNull {
                    if best.isNull || (ValueOrder.compare(item, best) > 0) == wantsLarger && ValueOrder.compare(item, best) != 0 {
                        best = item
                    }
                }
                return best
            }
        }
    }
}
