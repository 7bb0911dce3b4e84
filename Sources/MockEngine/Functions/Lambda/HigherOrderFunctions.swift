import DBAPICore

/// Spark's higher-order functions over arrays: `transform`, `filter`, `exists`, `forall`, `aggregate`/`reduce`,
/// `zip_with` (`array_sort` in ArraySortFunction.swift, the MAP ones in MapHigherOrderFunctions.swift). Each
/// evaluates its lambda through one `LambdaFrame` per input row.
enum HigherOrderFunctions {
    static let declarations: [ScalarDeclaration] =
        [
            transform, filter, quantifier("exists", isAll: false), quantifier("forall", isAll: true), aggregate, zipWith,
            ArraySortFunction.declaration,
        ]
        + MapHigherOrderFunctions.declarations

    /// transform(array, x -> …) or transform(array, (x, i) -> …): each element mapped.
    private static let transform = ScalarDeclaration.higherOrder(["transform"], arity: 2...2, functions: [1: 1]) {
        call throws(EngineError) in
        let element = try call.lambdaInputElement(0)
        let function = try call.function(1, call.writtenParameterCount(1) == 2 ? [element, .int] : [element])
        let array = call.arguments[0].evaluate
        return CompiledExpr(type: .array(function.type)) { row, context throws(EngineError) in
            guard case .array(let items) = try array(row, context) else { return .null }
            var frame = LambdaFrame(function, over: row)
            var mapped: [SQLValue] = []
            mapped.reserveCapacity(items.count)
            for (index, item) in items.enumerated() { mapped.append(try frame(item, .int(Int64(index)), context)) }
            return .array(mapped)
        }
    }

    /// filter(array, x -> …) or filter(array, (x, i) -> …): the elements for which the predicate is true.
    private static let filter = ScalarDeclaration.higherOrder(["filter"], arity: 2...2, functions: [1: 1]) {
        call throws(EngineError) in
        let element = try call.lambdaInputElement(0)
        let predicate = try call.predicate(1, call.writtenParameterCount(1) == 2 ? [element, .int] : [element])
        let array = call.arguments[0].evaluate
        return CompiledExpr(type: .array(element)) { row, context throws(EngineError) in
            guard case .array(let items) = try array(row, context) else { return .null }
            var frame = LambdaFrame(predicate, over: row)
            var kept: [SQLValue] = []
            for (index, item) in items.enumerated() where try frame(item, .int(Int64(index)), context) == .bool(true) {
                kept.append(item)
            }
            return .array(kept)
        }
    }

    /// exists (any element true) and forall (every element true), with three-valued logic: an unknown
    /// answer for some element makes the result NULL unless another decides it.
    private static func quantifier(_ name: String, isAll: Bool) -> ScalarDeclaration {
        .higherOrder([name], arity: 2...2, functions: [1: 1]) { call throws(EngineError) in
            let predicate = try call.predicate(1, [try call.lambdaInputElement(0)])
            let array = call.arguments[0].evaluate
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context) else { return .null }
                var frame = LambdaFrame(predicate, over: row)
                var sawNull = false
                for item in items {
                    switch try frame(item, context) {
                    case .bool(let flag) where flag != isAll: return .bool(flag)
                    case .null: sawNull = true
                    default: break
                    }
                }
                return sawNull ? .null : .bool(isAll)
            }
        }
    }

    /// aggregate(array, zero, (acc, x) -> …[, acc -> …]), also called reduce: folds the elements into an
    /// accumulator whose type is the zero's (the merge must return exactly that type), then finishes it.
    private static let aggregate = ScalarDeclaration.higherOrder(
        ["aggregate", "reduce"], arity: 3...4, functions: [2: 2, 3: 1],
        defaults: [3: "lambdafunction(namedlambdavariable(), namedlambdavariable())"]
    ) { call throws(EngineError) in
        let element = try call.lambdaInputElement(0)
        let zero = call.arguments[1]
        let merge = try call.function(2, [zero.type, element])
        guard merge.type == zero.type else {
            throw LambdaErrors.unexpectedInputType(
                call.expr.sqlName, ordinal: 2, required: "\"\(zero.type)\"", input: call.functionName(2, parameterCount: 2),
                type: merge.type)
        }
        let finish = call.hasFunction(3) ? try call.function(3, [zero.type]) : nil
        let (array, start) = (call.arguments[0].evaluate, zero.evaluate)
        return CompiledExpr(type: finish?.type ?? zero.type) { row, context throws(EngineError) in
            guard case .array(let items) = try array(row, context) else { return .null }
            var accumulator = try start(row, context)
            var step = LambdaFrame(merge, over: row)
            for item in items { accumulator = try step(accumulator, item, context) }
            guard let finish else { return accumulator }
            var frame = LambdaFrame(finish, over: row)
            return try frame(accumulator, context)
        }
    }

    /// zip_with(left, right, (x, y) -> …): the elements pairwise; the shorter array is padded with NULLs.
    private static let zipWith = ScalarDeclaration.higherOrder(["zip_with"], arity: 3...3, functions: [2: 2]) {
        call throws(EngineError) in
        let function = try call.function(2, [try call.lambdaInputElement(0), try call.lambdaInputElement(1)])
        let (left, right) = (call.arguments[0].evaluate, call.arguments[1].evaluate)
        return CompiledExpr(type: .array(function.type)) { row, context throws(EngineError) in
            guard case .array(let first) = try left(row, context), case .array(let second) = try right(row, context) else {
                return .null
            }
            var frame = LambdaFrame(function, over: row)
            let count = max(first.count, second.count)
            var zipped: [SQLValue] = []
            zipped.reserveCapacity(count)
            for index in 0..<count {
                zipped.append(
                    try frame(index < first.count ? first[index] : .null, index < second.count ? second[index] : .null, context))
            }
            return .array(zipped)
        }
    }
}
