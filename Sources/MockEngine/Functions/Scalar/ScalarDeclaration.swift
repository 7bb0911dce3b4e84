import DBAPICore

/// One scalar function, declared once: the names it answers to, how many arguments it takes, how Spark
/// prints a call of it, and its type rule, which checks and coerces the compiled arguments and returns
/// the compiled call (its result type and its kernel).
struct ScalarDeclaration: Sendable {
    /// How a call prints in a generated column name, given the printed arguments; nil prints as written.
    typealias Printer = @Sendable (_ name: String, _ arguments: [String]) -> String?

    /// The names it is called by (lower case).
    let names: [String]
    let arity: ClosedRange<Int>
    var printer: Printer?
    /// The argument positions that take a function (a lambda), for higher-order functions.
    var lambdaPositions: Set<Int> = []
    let resolve: @Sendable (ScalarCall) throws(EngineError) -> CompiledExpr

    init(
        names: [String], arity: ClosedRange<Int>, printer: Printer? = nil,
        resolve: @escaping @Sendable (ScalarCall) throws(EngineError) -> CompiledExpr
    ) {
        self.names = names
        self.arity = arity
        self.printer = printer
        self.resolve = resolve
    }

    /// A `Printer` that fills in the trailing arguments Spark's builder supplies when a call omits them
    /// (`round(x)` prints `round(x, 0)`): `defaults` are the printed defaults of the last parameters of a
    /// function taking `arity` arguments in all.
    static func fillingDefaults(_ defaults: [String], arity: Int) -> Printer {
        { name, arguments in
            let missing = arity - arguments.count
            guard missing > 0, missing <= defaults.count else { return nil }
            return "\(name)(\((arguments + defaults.suffix(missing)).joined(separator: ", ")))"
        }
    }
}

/// A scalar call as the planner resolves it: the compiled arguments (their count already checked against
/// the declaration's arity) and the call's expression, for messages.
struct ScalarCall {
    /// The name as called (lower case).
    let name: String
    var arguments: [CompiledExpr]
    let expr: Expr
    /// The function arguments, by position (for higher-order functions; their `arguments` entries are NULL).
    var lambdas: [Int: LambdaArgument] = [:]

    var count: Int { arguments.count }

    /// The type of argument `index`, `.null` past the end.
    func type(_ index: Int) -> SQLType { index < arguments.count ? arguments[index].type : .null }

    /// Argument `index` implicitly cast to `type` as Spark's analyzer casts a function argument (strings to
    /// anything castable, numbers to numbers, dates and timestamps to each other); anything else is a
    /// type mismatch. Past the end it evaluates to NULL.
    func argument(_ index: Int, as type: SQLType) throws(EngineError) -> Evaluator {
        guard index < arguments.count else { return { _, _ in .null } }
        return try ScalarCall.implicitCast(arguments[index], to: type, name, expr, position: index)
    }

    /// Argument `index` where Spark's function casts nothing (an `ExpectsInputTypes` expression): it must be
    /// of `type` or NULL, anything else is UNEXPECTED_INPUT_TYPE. Past the end it evaluates to NULL.
    func argument(_ index: Int, exactly type: SQLType) throws(EngineError) -> Evaluator {
        guard index < arguments.count else { return { _, _ in .null } }
        let argument = arguments[index]
        if argument.type == .null { return ExpressionCompiler.coerce(argument, to: type).evaluate }
        guard argument.type == type else { throw unexpected(index, "\"\(type)\"") }
        return argument.evaluate
    }

    /// Argument `index`'s value when it is a constant, or foldable as Spark folds it (`1 + 1`, `abs(-1)`).
    func constant(_ index: Int) -> SQLValue? {
        guard index < arguments.count else { return nil }
        return arguments[index].constant ?? argumentExpr(index)?.foldedValue(arguments[index])
    }

    /// A pattern or format argument, which must be a constant: its text (a number or date cast to STRING, as
    /// Spark's implicit cast does), or nil for NULL, which makes the whole call NULL (Spark's NullPropagation
    /// folds the call before the pattern is read).
    func constantText(_ index: Int, _ what: String) throws(EngineError) -> String? {
        guard let value = constant(index), !type(index).isNested else { throw mismatch("\(name)'s \(what) must be a constant") }
        if value.isNull { return nil }
        return try Cast.value(value, from: type(index), to: .string).text
    }

    /// A DATATYPE_MISMATCH error about this call.
    func mismatch(_ message: String) -> EngineError { .typeMismatch(expression: expr.sqlName, message: message) }

    /// Casts a STRING (or compatible) argument to `type`, as Spark's implicit casts do. One that cannot be is
    /// UNEXPECTED_INPUT_TYPE when the call's argument `position` is known, else a plain type mismatch.
    static func implicitCast(
        _ argument: CompiledExpr, to type: SQLType, _ name: String, _ expr: Expr, position: Int? = nil
    ) throws(EngineError) -> Evaluator {
        if argument.type == type || argument.type == .null { return argument.evaluate }
        let acceptable =
            argument.type == .string || (type.isNumeric && argument.type.isNumeric)
            || (type == .date && (argument.type == .timestamp || argument.type == .timestampNTZ))
            || (type == .string && !argument.type.isNested)
            || (type == .timestamp && (argument.type == .timestampNTZ || argument.type == .date))
        guard acceptable, Cast.isSupported(from: argument.type, to: type) else {
            if let position, case .function(_, let written, _, _) = expr, position < written.count {
                throw EngineError.unexpectedInputType(
                    expr, position: position + 1, required: "\"\(type)\"", argument: written[position], argument.type)
            }
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "\(name) expects \(type), got \(argument.type)")
        }
        return ExpressionCompiler.coerce(argument, to: type).evaluate
    }
}
