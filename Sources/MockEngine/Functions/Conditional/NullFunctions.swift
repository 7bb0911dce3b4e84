import DBAPICore

/// `nvl2`, `nullifzero`, `zeroifnull` and `decode(expr, search, result, …, default)`.
enum NullFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["nvl2"], arity: 3...3) { call throws(EngineError) in
            let type = try TypeCoercion.commonPromotingStrings(Array(call.arguments.dropFirst()), call.expr, function: "if")
            let test = call.arguments[0].evaluate
            let (present, absent) = (
                ExpressionCompiler.coerce(call.arguments[1], to: type).evaluate,
                ExpressionCompiler.coerce(call.arguments[2], to: type).evaluate
            )
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                try test(row, context).isNull ? try absent(row, context) : try present(row, context)
            }
        },
        ScalarDeclaration(names: ["nullifzero"], arity: 1...1) { call throws(EngineError) in
            let operand = try numeric(call)
            let inner = operand.evaluate
            return CompiledExpr(type: operand.type) { row, context throws(EngineError) in
                let value = try inner(row, context)
                return value.isZero ? .null : value
            }
        },
        ScalarDeclaration(names: ["zeroifnull"], arity: 1...1) { call throws(EngineError) in
            let operand = try numeric(call)
            let type = try ConditionalFunctions.commonType(
                [operand, CompiledExpr(constant: .int(0), type: .int)], call.expr, function: "coalesce")
            let inner = ExpressionCompiler.coerce(operand, to: type).evaluate
            let zero = ExpressionCompiler.coerce(CompiledExpr(constant: .int(0), type: .int), to: type).constant ?? .int(0)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                let value = try inner(row, context)
                return value.isNull ? zero : value
            }
        },
        ScalarDeclaration(names: ["decode"], arity: 0...Int.max) { call throws(EngineError) in try decode(call) },
    ]

    private static func numeric(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        guard call.type(0).isNumeric || call.type(0) == .null else {
            throw call.unexpected(0, "\"NUMERIC\"")
        }
        return call.arguments[0]
    }

    /// Spark's `Decode`: `CASE WHEN expr <=> search1 THEN result1 … ELSE default END`, where a missing default is
    /// a STRING NULL (so `decode(x, 'a', 1)` is a BIGINT, an INT result widened with a STRING as ANSI Spark
    /// widens them). Two arguments are `decode(binary, charset)` (`BinaryFunctions`).
    private static func decode(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        guard call.count >= 2 else {
            throw EngineError.classified(
                errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", sqlState: "42605",
                message: "The `decode` requires 2 parameters but the actual number is \(call.count). Please, refer to "
                    + "'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.")
        }
        guard call.count > 2 else { return try BinaryFunctions.decode(call) }
        let input = call.arguments[0]
        var tests: [Evaluator] = []
        var results: [CompiledExpr] = []
        var index = 1
        while index + 1 < call.count {
            tests.append(try Comparison.compile(.nullSafeEqual, input, call.arguments[index], call.expr).evaluate)
            results.append(call.arguments[index + 1])
            index += 2
        }
        let fallback = index < call.count ? call.arguments[index] : CompiledExpr(constant: .null, type: .string)
        let type = try TypeCoercion.commonPromotingStrings(results + [fallback], call.expr, function: "casewhen")
        let evaluators = results.map { ExpressionCompiler.coerce($0, to: type).evaluate }
        let otherwise = ExpressionCompiler.coerce(fallback, to: type).evaluate
        let conditions = tests
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            for (position, condition) in conditions.enumerated() {
                if case .bool(true) = try condition(row, context) { return try evaluators[position](row, context) }
            }
            return try otherwise(row, context)
        }
    }
}

extension SQLValue {
    /// Whether the value is a numeric zero (of any numeric type).
    var isZero: Bool {
        switch self {
        case .int(let number): number == 0
        case .double(let number): number == 0
        case .decimal(let number): number.unscaled == 0
        default: false
        }
    }
}
