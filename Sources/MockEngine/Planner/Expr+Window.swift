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
        switch self {
        case .window(let call):
            if !found.contains(call) { found.append(call) }
        case .literal, .column, .exists, .scalarSubquery: return
        case .unary(_, let operand), .isNull(let operand, _), .cast(let operand, _, _), .inSubquery(let operand, _, _):
            operand.collectWindowCalls(into: &found)
        case let .function(_, arguments, _, _):
            for argument in arguments { argument.collectWindowCalls(into: &found) }
        case let .modifiedAggregate(call, filter, withinGroup):
            for part in [call] + [filter].compactMap({ $0 }) + withinGroup.map(\.expression) { part.collectWindowCalls(into: &found) }
        case let .binary(_, left, right):
            left.collectWindowCalls(into: &found)
            right.collectWindowCalls(into: &found)
        case let .inList(operand, items, _):
            for part in [operand] + items { part.collectWindowCalls(into: &found) }
        case let .between(operand, low, high, _):
            for part in [operand, low, high] { part.collectWindowCalls(into: &found) }
        case let .like(operand, pattern, _, _):
            operand.collectWindowCalls(into: &found)
            pattern.collectWindowCalls(into: &found)
        case let .caseWhen(operand, branches, otherwise):
            operand?.collectWindowCalls(into: &found)
            for branch in branches {
                branch.condition.collectWindowCalls(into: &found)
                branch.result.collectWindowCalls(into: &found)
            }
            otherwise?.collectWindowCalls(into: &found)
        }
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
