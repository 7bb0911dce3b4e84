import DBAPICore

/// Arrays as sets: array_distinct, array_union, array_intersect, array_except, arrays_overlap. Results
/// keep first-seen order; NULL counts as one value; NaN equals NaN and 0.0 equals -0.0 (Spark's rules).
enum ArraySetFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["array_distinct"], arity: 1...1) { call throws(EngineError) in
            _ = try call.arrayElement(0)
            return .strict(call.type(0), [call.arguments[0].evaluate]) { values in .array(distinct(values[0].items)) }
        },
        binary("array_union") { a, b in distinct(a + b) },
        binary("array_intersect") { a, b in
            let other = Set(b)
            return distinct(a.filter { other.contains($0) })
        },
        binary("array_except") { a, b in
            let other = Set(b)
            return distinct(a.filter { !other.contains($0) })
        },
        ScalarDeclaration(names: ["arrays_overlap"], arity: 2...2) { call throws(EngineError) in
            let type = SQLType.array(try call.commonElement([0, 1]))
            return .strict(.boolean, [call.nestedArgument(0, as: type), call.nestedArgument(1, as: type)]) { values in
                let (a, b) = (values[0].items, values[1].items)
                let other = Set(b.filter { !$0.isNull })
                if a.contains(where: { !$0.isNull && other.contains($0) }) { return .bool(true) }
                let hasNull = a.contains(where: \.isNull) || b.contains(where: \.isNull)
                return hasNull && !a.isEmpty && !b.isEmpty ? .null : .bool(false)
            }
        },
    ]

    /// `name(a, b)` over two arrays of one element type, NULL if either is NULL.
    private static func binary(_ name: String, _ kernel: @escaping @Sendable ([SQLValue], [SQLValue]) -> [SQLValue]) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2) { call throws(EngineError) in
            let type = SQLType.array(try call.commonElement([0, 1]))
            return .strict(type, [call.nestedArgument(0, as: type), call.nestedArgument(1, as: type)]) { values in
                .array(kernel(values[0].items, values[1].items))
            }
        }
    }

    /// The values in first-seen order, each once.
    static func distinct(_ items: [SQLValue]) -> [SQLValue] {
        var seen = Set<SQLValue>()
        return items.filter { seen.insert($0).inserted }
    }
}
