import DBAPICore

/// The methods of dicts and strings. Text methods compute the size of their result before
/// building it (`replace` counts the occurrences first, `join` adds up the parts).
extension MappingFunctions {
    static func method(
        _ method: MappingMethod, on value: MappingValue, _ arguments: [MappingValue], _ keywords: [String: MappingValue],
        budget: inout MappingBudget
    ) throws(MappingError) -> MappingValue {
        let name = method.rawValue
        guard keywords.isEmpty else { throw .typeError("\(name)() takes no keyword arguments") }
        switch (value, method) {
        case (.dict(let dict), .get):
            try arity(name, arguments, 1...2)
            return dict[try MappingOperators.hashable(arguments[0], budget: &budget)] ?? (arguments.count == 2 ? arguments[1] : .none)
        case (.dict(let dict), .keys):
            try budget.build(items: dict.count)
            return .list(dict.entries.map(\.key))
        case (.dict(let dict), .values):
            try budget.build(items: dict.count)
            return .list(dict.entries.map(\.value))
        case (.dict(let dict), .items):
            try budget.build(items: dict.count * 3)  // the list and a pair per entry
            return .list(dict.entries.map { .list([$0.key, $0.value]) })
        case (.string(let text), .upper), (.string(let text), .lower):
            try budget.ensure(bytes: text.utf8.count * 3)  // case mapping at most triples UTF-8
            let mapped = method == .upper ? text.uppercased() : text.lowercased()
            try budget.build(bytes: mapped.utf8.count)
            return .string(mapped)
        case (.string(let text), .strip):
            try budget.scan(bytes: text.utf8.count)
            let stripped = text.trimmingSpaces()
            try budget.build(bytes: stripped.utf8.count)
            return .string(stripped)
        case (.string(let text), .startswith), (.string(let text), .endswith):
            try arity(name, arguments, 1...1)
            guard case .string(let part) = arguments[0] else { throw .typeError("\(name) arg must be str") }
            try budget.scan(bytes: part.utf8.count)
            return .bool(
                method == .startswith ? text.utf8.starts(with: part.utf8) : text.utf8.reversed().starts(with: part.utf8.reversed()))
        case (.string(let text), .replace):
            try arity(name, arguments, 2...2)
            guard case .string(let old) = arguments[0], case .string(let new) = arguments[1] else {
                throw .typeError("replace() args must be str")
            }
            guard !old.isEmpty else { return value }
            let offsets = try budget.offsets(of: old, in: text)
            let (added, overflow) = offsets.count.multipliedReportingOverflow(by: new.utf8.count)
            if overflow { throw .tooManyBytes(limit: budget.limits.bytes) }
            try budget.build(bytes: text.utf8.count - offsets.count * old.utf8.count + added)
            return .string(text.split(atUTF8Offsets: offsets, width: old.utf8.count).joined(separator: new))
        case (.string(let text), .split):
            try arity(name, arguments, 0...1)
            try budget.scan(bytes: text.utf8.count)
            let parts: [String]
            if let separator = arguments.first, case .string(let glue) = separator, !glue.isEmpty {
                let offsets = try budget.offsets(of: glue, in: text)
                try budget.build(items: offsets.count + 1)
                parts = text.split(atUTF8Offsets: offsets, width: glue.utf8.count)
            } else {
                let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                try budget.build(items: words.count)
                parts = words.map(String.init)
            }
            try budget.build(bytes: text.utf8.count)  // the parts together are at most the text
            return .list(parts.map { .string($0) })
        case (.string(let glue), .join):
            try arity(name, arguments, 1...1)
            var parts: [String] = []
            var size = 0
            for item in try MappingOperators.iterate(arguments[0], budget: &budget) {
                guard case .string(let part) = item else {
                    throw .typeError("sequence item: expected str instance, \(item.typeName) found")
                }
                size += part.utf8.count + (parts.isEmpty ? 0 : glue.utf8.count)
                try budget.ensure(bytes: size)
                parts.append(part)
            }
            try budget.build(bytes: size)
            return .string(parts.joined(separator: glue))
        default:
            throw .unknownMethod(name, typeName: value.typeName)
        }
    }

}
