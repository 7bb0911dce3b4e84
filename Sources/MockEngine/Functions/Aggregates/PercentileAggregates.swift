import DBAPICore

/// percentile, median, percentile_cont, percentile_disc (WITHIN GROUP), percentile_approx
/// (approx_percentile), mode, approx_count_distinct. All are exact: Spark's approximate ones
/// agree with the exact answer while the input fits their sketch (up to `accuracy` values for
/// percentile_approx, a few hundred distinct values for approx_count_distinct); past that Spark's
/// answer may differ from the mock's.
enum PercentileAggregates {
    static let declarations: [AggregateDeclaration] = [
        AggregateDeclaration(names: ["percentile"], arity: 2...3, printedDefaults: ["1"]) { arguments throws(EngineError) in
            let (fractions, isArray) = try percentages(arguments, 1)
            if refusesTime(arguments.types[0]) { throw unsupportedTime }
            let input = try StatisticalAggregates.doubleInput(arguments, 0)
            let frequencyName = arguments.argumentNames.count > 2 ? arguments.argumentNames[2] : "1"
            return AggregateResolution(resultType: isArray ? .array(.double) : .double, argumentTypes: [input, nil, .bigint]) {
                Percentile(
                    fractions: fractions, asArray: isArray, method: .interpolated, descending: false, frequencyName: frequencyName)
            }
        },
        AggregateDeclaration(names: ["median"], arity: 1...1, impliesWithinGroup: true) { arguments throws(EngineError) in
            if refusesTime(arguments.types[0]) { throw unsupportedTime }
            let input = try StatisticalAggregates.doubleInput(arguments, 0)
            return AggregateResolution(resultType: .double, argumentTypes: [input]) {
                Percentile(fractions: [0.5], asArray: false, method: .interpolated, descending: false)
            }
        },
        withinGroup("percentile_cont", .interpolated),
        withinGroup("percentile_disc", .discrete),
        AggregateDeclaration(names: ["percentile_approx", "approx_percentile"], arity: 2...3, printedDefaults: ["10000"]) {
            arguments throws(EngineError) in
            let (fractions, isArray) = try percentages(arguments, 1)
            let type = arguments.types[0]
            guard type.isNumeric || [.date, .timestamp].contains(type) else {
                throw arguments.unexpectedType(0, requires: "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\")")
            }
            return AggregateResolution(resultType: isArray ? .array(type) : type) {
                Percentile(fractions: fractions, asArray: isArray, method: .nearestRank, descending: false)
            }
        },
        modeDeclaration,
        AggregateDeclaration(names: ["approx_count_distinct"], arity: 1...2, printedArity: 1) { _ in
            AggregateResolution(resultType: .bigint) { DistinctCount() }
        },
    ]

    /// percentile, median, percentile_cont and percentile_disc of a DATE or TIMESTAMP: Spark refuses them with an
    /// error that names TIME (PySpark 4.3.0).
    private static let unsupportedTime = EngineError.classified(
        errorClass: "UNSUPPORTED_TIME_TYPE", sqlState: "0A000", message: "The data type TIME is not supported.")

    private static func refusesTime(_ type: SQLType) -> Bool { type == .date || type == .timestamp }

