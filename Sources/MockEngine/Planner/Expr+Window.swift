/// Finding window calls in expressions.
extension Expr {
    /// The window calls inside this expression, outermost first (arguments of a window call are not
    /// searched: a window call inside another is an error the planner reports); subqueries are not searched.
    var windowCalls: [WindowCall] {
        var found: [WindowCall] = []
        collectWindowCalls(into: &found)
        return found
    }

    private func collectWindowCalls(into found: inout [WindowCall]) {
        if case .window(let call) = self {
            if !found.contains(call) { found.append(call) }
            return
        }
        for child in children { child.collectWindowCalls(into: &found) }
    }
}

extension WindowCall {
    /// The expressions of an inline window: partition keys, order keys and frame offsets.
    var inlineExpressions: [Expr] {
        guard case .inline(let spec) = window else { return [] }
        return spec.expressions
    }
}

extension WindowSpec {
    /// Partition keys, order keys and frame offsets.
    var expressions: [Expr] {
        var parts = partitionBy + orderBy.map(\.expression)
        for bound in [frame?.start, frame?.end] {
            switch bound {
            case .preceding(let offset)?, .following(let offset)?: parts.append(offset)
            default: break
            }
        }
        return parts
    }
}
