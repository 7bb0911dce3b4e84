import DBAPICore

/// A function argument of a higher-order function call, compiled once the function knows its parameter
/// types (an array's element type, an accumulator's type). An argument written without `->` is a lambda
/// whose parameters are hidden, as in Spark: `transform(xs, 1)` maps every element to 1.
struct LambdaArgument {
    /// The parameters as written; nil for an argument that is not a lambda.
    let parameters: [String]?
    /// Compiles the body with one variable per type; `parameters` must match the types in number.
    let compile: (_ parameterTypes: [SQLType]) throws(EngineError) -> CompiledLambda
}

/// A lambda's body, compiled to read its variables from the end of the row it is given: the input row
/// of the higher-order function followed by one slot per parameter (see `LambdaFrame`).
struct CompiledLambda: Sendable {
    let type: SQLType
    let parameterCount: Int
    let body: Evaluator
}

/// The row a lambda body is evaluated on: built once per input row, then only its parameter slots change
/// from one element to the next, so evaluating a lambda over an array allocates nothing per element.
struct LambdaFrame {
    private var row: Row
    private let base: Int
    private let lambda: CompiledLambda

    init(_ lambda: CompiledLambda, over input: Row) {
        var row = Row()
        row.reserveCapacity(input.count + lambda.parameterCount)
        row.append(contentsOf: input)
        row.append(contentsOf: repeatElement(SQLValue.null, count: lambda.parameterCount))
        self.row = row
        self.base = input.count
        self.lambda = lambda
    }

    /// The body's value for a one-parameter lambda.
    mutating func callAsFunction(_ first: SQLValue, _ context: ExecutionContext) throws(EngineError) -> SQLValue {
        if lambda.parameterCount > 0 { row[base] = first }
        return try lambda.body(row, context)
    }

    /// The body's value for a two-parameter lambda.
    mutating func callAsFunction(_ first: SQLValue, _ second: SQLValue, _ context: ExecutionContext) throws(EngineError)
        -> SQLValue
    {
        if lambda.parameterCount > 0 { row[base] = first }
        if lambda.parameterCount > 1 { row[base + 1] = second }
        return try lambda.body(row, context)
    }

    /// The body's value for a three-parameter lambda.
    mutating func callAsFunction(_ first: SQLValue, _ second: SQLValue, _ third: SQLValue, _ context: ExecutionContext)
        throws(EngineError) -> SQLValue
    {
        if lambda.parameterCount > 2 { row[base + 2] = third }
        return try self(first, second, context)
    }
}
