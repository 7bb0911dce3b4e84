import DBAPICore

/// A compiled response-mapping expression, evaluated over `results` and `params`.
///
///     let total = try MappingExpression("sum([r['qty'] for r in results['stock']])")
///     try total.evaluate(results: ["stock": rows], params: [:])   // .int(42)
public struct MappingExpression: Sendable {
    public let source: String
    let expr: MappingExpr

    /// Parses `source`; unknown functions and methods are rejected here, not at run time.
    public init(_ source: String) throws(MappingError) {
        self.source = source
        self.expr = try MappingParser.parse(source)
        try Self.checkCalls(expr)
    }

    /// Evaluates the expression with `results` (result key → rows as dicts) and `params`.
    func evaluate(_ scope: [String: MappingValue], maxBuiltItems: Int = 1_000_000) throws(MappingError) -> MappingValue {
        var evaluator = MappingEvaluator(maxBuiltItems: maxBuiltItems)
        return try evaluator.evaluate(expr, scope)
    }

    private static func checkCalls(_ expr: MappingExpr) throws(MappingError) {
        var stack = [expr]
        while let next = stack.popLast() {
            switch next {
            case .literal, .name: break
            case .list(let items): stack += items
            case .dict(let pairs): stack += pairs.flatMap { [$0.0, $0.1] }
            case let .subscriptItem(base, index): stack += [base, index]
            case let .slice(base, lower, upper): stack += [base] + [lower, upper].compactMap { $0 }
            case .attribute(let base, _): stack.append(base)
            case let .call(callee, arguments, keywords):
                switch callee {
                case .name(let name):
                    guard MappingFunctions.names.contains(name) else { throw .unknownFunction(name) }
                case let .attribute(base, method):
                    guard MappingFunctions.methods.contains(method) else { throw .unknownMethod(method, typeName: "object") }
                    stack.append(base)
                default: stack.append(callee)
                }
                stack += arguments + keywords.map(\.1)
            case let .unary(_, operand), let .not(operand): stack.append(operand)
            case let .binary(_, left, right), let .and(left, right), let .or(left, right): stack += [left, right]
            case .compare(let operands, _): stack += operands
            case let .conditional(value, condition, otherwise): stack += [value, condition, otherwise]
            case let .comprehension(element, key, clauses):
                stack.append(element)
                if let key { stack.append(key) }
                for clause in clauses { stack += [clause.source] + clause.conditions }
            }
        }
    }
}