    /// mode(x [, deterministic]) and mode() WITHIN GROUP (ORDER BY x [DESC]): the most frequent value, among equally
    /// frequent ones the smallest (the largest with DESC). Spark names `mode(x, true)` and an ascending WITHIN GROUP
    /// `mode() WITHIN GROUP (ORDER BY x DESC)`, and a descending one without DESC.
    private static let modeDeclaration = AggregateDeclaration(
        names: ["mode"], arity: 0...2, printedArity: 1, printsReversedOrder: true,
        printer: { arguments in
            guard arguments.count == 2, case .literal(.bool(true), _) = arguments[1] else { return nil }
            return "mode() WITHIN GROUP (ORDER BY \(arguments[0].sqlName) DESC)"
        },
        withinGroup: .optional
    ) { arguments throws(EngineError) in
        func invalid(_ subclass: String, _ message: String, function: String = "mode") -> EngineError {
            .analysis("INVALID_WITHIN_GROUP_EXPRESSION.\(subclass)", "Invalid function `\(function)` with WITHIN GROUP. \(message)")
        }
        guard !arguments.order.isEmpty else {
            guard let type = arguments.types.first else {
                throw invalid("WITHIN_GROUP_MISSING", "WITHIN GROUP is required for the function.")
            }
            return AggregateResolution(resultType: type) { Mode() }
        }
        guard arguments.types.isEmpty else {
            throw invalid("WRONG_NUM_ORDERINGS", "The function requires 0 orderings in WITHIN GROUP but got \(arguments.order.count).")
        }
        guard arguments.order.count == 1, let type = arguments.orderTypes.first else {
            throw invalid(  // Spark names the class here
                "WRONG_NUM_ORDERINGS", "The function requires 1 orderings in WITHIN GROUP but got \(arguments.order.count).",
                function: "Mode")
        }
        let prefersLargest = !arguments.order[0].isAscending
        return AggregateResolution(resultType: type) { Mode(prefersLargest: prefersLargest) }
    }

    /// percentile_cont(p) / percentile_disc(p) WITHIN GROUP (ORDER BY x [DESC]).
    private static func withinGroup(_ name: String, _ method: Percentile.Method) -> AggregateDeclaration {
        AggregateDeclaration(names: [name], arity: 1...1, withinGroup: .required) { arguments throws(EngineError) in
            guard arguments.order.count == 1, let key = arguments.orderTypes.first else {
                throw EngineError.analysis(
                    "INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS",
                    "The function \(name) requires 1 orderings in WITHIN GROUP but got \(arguments.order.count).")
            }
            if refusesTime(key) { throw unsupportedTime }
            guard key.isNumeric || key == .null || key == .string else {
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                    "Cannot resolve \"\(arguments.sqlName)\" due to data type mismatch: The first parameter requires the "
                        + "\"NUMERIC\" type, however \"\(arguments.order[0].expression.sqlName)\" has the type \"\(key)\".")
            }
            let (fractions, _) = try percentages(arguments, 0, allowsArray: false)
            let descending = !arguments.order[0].isAscending
            return AggregateResolution(resultType: .double, argumentTypes: [nil], keyTypes: [key == .string ? .double : nil]) {
                Percentile(fractions: fractions, asArray: false, method: method, descending: descending, valueIndex: 1)
            }
        }
    }

    /// The constant percentage(s) at `index`, each within [0, 1].
    private static func percentages(
        _ arguments: AggregateArguments, _ index: Int, allowsArray: Bool = true
    ) throws(EngineError) -> ([Double], isArray: Bool) {
        let value = try arguments.constant(index)
        var fractions: [Double] = []
        var isArray = false
        switch value {
        case .array(let items) where allowsArray:
            isArray = true
            for item in items {
                guard let fraction = item.doubleValue else { throw arguments.unexpectedType(index, requires: "\"DOUBLE\"") }
                fractions.append(fraction)
            }
        default:
            guard let fraction = value.doubleValue else { throw arguments.unexpectedType(index, requires: "\"DOUBLE\"") }
            fractions = [fraction]
        }
        if let outside = fractions.first(where: { !(0...1).contains($0) }) {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
                "Cannot resolve \"\(arguments.sqlName)\" due to data type mismatch: "
                    + "The percentage must be between [0.0, 1.0] (current value = \(outside)D).")
        }
        return (fractions, isArray)
    }
}

extension SQLValue {
    /// A number as a Double; nil for anything else.
    var doubleValue: Double? {
        switch self {
        case .int(let number): Double(number)
        case .double(let number): number
        case .decimal(let number): number.doubleValue
        default: nil
        }
    }
}
