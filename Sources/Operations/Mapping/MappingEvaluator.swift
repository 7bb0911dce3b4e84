import DBAPICore

/// Evaluates mapping expressions over an explicit environment (`results`, `params`, and loop
/// variables). Pure: no I/O, no reflection, nothing outside this closed language is reachable.
struct MappingEvaluator {
    /// The most items all collections built by one evaluation may hold together.
    var maxBuiltItems = 1_000_000
    private var builtItems = 0

    init(maxBuiltItems: Int = 1_000_000) { self.maxBuiltItems = maxBuiltItems }

    mutating func evaluate(_ expr: MappingExpr, _ scope: [String: MappingValue]) throws(MappingError) -> MappingValue {
        switch expr {
        case .literal(let value):
            return value
        case .name(let name):
            guard let value = scope[name] else {
                if MappingFunctions.names.contains(name) { throw .typeError("'\(name)' is a function; call it as \(name)(…)") }
                throw .unknownName(name)
            }
            return value
        case .list(let items):
            var values: [MappingValue] = []
            for item in items { values.append(try evaluate(item, scope)) }
            try count(values.count)
            return .list(values)
        case .dict(let pairs):
            var dict = MappingDict()
            for (key, value) in pairs { dict[try evaluate(key, scope)] = try evaluate(value, scope) }
            try count(dict.count)
            return .dict(dict)
        case let .subscriptItem(base, index):
            return try MappingOperators.subscriptItem(try evaluate(base, scope), try evaluate(index, scope))
        case let .slice(base, lower, upper):
            let value = try evaluate(base, scope)
            let low = try lower.map { (expr) throws(MappingError) in try evaluate(expr, scope) }
            let high = try upper.map { (expr) throws(MappingError) in try evaluate(expr, scope) }
            return try MappingOperators.slice(value, low, high)
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
                return try MappingFunctions.call(name, values, named)
            case let .attribute(base, method):
                return try MappingFunctions.method(method, on: try evaluate(base, scope), values, named)
            default:
                throw .typeError("only built-in functions and methods can be called")
            }
        case let .unary(op, operand):
            return try MappingOperators.unary(op, try evaluate(operand, scope))
        case let .binary(op, left, right):
            let result = try MappingOperators.binary(op, try evaluate(left, scope), try evaluate(right, scope))
            if case .list(let items) = result { try count(items.count) }
            if case .string(let text) = result, text.utf8.count > maxBuiltItems * 16 { throw .tooLarge(limit: maxBuiltItems) }
            return result
        case let .compare(operands, operators):
            var left = try evaluate(operands[0], scope)
            for (index, op) in operators.enumerated() {
                let right = try evaluate(operands[index + 1], scope)
                guard try MappingOperators.compare(op, left, right) else { return .bool(false) }
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
            var scopes = [scope]
            for clause in clauses {
                var next: [[String: MappingValue]] = []
                for outer in scopes {
                    for item in try MappingOperators.iterate(try evaluate(clause.source, outer)) {
                        let inner = try bind(clause.targets, to: item, in: outer)
                        var keep = true
                        for condition in clause.conditions where !(try evaluate(condition, inner)).isTruthy {
                            keep = false
                            break
                        }
                        if keep {
                            try count(1)
                            next.append(inner)
                        }
                    }
                }
                scopes = next
            }
            guard let key else {
                var items: [MappingValue] = []
                for inner in scopes { items.append(try evaluate(element, inner)) }
                return .list(items)
            }
            var dict = MappingDict()
            for inner in scopes { dict[try evaluate(key, inner)] = try evaluate(element, inner) }
            return .dict(dict)
        }
    }

    private func bind(_ targets: [String], to item: MappingValue, in scope: [String: MappingValue]) throws(MappingError) -> [String:
        MappingValue]
    {
        var inner = scope
        if targets.count == 1 {
            inner[targets[0]] = item
            return inner
        }
        let parts = try MappingOperators.iterate(item)
        guard parts.count == targets.count else {
            throw .valueError("cannot unpack \(parts.count) values into \(targets.count) names")
        }
        for (name, part) in zip(targets, parts) { inner[name] = part }
        return inner
    }

    private mutating func count(_ items: Int) throws(MappingError) {
        builtItems += items
        guard builtItems <= maxBuiltItems else { throw .tooLarge(limit: maxBuiltItems) }
    }
}
