import DBAPICore

/// Iteration, subscripts and slices. Strings are indexed by code point, as in Python; reaching a
/// position reads the text up to it, charged as a scan.
extension MappingOperators {
    /// The items a `for` loop or a built-in visits. A list is returned as it is (no copy); the keys
    /// of a dict and the characters of a string are built, so they count as built items.
    static func iterate(_ value: MappingValue, budget: inout MappingBudget) throws(MappingError) -> [MappingValue] {
        switch value {
        case .list(let items): return items
        case .dict(let dict):
            try budget.build(items: dict.count)
            return dict.entries.map(\.key)
        case .string(let text):
            try budget.scan(bytes: text.utf8.count)
            try budget.build(items: text.unicodeScalars.count)
            return text.unicodeScalars.map { .string(String($0)) }
        default: throw .typeError("'\(value.typeName)' object is not iterable")
        }
    }

    static func subscriptItem(_ base: MappingValue, _ index: MappingValue, budget: inout MappingBudget) throws(MappingError)
        -> MappingValue
    {
        switch (base, index) {
        case let (.list(items), .int(position)):
            let resolved = position < 0 ? Int64(items.count) + position : position
            guard resolved >= 0, resolved < Int64(items.count) else { throw .indexOutOfRange(Int(clamping: position), count: items.count) }
            return items[Int(resolved)]
        case let (.string(text), .int(position)):
            try budget.scan(bytes: text.utf8.count)
            let count = text.unicodeScalars.count
            let resolved = position < 0 ? Int64(count) + position : position
            guard resolved >= 0, resolved < Int64(count) else { throw .indexOutOfRange(Int(clamping: position), count: count) }
            let scalars = text.unicodeScalars
            return .string(String(scalars[scalars.index(scalars.startIndex, offsetBy: Int(resolved))]))
        case (.dict(let dict), _):
            guard let value = dict[try hashable(index, budget: &budget)] else { throw .keyNotFound(MappingValue.repr(index)) }
            return value
        default:
            throw .typeError("'\(base.typeName)' object is not subscriptable with '\(index.typeName)'")
        }
    }

    static func slice(_ base: MappingValue, _ lower: MappingValue?, _ upper: MappingValue?, budget: inout MappingBudget)
        throws(MappingError) -> MappingValue
    {
        func bound(_ value: MappingValue?, _ count: Int, _ fallback: Int) throws(MappingError) -> Int {
            guard let value, value != .none else { return fallback }
            guard case .int(let position) = value else { throw .typeError("slice indices must be integers") }
            let resolved = position < 0 ? Int64(count) + position : position
            return Int(min(max(resolved, 0), Int64(count)))
        }
        switch base {
        case .list(let items):
            let start = try bound(lower, items.count, 0)
            let end = try bound(upper, items.count, items.count)
            guard start < end else { return .list([]) }
            try budget.build(items: end - start)
            return .list(Array(items[start..<end]))
        case .string(let text):
            try budget.scan(bytes: text.utf8.count)
            let scalars = text.unicodeScalars
            let start = try bound(lower, scalars.count, 0)
            let end = try bound(upper, scalars.count, scalars.count)
            guard start < end else { return .string("") }
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            let part = String(scalars[from..<scalars.index(from, offsetBy: end - start)])
            try budget.build(bytes: part.utf8.count)  // at most the text's own size, already in memory
            return .string(part)
        default:
            throw .typeError("'\(base.typeName)' object is not sliceable")
        }
    }
}
