import DBAPICore

/// Comparisons and membership: Python's `==`, `<` and `in`. Comparing lists or dicts visits their
/// items, so each visit is a step of the evaluation's budget.
extension MappingOperators {
    /// `a == b` for dict keys and other places with no budget: keys are hashable scalars, so the
    /// comparison is cheap.
    static func equals(_ a: MappingValue, _ b: MappingValue) -> Bool {
        var unlimited = MappingBudget(.unlimited)
        return (try? equals(a, b, budget: &unlimited)) ?? false
    }

    static func equals(_ a: MappingValue, _ b: MappingValue, budget: inout MappingBudget) throws(MappingError) -> Bool {
        try budget.step()
        if case .int(let x) = a, case .int(let y) = b { return x == y }  // the common case, first
        switch (a, b) {
        case (.none, .none): return true
        case let (.string(x), .string(y)):
            try budget.scan(bytes: min(x.utf8.count, y.utf8.count))
            return x.hasSameBytes(as: y)
        case let (.date(x), .date(y)): return x == y
        case let (.timestamp(x), .timestamp(y)): return x == y
        case let (.list(x), .list(y)):
            guard x.count == y.count else { return false }
            for (left, right) in zip(x, y) where !(try equals(left, right, budget: &budget)) { return false }
            return true
        case let (.dict(x), .dict(y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.entries {
                guard let other = y[key], try equals(value, other, budget: &budget) else { return false }
            }
            return true
        default:
            guard let x = number(a), let y = number(b) else { return false }
            return compareNumbers(x, y) == 0
        }
    }

    private static func compareNumbers(_ x: Number, _ y: Number) -> Int {
        switch (x, y) {
        case let (.int(l), .int(r)): return l < r ? -1 : (l == r ? 0 : 1)
        case (.float, _), (_, .float):
            let (l, r) = (double(x), double(y))
            return l < r ? -1 : (l == r ? 0 : 1)
        default:
            guard let l = decimal(x), let r = decimal(y) else { return 0 }
            return SQLDecimal.compare(l, r)
        }
    }

    /// Orders two values as Python's `<` does; mixing unrelated types is a TypeError.
    static func order(_ a: MappingValue, _ b: MappingValue, budget: inout MappingBudget) throws(MappingError) -> Int {
        try budget.step()
        switch (a, b) {
        case let (.string(x), .string(y)):
            try budget.scan(bytes: min(x.utf8.count, y.utf8.count))
            return x.compareBytes(with: y).signum()  // UTF-8 byte order is code point order
        case let (.date(x), .date(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.timestamp(x), .timestamp(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.list(x), .list(y)):
            for (l, r) in zip(x, y) {
                let result = try order(l, r, budget: &budget)
                if result != 0 { return result }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default:
            guard let x = number(a), let y = number(b) else {
                throw .typeError("'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
            }
            return compareNumbers(x, y)
        }
    }

    static func compare(_ op: MappingComparison, _ a: MappingValue, _ b: MappingValue, budget: inout MappingBudget) throws(MappingError)
        -> Bool
    {
        switch op {
        case .equal: return try equals(a, b, budget: &budget)
        case .notEqual: return !(try equals(a, b, budget: &budget))
        case .isIdentical: return isIdentical(a, b)
        case .isNotIdentical: return !isIdentical(a, b)
        case .isIn: return try contains(b, a, budget: &budget)
        case .isNotIn: return !(try contains(b, a, budget: &budget))
        case .less: return try order(a, b, budget: &budget) < 0
        case .lessOrEqual: return try order(a, b, budget: &budget) <= 0
        case .greater: return try order(a, b, budget: &budget) > 0
        case .greaterOrEqual: return try order(a, b, budget: &budget) >= 0
        }
    }

    private static func isIdentical(_ a: MappingValue, _ b: MappingValue) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case let (.bool(x), .bool(y)): x == y
        default: false
        }
    }

    static func contains(_ container: MappingValue, _ item: MappingValue, budget: inout MappingBudget) throws(MappingError) -> Bool {
        switch (container, item) {
        case let (.string(text), .string(part)):
            guard !part.isEmpty else { return true }
            return !(try budget.offsets(of: part, in: text, limit: 1)).isEmpty
        case (.string, _):
            throw .typeError("'in <string>' requires string as left operand, not \(item.typeName)")
        case (.list(let items), _):
            for candidate in items where try equals(candidate, item, budget: &budget) { return true }
            return false
        case (.dict(let dict), _): return dict[try hashable(item, budget: &budget)] != nil
        default: throw .typeError("argument of type '\(container.typeName)' is not iterable")
        }
    }

    /// A value used as a dict key: lists and dicts are unhashable, as in Python; hashing a string
    /// reads it.
    static func hashable(_ key: MappingValue, budget: inout MappingBudget) throws(MappingError) -> MappingValue {
        switch key {
        case .list, .dict: throw .typeError("unhashable type: '\(key.typeName)'")
        case .string(let text): try budget.scan(bytes: text.utf8.count)
        default: try budget.step()
        }
        return key
    }
}

extension MappingLimits {
    /// No limits, for comparisons of dict keys (hashable scalars, cheap by construction).
    static let unlimited = MappingLimits(steps: .max, items: .max, bytes: .max)
}
