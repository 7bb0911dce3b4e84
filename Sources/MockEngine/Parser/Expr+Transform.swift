/// Rebuilding expressions: one exhaustive list of each case's child expressions.
extension Expr {
    /// The direct child expressions, as `mapChildren` visits them (for searches over the tree).
    var children: [Expr] {
        var found: [Expr] = []
        _ = try? mapChildren { child in
            found.append(child)
            return child
        }
        return found
    }

    /// This expression with `transform` applied to each direct child expression (subqueries are
    /// not entered; the partition, order and frame expressions of an inline window are children).
    func mapChildren(_ transform: (Expr) throws(EngineError) -> Expr) throws(EngineError) -> Expr {
        func map(_ list: [Expr]) throws(EngineError) -> [Expr] {
            var mapped: [Expr] = []
            for item in list { mapped.append(try transform(item)) }
            return mapped
        }
        switch self {
        case .literal, .column, .exists, .scalarSubquery: return self
        case let .unary(op, operand): return .unary(op, try transform(operand))
        case let .binary(op, left, right): return .binary(op, try transform(left), try transform(right))
        case let .isNull(operand, negated): return .isNull(try transform(operand), negated: negated)
        case let .inList(operand, items, negated): return .inList(try transform(operand), try map(items), negated: negated)
        case let .inSubquery(operand, query, negated): return .inSubquery(try transform(operand), query, negated: negated)
        case let .between(operand, low, high, negated):
            return .between(try transform(operand), low: try transform(low), high: try transform(high), negated: negated)
        case let .like(operand, pattern, caseInsensitive, negated):
            return .like(try transform(operand), pattern: try transform(pattern), caseInsensitive: caseInsensitive, negated: negated)
        case let .caseWhen(operand, branches, otherwise):
            var mapped: [WhenBranch] = []
            for branch in branches {
                mapped.append(WhenBranch(condition: try transform(branch.condition), result: try transform(branch.result)))
            }
            return .caseWhen(
                operand: try operand.map { (value) throws(EngineError) in try transform(value) }, branches: mapped,
                otherwise: try otherwise.map { (value) throws(EngineError) in try transform(value) })
        case let .cast(operand, type, isTry): return .cast(try transform(operand), type, isTry: isTry)
        case let .subscripted(base, index): return .subscripted(try transform(base), try transform(index))
        case let .field(base, name): return .field(try transform(base), name)
        case let .aliased(operand, alias): return .aliased(try transform(operand), alias: alias)
        case let .function(name, arguments, isDistinct, isStar):
            return .function(name: name, arguments: try map(arguments), isDistinct: isDistinct, isStar: isStar)
        case let .modifiedAggregate(call, filter, withinGroup):
            var order = withinGroup
            for index in order.indices { order[index].expression = try transform(order[index].expression) }
            return .modifiedAggregate(
                call: try transform(call), filter: try filter.map { (condition) throws(EngineError) in try transform(condition) },
                withinGroup: order)
        case .window(var call):
            call.arguments = try map(call.arguments)
            if case .inline(var spec) = call.window {
                spec.partitionBy = try map(spec.partitionBy)
                for index in spec.orderBy.indices { spec.orderBy[index].expression = try transform(spec.orderBy[index].expression) }
                call.window = .inline(spec)
            }
            return .window(call)
        }
    }
}
