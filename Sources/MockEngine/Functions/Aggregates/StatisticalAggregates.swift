import DBAPICore

/// stddev, variance and their _samp/_pop forms, skewness, kurtosis, covar_pop, covar_samp, corr: DOUBLE
/// results computed with Spark's own running-moment updates, so the last digit matches. A sample
/// statistic of one row is NULL (Spark's non-legacy behaviour), and so are corr, skewness and kurtosis
/// when the input does not vary (Spark divides by zero into NULL there).
enum StatisticalAggregates {
    static let declarations: [AggregateDeclaration] = [
        moment(["stddev", "stddev_samp", "std"]) { $0.count < 2 ? nil : ($0.m2 / ($0.count - 1)).squareRoot() },
        moment(["stddev_pop"]) { ($0.m2 / $0.count).squareRoot() },
        moment(["variance", "var_samp"]) { $0.count < 2 ? nil : $0.m2 / ($0.count - 1) },
        moment(["var_pop"]) { $0.m2 / $0.count },
        moment(["skewness"], order: 3) { $0.m2 == 0 ? nil : $0.count.squareRoot() * $0.m3 / ($0.m2 * $0.m2 * $0.m2).squareRoot() },
        moment(["kurtosis"], order: 4) { $0.m2 == 0 ? nil : $0.count * $0.m4 / ($0.m2 * $0.m2) - 3 },
        pair(["covar_pop"]) { $0.ck / $0.count },
        pair(["covar_samp"]) { $0.count < 2 ? nil : $0.ck / ($0.count - 1) },
        pair(["corr"]) { $0.count < 2 || $0.xMk * $0.yMk == 0 ? nil : $0.ck / ($0.xMk * $0.yMk).squareRoot() },
    ]

    private static func moment(
        _ names: [String], order: Int = 2, _ finish: @escaping @Sendable (RunningMoments) -> Double?
    ) -> AggregateDeclaration {
        AggregateDeclaration(names: names, arity: 1...1) { arguments throws(EngineError) in
            try AggregateResolution(resultType: .double, argumentTypes: [doubleInput(arguments, 0)]) {
                CentralMoment(finish: finish, moments: RunningMoments(order: order))
            }
        }
    }

    private static func pair(_ names: [String], _ finish: @escaping @Sendable (RunningCoMoments) -> Double?) -> AggregateDeclaration {
        AggregateDeclaration(names: names, arity: 2...2) { arguments throws(EngineError) in
            try AggregateResolution(
                resultType: .double, argumentTypes: [doubleInput(arguments, 0), doubleInput(arguments, 1)]
            ) { CoMoment(finish: finish) }
        }
    }

    /// Numbers and strings are read as DOUBLE (ANSI Spark's implicit cast); others are refused.
    static func doubleInput(_ arguments: AggregateArguments, _ index: Int) throws(EngineError) -> SQLType {
        let type = arguments.types[index]
        guard type.isNumeric || type == .string || type == .null else {
            throw arguments.unexpectedType(index, requires: "\"DOUBLE\"")
        }
        return .double
    }
}

/// The moments of the non-NULL inputs, for stddev, variance, skewness and kurtosis.
private struct CentralMoment: AggregateKernel {
    let finish: @Sendable (RunningMoments) -> Double?
    var moments: RunningMoments

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .double(let x) = arguments[0] else { return }
        moments.add(x)
    }

    func result() throws(EngineError) -> SQLValue {
        guard moments.count > 0, let value = finish(moments) else { return .null }
        return .double(value)
    }
}

/// Co-moments of the rows where both inputs are non-NULL.
private struct CoMoment: AggregateKernel {
    let finish: @Sendable (RunningCoMoments) -> Double?
    var moments = RunningCoMoments()

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .double(let x) = arguments[0], case .double(let y) = arguments[1] else { return }
        moments.add(x, y)
    }

    func result() throws(EngineError) -> SQLValue {
        guard moments.count > 0, let value = finish(moments) else { return .null }
        return .double(value)
    }
}
