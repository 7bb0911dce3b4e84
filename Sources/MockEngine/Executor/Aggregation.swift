import DBAPICore

/// Hash aggregation: one group per distinct key (Spark equality), aggregates updated in place.
/// Without GROUP BY there is exactly one group, even over no rows (`count(*)` is 0, `sum` NULL).
enum Aggregation {
    static func run(
        _ rows: [Row], keys: [Evaluator], aggregates: [AggregateSpec], _ context: ExecutionContext
    ) throws(EngineError) -> [Row] {
        var groupKeys: [Row] = []
        var states: [AggregateState] = []
        let width = aggregates.count
        var singleIndex: [SQLValue: Int] = [:]
        var multiIndex: [Row: Int] = [:]
        if keys.isEmpty {
            groupKeys.append([])
            states.append(contentsOf: aggregates.map { AggregateState($0) })
        }
        var arguments: Row = []
        for row in rows {
            let group: Int
            if keys.isEmpty {
                group = 0
            } else if keys.count == 1 {
                let key = try keys[0](row, context)
                if let existing = singleIndex[key] {
                    group = existing
                } else {
                    group = groupKeys.count
                    singleIndex[key] = group
                    groupKeys.append([key])
                    states.append(contentsOf: aggregates.map { AggregateState($0) })
                }
            } else {
                var key: Row = []
                key.reserveCapacity(keys.count)
                for evaluate in keys { key.append(try evaluate(row, context)) }
                if let existing = multiIndex[key] {
                    group = existing
                } else {
                    group = groupKeys.count
                    multiIndex[key] = group
                    groupKeys.append(key)
                    states.append(contentsOf: aggregates.map { AggregateState($0) })
                }
            }
            for (position, spec) in aggregates.enumerated() {
                arguments.removeAll(keepingCapacity: true)
                for evaluate in spec.arguments { arguments.append(try evaluate(row, context)) }
                try states[group * width + position].update(spec, arguments)
            }
        }
        var out: [Row] = []
        out.reserveCapacity(groupKeys.count)
        for (group, key) in groupKeys.enumerated() {
            var row = key
            for (position, spec) in aggregates.enumerated() {
                row.append(try states[group * width + position].result(spec))
            }
            out.append(row)
        }
        return out
    }
}

/// The running state of one aggregate for one group.
struct AggregateState {
    private var count: Int64 = 0
    private var integerSum: Int64 = 0
    private var doubleSum: Double = 0
    private var decimalSum = SQLDecimal(0)
    private var extreme: SQLValue = .null
    private var distinctArguments: Set<Row>?

    init(_ spec: AggregateSpec) {
        if spec.isDistinct { distinctArguments = [] }
    }

    mutating func update(_ spec: AggregateSpec, _ arguments: Row) throws(EngineError) {
        if spec.function == .countStar {
            count += 1
            return
        }
        if arguments.contains(where: \.isNull) { return }  // aggregates skip NULL inputs
        if distinctArguments != nil {
            distinctArguments?.insert(arguments)
            return
        }
        try accumulate(spec, arguments)
    }

    private mutating func accumulate(_ spec: AggregateSpec, _ arguments: Row) throws(EngineError) {
        count += 1
        guard spec.function != .count, let value = arguments.first else { return }
        switch spec.function {
        case .sum, .average:
            switch value {
            case .int(let number):
                if spec.function == .average {
                    doubleSum += Double(number)
                } else {
                    let (sum, overflow) = integerSum.addingReportingOverflow(number)
                    guard !overflow else { throw EngineError.overflow("sum overflows BIGINT") }
                    integerSum = sum
                }
            case .double(let number): doubleSum += number
            case .decimal(let number):
                guard let sum = decimalSum.adding(number) else { throw EngineError.overflow("sum overflows \(spec.resultType)") }
                decimalSum = sum
            default: break
            }
        case .minimum, .maximum:
            if extreme.isNull {
                extreme = value
            } else {
                let order = ValueOrder.compare(value, extreme)
                if (spec.function == .minimum && order < 0) || (spec.function == .maximum && order > 0) { extreme = value }
            }
        default: break
        }
    }

    mutating func result(_ spec: AggregateSpec) throws(EngineError) -> SQLValue {
        if let distinct = distinctArguments {
            distinctArguments = nil
            for arguments in distinct { try accumulate(spec, arguments) }
        }
        switch spec.function {
        case .countStar, .count:
            return .int(count)
        case .minimum, .maximum:
            return extreme
        case .sum:
            guard count > 0 else { return .null }
            switch spec.resultType {
            case .bigint: return .int(integerSum)
            case let .decimal(precision, scale):
                guard let fitted = decimalSum.fits(precision: precision, scale: scale) else {
                    throw EngineError.overflow("sum overflows \(spec.resultType)")
                }
                return .decimal(fitted)
            default: return .double(doubleSum)
            }
        case .average:
            guard count > 0 else { return .null }
            if case let .decimal(precision, scale) = spec.resultType {
                guard let average = decimalSum.divided(by: SQLDecimal(count), scale: scale),
                    let fitted = average.fits(precision: precision, scale: scale)
                else { throw EngineError.overflow("avg overflows \(spec.resultType)") }
                return .decimal(fitted)
            }
            return .double(doubleSum / Double(count))
        }
    }
}
