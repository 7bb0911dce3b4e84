import DBAPICore

/// count_if, bool_and (every), bool_or (some, any), any_value, first, last, max_by, min_by.
enum ConditionalAggregates {
    static let declarations: [AggregateDeclaration] = [
        AggregateDeclaration(names: ["count_if"], arity: 1...1) { arguments throws(EngineError) in
            try requireBoolean(arguments)
            return AggregateResolution(resultType: .bigint) { CountIf() }
        },
        AggregateDeclaration(names: ["bool_and", "every"], arity: 1...1) { arguments throws(EngineError) in
            try requireBoolean(arguments)
            return AggregateResolution(resultType: .boolean) { BooleanFold(isAnd: true) }
        },
        AggregateDeclaration(names: ["bool_or", "some", "any"], arity: 1...1) { arguments throws(EngineError) in
            try requireBoolean(arguments)
            return AggregateResolution(resultType: .boolean) { BooleanFold(isAnd: false) }
        },
        AggregateDeclaration(names: ["first", "first_value", "any_value"], arity: 1...2, printedArity: 1, takesIgnoreNulls: true) {
            arguments throws(EngineError) in
            let ignoreNulls = try ignoresNulls(arguments)
            return AggregateResolution(resultType: arguments.types[0]) { Pick(isLast: false, ignoreNulls: ignoreNulls) }
        },
        AggregateDeclaration(names: ["last", "last_value"], arity: 1...2, printedArity: 1, takesIgnoreNulls: true) {
            arguments throws(EngineError) in
            let ignoreNulls = try ignoresNulls(arguments)
            return AggregateResolution(resultType: arguments.types[0]) { Pick(isLast: true, ignoreNulls: ignoreNulls) }
        },
        AggregateDeclaration(names: ["max_by"], arity: 2...2) { arguments in
            AggregateResolution(resultType: arguments.types[0]) { ByValue(wantsMax: true) }
        },
        AggregateDeclaration(names: ["min_by"], arity: 2...2) { arguments in
            AggregateResolution(resultType: arguments.types[0]) { ByValue(wantsMax: false) }
        },
    ]

    private static func requireBoolean(_ arguments: AggregateArguments) throws(EngineError) {
        guard arguments.types[0] == .boolean || arguments.types[0] == .null else {
            throw arguments.unexpectedType(0, requires: "\"BOOLEAN\"")
        }
    }

    /// Whether first/last skip NULLs: `IGNORE NULLS`, or their optional second argument (a constant
    /// BOOLEAN); either one is enough.
    private static func ignoresNulls(_ arguments: AggregateArguments) throws(EngineError) -> Bool {
        guard arguments.types.count == 2 else { return arguments.ignoresNulls }
        guard arguments.types[1] == .boolean, case .bool(let flag) = try arguments.constant(1) else {
            throw arguments.unexpectedType(1, requires: "\"BOOLEAN\"")
        }
        return flag || arguments.ignoresNulls
    }
}

/// count_if: rows where the condition is true.
private struct CountIf: RetractableAggregateKernel {
    var count: Int64 = 0
    mutating func add(_ arguments: Row) throws(EngineError) { if arguments[0] == .bool(true) { count += 1 } }
    mutating func retract(_ arguments: Row) throws(EngineError) { if arguments[0] == .bool(true) { count -= 1 } }
    func result() throws(EngineError) -> SQLValue { .int(count) }
}

/// bool_and / bool_or over the non-NULL inputs; NULL when there are none. Counting both values
/// lets a row be taken back.
private struct BooleanFold: RetractableAggregateKernel {
    let isAnd: Bool
    var trues: Int64 = 0
    var falses: Int64 = 0
    mutating func add(_ arguments: Row) throws(EngineError) { count(arguments[0], by: 1) }
    mutating func retract(_ arguments: Row) throws(EngineError) { count(arguments[0], by: -1) }
    private mutating func count(_ value: SQLValue, by step: Int64) {
        guard case .bool(let flag) = value else { return }
        if flag { trues += step } else { falses += step }
    }
    func result() throws(EngineError) -> SQLValue {
        if trues + falses == 0 { return .null }
        return .bool(isAnd ? falses == 0 : trues > 0)
    }
}

/// first / last in input order, optionally skipping NULLs.
private struct Pick: AggregateKernel {
    let isLast: Bool
    let ignoreNulls: Bool
    var value: SQLValue?
    mutating func add(_ arguments: Row) throws(EngineError) {
        if ignoreNulls && arguments[0].isNull { return }
        if isLast || value == nil { value = arguments[0] }
    }
    func result() throws(EngineError) -> SQLValue { value ?? .null }
}

/// max_by / min_by: the first argument of the row whose second argument is largest (smallest);
/// rows with a NULL ordering value are skipped, the last of equal ones wins (Spark: any of them).
private struct ByValue: AggregateKernel {
    let wantsMax: Bool
    var best: (value: SQLValue, key: SQLValue)?
    mutating func add(_ arguments: Row) throws(EngineError) {
        let key = arguments[1]
        if key.isNull { return }
        if let best {
            let order = ValueOrder.compare(key, best.key)
            guard wantsMax ? order >= 0 : order <= 0 else { return }
        }
        best = (arguments[0], key)
    }
    func result() throws(EngineError) -> SQLValue { best?.value ?? .null }
}
