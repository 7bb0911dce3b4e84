import DBAPICore

/// `try_add`, `try_subtract`, `try_multiply`, `try_divide`, `try_mod`: the operator's type, and NULL where the
/// operation itself fails at run time (overflow, division by zero). Errors in evaluating the arguments are
/// still errors (`try_add(1 / 0, 1)` fails), as are type errors.
enum TryArithmeticFunctions {
    static let declarations: [ScalarDeclaration] = [
        tolerant("try_add", .add),
        tolerant("try_subtract", .subtract),
        tolerant("try_multiply", .multiply),
        tolerant("try_divide", .divide),
        tolerant("try_mod", .remainder),
    ]

    private static func tolerant(_ name: String, _ op: BinaryOperator) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2) { call throws(EngineError) in
            // The operator runs on the arguments' values, passed in a row of their own.
            let slots = call.arguments.enumerated().map { index, argument in
                CompiledExpr(type: argument.type) { row, _ in row[index] }
            }
            let operation = try ScalarCall(name: call.name, arguments: slots, expr: call.expr).compileOperator(op)
            let (left, right, evaluate) = (call.arguments[0].evaluate, call.arguments[1].evaluate, operation.evaluate)
            return CompiledExpr(type: operation.type) { row, context throws(EngineError) in
                let values = [try left(row, context), try right(row, context)]
                return (try? evaluate(values, context)) ?? .null
            }
        }
    }
}
