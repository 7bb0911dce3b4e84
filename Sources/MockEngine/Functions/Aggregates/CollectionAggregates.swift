import DBAPICore

/// collect_list (array_agg), collect_set, listagg (string_agg) with optional WITHIN GROUP order.
/// collect_set returns its values in first-seen order; Spark's order is its hash set's, so only
/// the membership of its answer is comparable.
enum CollectionAggregates {
    static let declarations: [AggregateDeclaration] = [
        AggregateDeclaration(names: ["collect_list", "array_agg"], arity: 1...1, printedAs: "collect_list") { arguments in
            AggregateResolution(resultType: .array(arguments.types[0])) { CollectList() }
        },
        AggregateDeclaration(names: ["collect_set"], arity: 1...1) { arguments in
            AggregateResolution(resultType: .array(arguments.types[0])) { CollectSet() }
        },
        AggregateDeclaration(
            names: ["listagg", "string_agg"], arity: 1...2, printedWithinGroupAs: "listagg", printedDefaults: ["NULL"],
            printsNullOrder: true, withinGroup: .optional
        ) { arguments throws(EngineError) in
            // Any atomic value is joined as its text (Spark casts it to STRING); BINARY joins as bytes in Spark.
            let input = arguments.types[0]
            guard !input.isNested, input != .binary else { throw arguments.unexpectedType(0, requires: "(\"STRING\" or \"BINARY\")") }
            var separator = ""
            if arguments.types.count == 2 {
                switch try arguments.constant(1) {
                case .string(let text): separator = text
                case .null: break
                default: throw arguments.unexpectedType(1, requires: "\"STRING\"")
                }
            }
            let keys = arguments.order.enumerated().map { offset, item in
                ListAgg.Key(index: arguments.types.count + offset, isAscending: item.isAscending, nullsFirst: item.effectiveNullsFirst)
            }
            let joiner = separator
            var resolution = AggregateResolution(resultType: .string) { ListAgg(separator: joiner, keys: keys) }
            resolution.argumentTypes = [input == .null ? nil : .string]
            return resolution
        },
    ]
}

/// The non-NULL values in input order; the oldest is taken back first.
private struct CollectList: RetractableAggregateKernel {
    var values: [SQLValue] = []
    /// Values before this position were taken back.
    var head = 0

    mutating func add(_ arguments: Row) throws(EngineError) {
        if !arguments[0].isNull { values.append(arguments[0]) }
    }

    mutating func retract(_ arguments: Row) throws(EngineError) {
        if !arguments[0].isNull { head += 1 }
    }

    func result() throws(EngineError) -> SQLValue { .array(Array(values[min(head, values.count)...])) }
}

/// The distinct non-NULL values in first-seen order.
private struct CollectSet: AggregateKernel {
    var values: [SQLValue] = []
    var seen = Set<SQLValue>()

    mutating func add(_ arguments: Row) throws(EngineError) {
        let value = arguments[0]
        if !value.isNull, seen.insert(value).inserted { values.append(value) }
    }

    func result() throws(EngineError) -> SQLValue { .array(values) }
}

/// The non-NULL strings joined by `separator`, in WITHIN GROUP order (input order without one).
private struct ListAgg: AggregateKernel {
    /// A WITHIN GROUP key: its position in the kernel's row and its direction.
    struct Key: Sendable {
        let index: Int
        let isAscending: Bool
        let nullsFirst: Bool
    }

    let separator: String
    let keys: [Key]
    var rows: [Row] = []

    mutating func add(_ arguments: Row) throws(EngineError) {
        if !arguments[0].isNull { rows.append(arguments) }
    }

    func result() throws(EngineError) -> SQLValue {
        guard !rows.isEmpty else { return .null }
        let ordered = rows.enumerated().sorted { a, b in precedes(a, b) }.map(\.element)
        let parts = ordered.map { row -> String in
            if case .string(let text) = row[0] { return text }
            return ""
        }
        return .string(parts.joined(separator: separator))
    }

    /// WITHIN GROUP order, then input order (a stable sort).
    private func precedes(_ a: (offset: Int, element: Row), _ b: (offset: Int, element: Row)) -> Bool {
        for key in keys {
            let order = ValueOrder.compare(
                a.element[key.index], b.element[key.index], isAscending: key.isAscending, nullsFirst: key.nullsFirst)
            if order != 0 { return order < 0 }
        }
        return a.offset < b.offset
    }
}
