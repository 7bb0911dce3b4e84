import DBAPICore

/// regr_count, regr_avgx, regr_avgy, regr_sxx, regr_syy, regr_sxy, regr_slope, regr_intercept, regr_r2: the
/// linear regression of `y` (first argument) on `x` (second) over the rows where both are non-NULL, computed
/// with Spark's running moments so the last digit matches. Slope, intercept and R² are NULL when `x` does not vary.
enum RegressionAggregates {
    static let declarations: [AggregateDeclaration] = [
        AggregateDeclaration(names: ["regr_count"], arity: 2...2) { arguments throws(EngineError) in
            try requireNumeric(arguments)
            return AggregateResolution(resultType: .bigint) { PairedAverage(pick: nil, spec: nil) }
        },
        average("regr_avgx", pick: 1),
        average("regr_avgy", pick: 0),
        moments("regr_sxx") { $0.x.m2 },
        moments("regr_syy") { $0.y.m2 },
        moments("regr_sxy") { $0.yx.ck },
        moments("regr_slope") { $0.x.m2 == 0 ? nil : $0.slope },
        moments("regr_intercept") { $0.x.m2 == 0 ? nil : $0.xy.yAvg - $0.slope * $0.xy.xAvg },
        moments("regr_r2") { state in
            if state.x.m2 == 0 { return nil }
            if state.y.m2 == 0 { return 1 }
            let correlation = state.yx.ck / (state.yx.xMk * state.yx.yMk).squareRoot()
            return correlation * correlation
        },
    ]

    /// regr_avgx, regr_avgy: `avg` of one side (its result type included) over the rows where both are non-NULL.
    private static func average(_ name: String, pick: Int) -> AggregateDeclaration {
        AggregateDeclaration(names: [name], arity: 2...2) { arguments throws(EngineError) in
            try requireNumeric(arguments)
            var type = arguments.types[pick]
            if !type.isNumeric { type = .double }
            var resultType = SQLType.double
            if case let .decimal(precision, scale) = type {
                resultType = DecimalRules.bounded(precision: precision + 4, scale: scale + 4)
            }
            let spec = AggregateSpec(
                function: .average, arguments: [], argumentType: type, resultType: resultType, isDistinct: false, filter: nil)
            var casts: [SQLType?] = [nil, nil]
            casts[pick] = type
            return AggregateResolution(resultType: resultType, argumentTypes: casts) { PairedAverage(pick: pick, spec: spec) }
        }
    }

    private static func moments(_ name: String, _ finish: @escaping @Sendable (RegressionMoments) -> Double?) -> AggregateDeclaration {
        AggregateDeclaration(names: [name], arity: 2...2) { arguments throws(EngineError) in
            try AggregateResolution(
                resultType: .double,
                argumentTypes: [StatisticalAggregates.doubleInput(arguments, 0), StatisticalAggregates.doubleInput(arguments, 1)]
            ) { RegressionMoments(finish: finish) }
        }
    }

    private static func requireNumeric(_ arguments: AggregateArguments) throws(EngineError) {
        for index in 0..<2 {
            let type = arguments.types[index]
            guard type.isNumeric || type == .string || type == .null else {
                throw arguments.unexpectedType(index, requires: "\"NUMERIC\"")
            }
        }
    }
}

/// regr_count (no `pick`: the count of rows where both sides are non-NULL) and regr_avgx / regr_avgy (the
/// average of side `pick` over those rows, as `avg` computes it).
private struct PairedAverage: AggregateKernel {
    let pick: Int?
    let spec: AggregateSpec?
    var count: Int64 = 0
    var state: AggregateState?

    init(pick: Int?, spec: AggregateSpec?) {
        (self.pick, self.spec) = (pick, spec)
        state = spec.map { AggregateState($0) }
    }

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard !arguments[0].isNull, !arguments[1].isNull else { return }
        count += 1
        if let pick { try state?.accumulate(.average, arguments[pick]) }
    }

    func result() throws(EngineError) -> SQLValue {
        guard var state, let spec else { return .int(count) }
        return try state.result(spec)
    }
}

/// The moments of `x`, of `y` and of the pairs, over the rows where both are non-NULL. Spark keeps the
/// co-moments twice, once with each side first (slope and intercept read `xy`; regr_sxy and regr_r2 read `yx`),
/// and the last digit depends on which.
private struct RegressionMoments: AggregateKernel {
    let finish: @Sendable (RegressionMoments) -> Double?
    var x = RunningMoments()
    var y = RunningMoments()
    var xy = RunningCoMoments()
    var yx = RunningCoMoments()

    var slope: Double { xy.ck / x.m2 }

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .double(let yValue) = arguments[0], case .double(let xValue) = arguments[1] else { return }
        x.add(xValue)
        y.add(yValue)
        xy.add(xValue, yValue)
        yx.add(yValue, xValue)
    }

    func result() throws(EngineError) -> SQLValue {
        guard xy.count > 0, let value = finish(self) else { return .null }
        return .double(value)
    }
}
