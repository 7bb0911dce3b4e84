import DBAPICore

/// Evaluates an expression against one input row.
typealias Evaluator = @Sendable (Row, ExecutionContext) throws(EngineError) -> SQLValue

/// The planner's output for an expression: its Spark type, its generated column name, and a
/// closure that computes it. Names are resolved to row indexes before anything runs.
struct CompiledExpr: Sendable {
    let type: SQLType
    let evaluate: Evaluator
    /// The value, when the expression does not depend on any row.
    let constant: SQLValue?

    init(type: SQLType, evaluate: @escaping Evaluator) {
        self.type = type
        self.evaluate = evaluate
        self.constant = nil
    }

    init(constant: SQLValue, type: SQLType) {
        self.type = type
        self.constant = constant
        self.evaluate = { _, _ in constant }
    }
}
