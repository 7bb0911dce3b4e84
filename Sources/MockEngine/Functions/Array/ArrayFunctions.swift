import DBAPICore

/// array(...), array_contains(array, value), size(array).
enum ArrayFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["array"], arity: 0...Int.max) { call throws(EngineError) in
            let element = try ConditionalFunctions.commonType(call.arguments, call.expr)
            let evaluators = call.arguments.map { ExpressionCompiler.coerce($0, to: element).evaluate }
            return CompiledExpr(type: .array(element == .null ? .string : element)) { row, context throws(EngineError) in
                var items: [SQLValue] = []
                items.reserveCapacity(evaluators.count)
                for evaluate in evaluators { items.append(try evaluate(row, context)) }
                return .array(items)
            }
        },
        ScalarDeclaration(names: ["size"], arity: 1...1) { call in
            let inner = call.arguments[0].evaluate
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                if case .array(let items) = try inner(row, context) { return .int(Int64(items.count)) }
                return .int(-1)
            }
        },
        ScalarDeclaration(names: ["array_contains"], arity: 2...2) { call throws(EngineError) in
            guard case .array(let element) = call.type(0), let type = TypeCoercion.comparison(element, call.type(1)) else {
                throw call.mismatch("array_contains expects an ARRAY and a value of its element type")
            }
            let array = call.arguments[0].evaluate
            let needle = ExpressionCompiler.coerce(call.arguments[1], to: type).evaluate
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context) else { return .null }
                let value = try needle(row, context)
                if value.isNull { return .null }
                var sawNull = false
                for item in items {
                    if item.isNull { sawNull = true } else if ValueOrder.compare(item, value) == 0 { return .bool(true) }
                }
                return sawNull ? .null : .bool(false)
            }
        },
    ]
}
