import DBAPICore

/// Spark's cast functions for numeric types: `double('NaN')` is `CAST('NaN' AS DOUBLE)`, and prints as its
/// argument (`SELECT double('inf')` names its column `inf`). `negative` and `positive` are unary `-` and `+`.
enum NumericCastFunctions {
    static let declarations: [ScalarDeclaration] =
        [
            ("tinyint", SQLType.tinyint), ("smallint", .smallint), ("int", .int), ("bigint", .bigint), ("float", .float),
            ("double", .double), ("decimal", .decimal(precision: 10, scale: 0)),
        ].map { name, type in
            ScalarDeclaration(names: [name], arity: 1...1, printer: { _, arguments in arguments[0] }) { call throws(EngineError) in
                let source = call.type(0)
                guard Cast.isSupported(from: source, to: type) else {
                    throw call.mismatch("cannot cast \(source) to \(type)")
                }
                let inner = call.arguments[0].evaluate
                return CompiledExpr(type: type) { row, context throws(EngineError) in
                    try Cast.value(try inner(row, context), from: source, to: type)
                }
            }
        } + [
            ScalarDeclaration(names: ["negative"], arity: 1...1) { call throws(EngineError) in
                try ExpressionCompiler.negation(call.arguments[0], call.expr)
            },
            ScalarDeclaration(names: ["positive"], arity: 1...1, printer: { _, arguments in "(+ \(arguments[0]))" }) {
                call throws(EngineError) in try MathFunctions.numeric(call)
            },
        ]
}
