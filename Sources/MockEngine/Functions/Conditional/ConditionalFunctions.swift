import DBAPICore

/// coalesce, ifnull/nvl, nullif, if, greatest, least.
enum ConditionalFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["if"], arity: 3...3, printer: { _, arguments in "(IF(\(arguments.joined(separator: ", "))))" }) {
            call throws(EngineError) in
            guard call.type(0) == .boolean || call.type(0) == .null else {
                throw call.unexpected(0, "\"BOOLEAN\"")
            }
            let type = try TypeCoercion.commonPromotingStrings(Array(call.arguments.dropFirst()), call.expr, function: "if")
            let condition = call.arguments[0].evaluate
            let then = ExpressionCompiler.coerce(call.arguments[1], to: type).evaluate
            let otherwise = ExpressionCompiler.coerce(call.arguments[2], to: type).evaluate
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                if case .bool(true) = try condition(row, context) { return try then(row, context) }
                return try otherwise(row, context)
            }
        },
        ScalarDeclaration(names: ["nullif"], arity: 2...2) { call throws(EngineError) in
            let equal = try Comparison.compile(.equal, call.arguments[0], call.arguments[1], call.expr).evaluate
            let first = call.arguments[0].evaluate
            return CompiledExpr(type: call.type(0)) { row, context throws(EngineError) in
                if case .bool(true) = try equal(row, context) { return .null }
                return try first(row, context)
            }
        },
        extremum("greatest", wantGreater: true),
        extremum("least", wantGreater: false),
        firstNonNull(["coalesce"], arity: 1...Int.max),
        firstNonNull(["ifnull", "nvl"], arity: 2...2),
    ]

    /// greatest/least: the largest (smallest) non-NULL argument in their common type.
    private static func extremum(_ name: String, wantGreater: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...Int.max) { call throws(EngineError) in
            let type = try commonType(call.arguments, call.expr, function: name)
            let evaluators = call.arguments.map { ExpressionCompiler.coerce($0, to: type).evaluate }
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                var best = SQLValue.null
                for evaluate in evaluators {
                    let value = try evaluate(row, context)
                    if value.isNull { continue }
                    if best.isNull || (ValueOrder.compare(value, best) > 0) == wantGreater { best = value }
                }
                return best
            }
        }
    }

    /// coalesce, ifnull, nvl: the first non-NULL argument in their common type.
    private static func firstNonNull(_ names: [String], arity: ClosedRange<Int>) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: arity) { call throws(EngineError) in
            let type = try TypeCoercion.commonPromotingStrings(call.arguments, call.expr, function: "coalesce")
            let evaluators = call.arguments.map { ExpressionCompiler.coerce($0, to: type).evaluate }
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                for evaluate in evaluators {
                    let value = try evaluate(row, context)
                    if !value.isNull { return value }
                }
                return .null
            }
        }
    }

    /// The type every argument can be coerced to, or `mismatch` of all their types.
    static func commonType(
        _ arguments: [CompiledExpr], orFail mismatch: ([SQLType]) -> EngineError
    ) throws(EngineError) -> SQLType {
        var type = SQLType.null
        for argument in arguments {
            guard let common = TypeCoercion.common(type, argument.type) else { throw mismatch(arguments.map(\.type)) }
            type = common
        }
        return type
    }

    /// `commonType`, failing with DATA_DIFF_TYPES for `function` (Spark's name for it) in `expr`.
    static func commonType(_ arguments: [CompiledExpr], _ expr: Expr, function: String) throws(EngineError) -> SQLType {
        try commonType(arguments) { .dataDiffTypes(expr.sqlName, function: function, $0) }
    }
}
