import DBAPICore

/// Resolves names and types in an `Expr` and compiles it into a closure over input rows.
///
/// In an aggregating query, `aggregation` maps group-by expressions and aggregate calls to
/// positions of the aggregate node's output row; any other column reference is an error.
struct ExpressionCompiler {
    let planner: Planner
    let scope: Scope
    var aggregation: AggregationFrame?
    /// Above the window stage: where each window call's result is.
    var windows: WindowColumns?
    /// Inside a lambda body: the variables of the enclosing lambdas, outermost first.
    var lambdaVariables: [LambdaVariable] = []
    /// In a clause where Spark refuses a subquery's reference to the enclosing query (`OuterReferences`).
    var refusesOuterReferences = false
    /// The clause being compiled, which orders a subquery's outer references in its generated name.
    var clause = OuterReference.Clause.selectList

    init(planner: Planner, scope: Scope, aggregation: AggregationFrame? = nil) {
        self.planner = planner
        self.scope = scope
        self.aggregation = aggregation
    }

    func compile(_ expr: Expr) throws(EngineError) -> CompiledExpr {
        if case .column(let parts) = expr, let variable = lambdaVariable(parts) { return variable }
        if case .column(let parts) = expr, parts.count > 1, lambdaVariable([parts[0]]) != nil {  // `x.a`: a field of variable x
            return try compile(parts.dropFirst().reduce(Expr.column([parts[0]])) { .field($0, $1) })
        }
        if let aggregation, !readsLambdaVariable(expr), let position = try aggregation.position(of: expr, in: scope) {
            return CompiledExpr(type: aggregation.types[position]) { row, _ in row[position] }
        }
        switch expr {
        case let .literal(value, type):
            return CompiledExpr(constant: value, type: type)
        case .column(let parts):
            if case .missing = scope.resolve(parts), let access = Expr.fieldAccess(parts, in: scope) { return try compile(access) }
            return try compileColumn(parts)
        case let .subscripted(base, index):
            return try compileSubscript(base, index, expr)
        case let .field(base, name):
            return try compileField(base, name, expr)
        case .aliased(let operand, _):  // the alias names a field of struct(…), which reads it from the call
            return try compile(operand)
        case let .unary(op, operand):
            let compiled = try compile(operand)
            return NullPropagation.fold(try compileUnary(op, compiled, expr), [compiled], nullIntolerant: true)
        case let .binary(op, left, right):
            return try compileBinary(op, left, right, expr)
        case let .isNull(operand, negated):
            let inner = try compile(operand).evaluate
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                .bool(try inner(row, context).isNull != negated)
            }
        case let .inList(operand, items, negated):
            return try compileInList(operand, items, negated: negated, expr)
        case let .inSubquery(operand, query, negated):
            return try compileInSubquery(operand, query, negated: negated, expr)
        case let .exists(query, negated):
            return try compileExists(query, negated: negated)
        case .scalarSubquery(let query):
            return try compileScalarSubquery(query)
        case let .between(operand, low, high, negated):
            let test = Expr.binary(.and, .binary(.greaterOrEqual, operand, low), .binary(.lessOrEqual, operand, high))
            return try compile(negated ? .unary(.not, test) : test)
        case let .like(operand, pattern, caseInsensitive, negated, escape):
            return try compileLike(operand, pattern, caseInsensitive: caseInsensitive, negated: negated, escape: escape, expr)
        case let .quantifiedLike(operand, patterns, isAll, negated):
            return try compileQuantifiedLike(operand, patterns, isAll: isAll, negated: negated, expr)
        case let .caseWhen(operand, branches, otherwise):
            return try compileCase(operand, branches, otherwise, expr)
        case let .cast(operand, type, isTry):
            let compiled = try compile(operand)
            if type.isNested || compiled.type.isNested, !Cast.isSupported(from: compiled.type, to: type) {
                throw EngineError.castWithoutSuggestion(operand, from: compiled.type, to: type)
            }
            guard Cast.isSupported(from: compiled.type, to: type) else {
                throw EngineError.castMismatch(expr, from: compiled.type, to: type)
            }
            if compiled.isNullConstant { return CompiledExpr(constant: .null, type: type) }
            // A constant that casts is folded (Spark's ConstantFolding); one that fails still fails when it runs.
            if let constant = compiled.constant, let value = try? Cast.value(constant, from: compiled.type, to: type) {
                return CompiledExpr(constant: value, type: type)
            }
            return try compileCast(compiled, to: type, isTry: isTry, expr)
        case .modifiedAggregate:
            throw EngineError.typeMismatch(
                expression: expr.sqlName, message: "aggregate functions are not allowed here (only in SELECT, HAVING and ORDER BY)")
        case .window(let call):
            guard let windows, let position = windows.position(of: call) else {
                throw EngineError.unsupported("a window function in this clause")
            }
            return CompiledExpr(type: windows.types[position - windows.base]) { row, _ in row[position] }
        case let .function(name, arguments, isDistinct, isStar):
            if let grouping = try compileGrouping(name, arguments, expr) { return grouping }
            if WindowFunctions.requiresOver(name) {
                let call = WindowCall(
                    name: name, arguments: arguments, isDistinct: isDistinct, isStar: isStar, ignoresNulls: false, window: .named(""))
                throw EngineError.windowWithoutOver(WindowSpecText.functionText(call))
            }
            if AggregateRegistry.isAggregate(name) {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName,
                    message: "aggregate functions are not allowed here (only in SELECT, HAVING and ORDER BY)")
            }
            if GeneratorFunctions.isGenerator(name) { throw GeneratorErrors.outsideSelect(expr) }
            try ScalarRegistry.requireKnown(name)  // before the arguments: an unknown name is the first error
            if isDistinct || isStar {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "DISTINCT and * only apply to aggregate functions")
            }
            return try compileCall(name, arguments, expr)
        case .lambda:
            throw LambdaErrors.notHigherOrder(nil)
        }
    }

    private func compileColumn(_ parts: [String]) throws(EngineError) -> CompiledExpr {
        switch scope.resolve(parts) {
        case let .found(0, index, type):
            if let aggregation { throw aggregation.notAggregated(parts.joined(separator: ".")) }
            return CompiledExpr(type: type) { row, _ in row[index] }
        case let .found(depth, index, type):
            if refusesOuterReferences { throw OuterReferences.refused(parts.last ?? "") }
            scope.ancestor(depth)?.outerReads.withLock { $0.append(OuterReference(clause: clause, name: parts.last ?? "")) }
            return CompiledExpr(type: type) { _, context in
                let outer = context.outerRow(depth: depth)
                return index < outer.count ? outer[index] : .null
            }
        case .ambiguous(let candidates):
            throw EngineError.ambiguousColumn(parts.joined(separator: "."), candidates: candidates)
        case .missing:
            // Spark reads a bare `user`, `current_user` or `session_user` that names no column as current_user(),
            // which only a warehouse can answer.
            if parts.count == 1, ["user", "current_user", "session_user"].contains(parts[0].lowercased()) {
                throw EngineError.unsupported("Spark's builtin function `current_user`")
            }
            throw EngineError.unknownColumn(parts, suggestions: ColumnSuggestions.ordered(for: parts, in: scope))
        }
    }

    private func compileUnary(_ op: UnaryOperator, _ operand: CompiledExpr, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let inner = operand.evaluate
        switch op {
        case .plus:
            guard operand.type.isNumeric || operand.type == .null else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "unary + needs a number, got \(operand.type)")
            }
            return operand
        case .negate where IntervalArithmetic.isInterval(operand.type):
            return IntervalArithmetic.negate(operand)
        case .negate:
            return try Self.negation(operand, expr)
        case .not:
            try requireBoolean(operand, expr)
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                if case .bool(let flag) = try inner(row, context) { return .bool(!flag) }
                return .null
            }
        case .bitNot:
            guard operand.type.isIntegral else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "~ needs an integer, got \(operand.type)")
            }
            return CompiledExpr(type: operand.type) { row, context throws(EngineError) in
                if case .int(let number) = try inner(row, context) { return .int(~number) }
                return .null
            }
        }
    }

    /// `-x` (and `negative(x)`): integers check their type's range, as ANSI Spark does (ARITHMETIC_OVERFLOW
    /// `overflow.`); a STRING is read as a DOUBLE first (`-('5')` is -5.0).
    static func negation(_ operand: CompiledExpr, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let operand = operand.type == .string ? coerce(operand, to: .double) : operand
        let (inner, type) = (operand.evaluate, operand.type)
        guard type.isNumeric || type == .null else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "unary - needs a number, got \(type)")
        }
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            switch try inner(row, context) {
            case .int(let number):
                guard number != Int64.min, type.integralRange?.contains(-number) ?? true else {
                    throw EngineError.overflow("overflow")  // Spark's message for negateExact
                }
                return .int(-number)
            case .double(let number): return .double(-number)
            case .decimal(let number): return .decimal(number.negated)
            default: return .null
            }
        }
    }

    /// A WHERE or HAVING condition must be BOOLEAN (DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN).
    /// A NULL literal passes in HAVING but not in WHERE, as in Spark.
    func requireFilterCondition(_ condition: CompiledExpr, _ expr: Expr, acceptsNull: Bool) throws(EngineError) {
        guard condition.type == .boolean || (acceptsNull && condition.type == .null) else {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
                "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: Filter expression \"\(expr.sqlName)\" of type "
                    + "\"\(condition.type)\" is not a boolean.")
        }
    }

    /// A join condition must be BOOLEAN (JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE; a NULL literal is not).
    func requireJoinCondition(_ condition: CompiledExpr, _ expr: Expr) throws(EngineError) {
        guard condition.type == .boolean else {
            throw EngineError.analysis(
                "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE",
                "The join condition \"\(expr.sqlName)\" has the invalid type \"\(condition.type)\", expected \"BOOLEAN\".")
        }
    }

    func requireBoolean(_ operand: CompiledExpr, _ expr: Expr) throws(EngineError) {
        guard operand.type == .boolean || operand.type == .null else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "expected BOOLEAN, got \(operand.type)")
        }
    }

    private func compileBinary(_ op: BinaryOperator, _ leftExpr: Expr, _ rightExpr: Expr, _ expr: Expr) throws(EngineError) -> CompiledExpr
    {
        let left = try compile(leftExpr)
        let right = try compile(rightExpr)
        let compiled: CompiledExpr
        switch op {
        case .and, .or:
            try requireBoolean(left, expr)
            try requireBoolean(right, expr)
            compiled = Logic.compile(isAnd: op == .and, left.evaluate, right.evaluate)
        case .equal, .nullSafeEqual, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            compiled = try Comparison.compile(op, left, right, expr)
        case .add, .subtract, .multiply, .divide, .remainder, .integerDivide:
            compiled = try Arithmetic.compile(op, left, right, leftExpr: leftExpr, rightExpr: rightExpr, expr)
        case .concat:
            return try ScalarRegistry.compile("concat", [left, right], expr)
        case .bitAnd, .bitOr, .bitXor:
            compiled = try Bitwise.compile(op, left, right, expr)
        }
        let nullIntolerant = ![.and, .or, .nullSafeEqual].contains(op)
        return NullPropagation.fold(compiled, [left, right], nullIntolerant: nullIntolerant)
    }

    private func compileCast(_ operand: CompiledExpr, to type: SQLType, isTry: Bool, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let inner = operand.evaluate
        let source = operand.type
        if isTry {
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                let value = try inner(row, context)
                return (try? Cast.value(value, from: source, to: type)) ?? .null
            }
        }
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            try Cast.value(try inner(row, context), from: source, to: type)
        }
    }

    /// Wraps `operand` in a cast to `type` when its type differs.
    static func coerce(_ operand: CompiledExpr, to type: SQLType) -> CompiledExpr {
        if operand.type == type { return operand }
        if operand.type == .null {
            return operand.constant.map { CompiledExpr(constant: $0, type: type) } ?? CompiledExpr(type: type, evaluate: operand.evaluate)
        }
        let inner = operand.evaluate
        let source = operand.type
        if let constant = operand.constant, let value = try? Cast.value(constant, from: source, to: type) {
            return CompiledExpr(constant: value, type: type)
        }
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            try Cast.value(try inner(row, context), from: source, to: type)
        }
    }

    private func compileCase(_ operand: Expr?, _ branches: [WhenBranch], _ otherwise: Expr?, _ expr: Expr) throws(EngineError)
        -> CompiledExpr
    {
        var conditions: [Evaluator] = []
        var results: [CompiledExpr] = []
        for (position, branch) in branches.enumerated() {
            let condition = operand.map { Expr.binary(.equal, $0, branch.condition) } ?? branch.condition
            let compiled = try compile(condition)
            guard compiled.type == .boolean else {
                throw EngineError.unexpectedInputType(
                    expr.sqlName, parameter: position, requires: "\"BOOLEAN\"", input: condition.sqlName, type: compiled.type)
            }
            conditions.append(compiled.evaluate)
            results.append(try compile(branch.result))
        }
        let fallback = try otherwise.map { (value) throws(EngineError) in try compile(value) } ?? CompiledExpr(constant: .null, type: .null)
        let type = try TypeCoercion.commonPromotingStrings(results + [fallback], expr, function: "casewhen")
        let evaluators = results.map { Self.coerce($0, to: type).evaluate }
        let otherwiseEvaluator = Self.coerce(fallback, to: type).evaluate
        let conditionEvaluators = conditions
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            for (index, condition) in conditionEvaluators.enumerated() {
                if case .bool(true) = try condition(row, context) { return try evaluators[index](row, context) }
            }
            return try otherwiseEvaluator(row, context)
        }
    }
}
