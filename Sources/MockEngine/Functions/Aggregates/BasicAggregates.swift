import DBAPICore

/// count, sum, avg (mean), min, max: the aggregates on the executor's built-in fast path.
enum BasicAggregates {
    static let declarations: [AggregateDeclaration] = [
        AggregateDeclaration(names: ["count"], arity: 1...Int.max, builtin: .count) { _ in
            AggregateResolution(resultType: .bigint)
        },
        AggregateDeclaration(names: ["sum"], arity: 1...1, builtin: .sum) { arguments throws(EngineError) in
            if let interval = IntervalAggregates.resolution(arguments, isAverage: false, isTry: false) { return interval }
            let type = try numericInput(arguments)
            switch type {
            case _ where type.isIntegral: return AggregateResolution(resultType: .bigint)
            case let .decimal(precision, scale):
                return AggregateResolution(resultType: DecimalRules.bounded(precision: precision + 10, scale: scale))
            default: return AggregateResolution(resultType: .double, argumentTypes: castsToDouble(arguments))
            }
        },
        AggregateDeclaration(names: ["avg", "mean"], arity: 1...1, builtin: .average) { arguments throws(EngineError) in
            if let interval = IntervalAggregates.resolution(arguments, isAverage: true, isTry: false) { return interval }
            if case let .decimal(precision, scale) = try numericInput(arguments) {
                return AggregateResolution(resultType: DecimalRules.bounded(precision: precision + 4, scale: scale + 4))
            }
            return AggregateResolution(resultType: .double, argumentTypes: castsToDouble(arguments))
        },
        AggregateDeclaration(names: ["min"], arity: 1...1, builtin: .minimum) { arguments in
            AggregateResolution(resultType: arguments.types[0])
        },
        AggregateDeclaration(names: ["max"], arity: 1...1, builtin: .maximum) { arguments in
            AggregateResolution(resultType: arguments.types[0])
        },
    ]

    /// A STRING or TIMESTAMP argument is cast to DOUBLE (a TIMESTAMP's seconds since the epoch); numbers are read as
    /// they are.
    static func castsToDouble(_ arguments: AggregateArguments) -> [SQLType?] {
        [.string, .timestamp].contains(arguments.types[0]) ? [.double] : []
    }

    /// The numeric type of a sum or average's input: numbers as they are; strings and TIMESTAMPs (cast to DOUBLE as
    /// ANSI Spark does) and NULL as DOUBLE; anything else is a type mismatch.
    static func numericInput(_ arguments: AggregateArguments) throws(EngineError) -> SQLType {
        let type = arguments.types[0]
        if type.isNumeric { return type }
        if [.string, .timestamp, .null].contains(type) { return .double }
        throw arguments.unexpectedType(0, requires: "\"NUMERIC\" or \"ANSI INTERVAL\"")
    }
}
