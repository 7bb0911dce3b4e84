import DBAPICore

/// stddev, variance and their _samp/_pop forms, covar_pop, covar_samp, corr: DOUBLE results
/// computed with Spark's own running-moment updates, so the last digit matches. A sample
/// statistic of one row is NULL (Spark's non-legacy behaviour), and so is corr when either side
/// does not vary (Spark divides by zero into NULL there).
enum StatisticalAggregates {
    static let declarations: [AggregateDeclaration] = [
        moment(["stddev", "stddev_samp", "std"]) { $0.count < 2 ? nil : ($0.m2 / ($0.count - 1)).squareRoot() },
        moment(["stddev_pop"]) { ($0.m2 / $0.count).squareRoot() },
        moment(["variance", "var_samp"]) { $0.count < 2 ? nil : $0.m2 / ($0.count - 1) },
        moment(["var_pop"]) { $0.m2 / $0.count },
        pair(["covar_pop"]) { $0.ck / $0.count },
        pair(["covar_samp"]) { $0.count < 2 ? nil : $0.ck / ($0.count - 1) },
        pair(["corr"]) { $0.count < 2 || $0.xMk * $0.yMk == 0 ? nil : $0.ck / ($0.xMk * $0.yMk).squareRoot() },
    ]

    private static func moment(
        _ names: [String], _ finish: @escaping @Sendable (CentralMoment) -> Double?
    ) -> AggregateDeclaration {
        AggregateDeclaration(names: names, arity: 1...1) { arguments throws(EngineError) in
            try AggregateResolution(resultType: .double, argumentTypes: [doubleInput(arguments, 0)]) {
                CentralMoment(finish: finish)
            }
        }
    }

    private static func pair(_ names: [String], _ finish: @escaping @Sendable (CoMoment) -> Double?) -> AggregateDeclaration {
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

/// Count, mean and sum of squared deviations of the non-NULL inputs.
private struct CentralMoment: AggregateKernel {
    let finish: @Sendable (CentralMoment) -> Double?
    var count = 0.0
    var mean = 0.0
    var m2 = 0.0

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .double(let x) = arguments[0] else { return }
        count += 1
        let delta = x - mean
        let deltaN = delta / count
        mean += deltaN
        m2 += delta * (delta - deltaN)
    }

    func result() throws(EngineError) -> SQLValue {
        guard count > 0, let value = finish(self) else { return .null }
        return .double(value)
    }
}

/// Co-moments of the rows where both inputs are non-NULL.
private struct CoMoment: AggregateKernel {
    let finish: @Sendable (CoMoment) -> Double?
    var count = 0.0
    var xAvg = 0.0
    var yAvg = 0.0
    var ck = 0.0
    var xMk = 0.0
    var yMk = 0.0

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .double(let x) = arguments[0], case .double(let y) = arguments[1] else { return }
        count += 1
        let dx = x - xAvg
        let dy = y - yAvg
        xAvg += dx / count
        yAvg += dy / count
        ck += dx * (y - yAvg)
        xMk += dx * (x - xAvg)
        yMk += dy * (y - yAvg)
    }

    func result() throws(EngineError) -> SQLValue {
        guard count > 0, let value = finish(self) else { return .null }
        return .double(value)
    }
}
