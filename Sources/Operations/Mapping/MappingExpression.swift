import DBAPICore

/// A compiled response-mapping expression, evaluated over `results` and `params`.
///
///     let total = try MappingExpression("sum([r['qty'] for r in results['stock']])")
///     try total.evaluate(["results": .dict(MappingDict(["stock": rows])), "params": .dict(MappingDict())])   // .int(42)
public struct MappingExpression: Sendable {
    public let source: String
    let expr: MappingExpr

    /// Parses `source`; unknown functions and methods are rejected here, not at run time, and so
    /// is nesting deeper than `MappingParser.maxDepth` levels (evaluation recurses once per level).
    public init(_ source: String) throws(MappingError) {
        self.source = source
        self.expr = try MappingParser.parse(source)
        try Self.check(expr)
    }

    /// Evaluates the expression with `results` (result key → rows as dicts) and `params`, within `limits`.
    func evaluate(_ scope: [String: MappingValue], limits: MappingLimits = MappingLimits()) throws(MappingError) -> MappingValue {
        var evaluator = MappingEvaluator(limits: limits)
        return try evaluator.evaluate(expr, scope)
    }

    /// Checks calls and depth without recursion: the parser bounds parentheses and brackets, but
    /// an operator chain (`1 + 1 + …`) or a chain of subscripts nests one level per operator.
    private static func check(_ expr: MappingExpr) throws(MappingError) {
        var stack = [(expr: expr, depth: 1)]
        while let (next, depth) = stack.popLast() {
            guard depth <= MappingParser.maxDepth else { throw .tooDeep(limit: MappingParser.maxDepth) }
            let clauses = if case .comprehension(_, _, let clauses) = next { clauses.count } else { 0 }
            for child in try children(next) { stack.append((child, depth + 1 + clauses)) }
        }
    }

    /// The subexpressions of `expr` (a comprehension's clauses nest one level each), after checking
    /// that a call names a known function or method.
    private static func children(_ expr: MappingExpr) throws(MappingError) -> [MappingExpr] {
        var children: [MappingExpr] = []
        switch expr {
        case .literal, .name: break
        case .list(let items): children += items
        case .dict(let pairs): children += pairs.flatMap { [$0.0, $0.1] }
        case let .subscriptItem(base, index): children += [base, index]
        case let .slice(base, lower, upper): children += [base] + [lower, upper].compactMap { $0 }
        case .attribute(let base, _): children.append(base)
        case let .call(callee, arguments, keywords):
            switch callee {
            case .name(let name):
                guard MappingFunction(rawValue: name) != nil else { throw .unknownFunction(name) }
            case let .attribute(base, method):
                guard MappingMethod(rawValue: method) != nil else { throw .unknownMethod(method, typeName: "object") }
                children.append(base)
            default: children.append(callee)
            }
            children += arguments + keywords.map(\.1)
        case let .unary(_, operand), let .not(operand): children.append(operand)
        case let .binary(_, left, right), let .and(left, right), let .or(left, right): children += [left, right]
        case .compare(let operands, _): children += operands
        case let .conditional(value, condition, otherwise): children += [value, condition, otherwise]
        case let .comprehension(element, key, clauses):
            children.append(element)
            if let key { children.append(key) }
            for clause in clauses { children += [clause.source] + clause.conditions }
        }
        return children
    }
}
