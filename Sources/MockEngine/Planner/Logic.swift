import DBAPICore

/// AND and OR with SQL's three-valued logic (NULL is unknown; FALSE AND NULL is FALSE).
enum Logic {
    static func compile(isAnd: Bool, _ left: @escaping Evaluator, _ right: @escaping Evaluator) -> CompiledExpr {
        CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            let a = try left(row, context)
            if case .bool(let flag) = a, flag != isAnd { return a }  // short-circuit
            let b = try right(row, context)
            if case .bool(let flag) = b, flag != isAnd { return b }
            if a.isNull || b.isNull { return .null }
            return .bool(isAnd)
        }
    }
}
