import DBAPICore

/// Evaluates mapping expressions over an explicit environment (`results`, `params`, and loop
/// variables). Pure: no I/O, no reflection, nothing outside this closed language is reachable.
/// Every node evaluated is a step of the `MappingBudget`, and everything built is charged to it
/// before it is built, so evaluation is bounded in time and memory.
struct MappingEvaluator {
    private(set) var budget: MappingBudget

    init(limits: MappingLimits = MappingLimits()) { budget = MappingBudget(limits) }

    mutating func evaluate(_ expr: MappingExpr, _ scope: [String: MappingValue]) throws(MappingError) -> MappingValue {
        try budget.step()
        switch expr {
        case .literal(let value):
            return value
        case .name(let name):
            guard let value = scope[name] else {
                if MappingFunction(rawValue: name) != nil { throw .typeError("'\(name)' is a function; call it as \(name)(…)") }
                throw .unknownName(name)
            }
            return value
        case .list(let items):
            var values: [MappingValue] = []
            for item in items { values.append(try evaluate(item, scope)) }
            try budget.build(items: values.count)
            return .list(values)
        case .dict(let pairs):
            var dict = MappingDict()
            for (key, value) in pairs {
                let hashableKey = try MappingOperators.hashable(try evaluate(key, scope), budget: &budget)
                dict[hashableKey] = try evaluate(value, scope)
            }
            try budget.build(items: dict.count)
            return .dict(dict)
        case let .subscriptItem(base, index):
            return try MappingOperators.subscriptItem(try evaluate(base, scope), try evaluate(index, scope), budget: &budget)
        case let .slice(base, lower, upper):
            let value = try evaluate(base, scope)
            let low = try lower.map { (expr) throws(MappingError) in try evaluate(expr, scope) }
            let high = try upper.map { (expr) throws(MappingError) in try evaluate(expr, scope) }
            return try MappingOperators.slice(value, low, high, budget: &budget)
        case .attribute(_, let name):
            throw .typeError("attribute '\(name)' can only be called as a method")
        case let .call(callee, arguments, keywords):
            var values: [MappingValue] = []
            for argument in arguments { values.append(try evaluate(argument, scope)) }
            var named: [String: MappingValue] = [:]
            for (name, argument) in keywords { named[name] = try evaluate(argument, scope) }
            switch callee {
            case .name(let name):
                guard scope[name] == nil else { throw .typeError("'\(scope[name]?.typeName ?? name)' object is not callable") }
                guard let function = MappingFunction(rawValue: name) else { throw .unknownFunction(name) }
                return try MappingFunctions.call(function, values, named, budget: &budget)
            case let .attribute(base, name):
                let value = try evaluate(base, scope)
                guard let method = MappingMethod(rawValue: name) else { throw .unknownMethod(name, typeName: value.typeName) }
                return try MappingFunctions.method(method, on: value, values, named, budget: &budget)
            default:
                throw .typeError("only built-in functions and methods can be called")
            }
        case let .unary(op, operand):
            return try MappingOperators.unary(op, try evaluate(operand, scope))
        case let .binary(op, left, right):
            return try MappingOperators.binary(op, try evaluate(left, scope), try evaluate(right, scope), budget: &budget)
        case let .compare(operands, operators):
            var left = try evaluate(operands[0], scope)
            for (index, op) in operators.enumerated() {
                let right = try evaluate(operands[index + 1], scope)
                guard try MappingOperators.compare(op, left, right, budget: &budget) else { return .bool(false) }
                left = right
            }
            return .bool(true)
        case let .and(left, right):
            let value = try evaluate(left, scope)
            return value.isTruthy ? try evaluate(right, scope) : value
        case let .or(left, right):
            let value = try evaluate(left, scope)
            return value.isTruthy ? value : try evaluate(right, scope)
        case .not(let operand):
            return .bool(!(try evaluate(operand, scope)).isTruthy)
        case let .conditional(value, condition, otherwise):
            return try evaluate(condition, scope).isTruthy ? try evaluate(value, scope) : try evaluate(otherwise, scope)
        case let .comprehension(element, key, clauses):
            var built = Comprehension(element: element, key: key)
            try comprehend(clauses[...], scope, into: &built)
            return key == nil ? .list(built.items) : .dict(built.dict)
        }
    }

    /// What a comprehension has built so far.
    private struct Comprehension {
        let element: MappingExpr
        let key: MappingExpr?
        var items: [MappingValue] = []
        var dict = MappingDict()
    }

    /// Runs the `for … in … if …` clauses, the first one outermost, and builds an element (or a
    /// key and value) for each binding that passes the conditions: one item at a time, so nothing
    /// is materialised beyond the result.
    private mutating func comprehend(
        _ clauses: ArraySlice<ComprehensionClause>, _ scope: [String: MappingValue], into built: inout Comprehension
    ) throws(MappingError) {
        guard let clause = clauses.first else {
            if let key = built.key {
                let hashableKey = try MappingOperators.hashable(try evaluate(key, scope), budget: &budget)
                built.dict[hashableKey] = try evaluate(built.element, scope)
            } else {
                built.items.append(try evaluate(built.element, scope))
            }
            try budget.build(items: 1)
            return
        }
        for item in try MappingOperators.iterate(try evaluate(clause.source, scope), budget: &budget) {
            try budget.step()
            let inner = try bind(clause.targets, to: item, in: scope)
            var keep = true
            for condition in clause.conditions where !(try evaluate(condition, inner)).isTruthy {
                keep = false
                break
            }
            if keep { try comprehend(clauses.dropFirst(), inner, into: &built) }
        }
    }

    private mutating func bind(_ targets: [String], to item: MappingValue, in scope: [String: MappingValue]) throws(MappingError)
        -> [String: MappingValue]
    {
        var inner = scope
        if targets.count == 1 {
            inner[targets[0]] = item
            return inner
        }
        let parts = try MappingOperators.iterate(item, budget: &budget)
        guard parts.count == targets.count else {
            throw .valueError("cannot unpack \(parts.count) values into \(targets.count) names")
        }
        for (name, part) in zip(targets, parts) { inner[name] = part }
        return inner
    }
}
