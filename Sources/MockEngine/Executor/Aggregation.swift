import DBAPICore

/// Hash aggregation: one group per distinct key (Spark equality), aggregates updated in place.
/// Without GROUP BY there is exactly one group, even over no rows (`count(*)` is 0, `sum` NULL).
enum Aggregation {
    static func run(
        _ input: Plan, keys: [Evaluator], aggregates: [AggregateSpec], _ context: ExecutionContext
    ) throws(EngineError) -> [Row] {
        var buffer = AggregationBuffer(keys: keys, aggregates: aggregates)
        // A scan, filtered or not, is read in a plain loop: no closure boundary per row.
        switch input {
        case .scan(let table):
            for row in table.rows { try buffer.add(row, context) }
        case .filter(.scan(let table), let condition, _):
            for row in table.rows {
                if case .bool(true) = try condition(row, context) { try buffer.add(row, context) }
            }
        default:
            try Executor.forEach(input, context) { (row) throws(EngineError) in
                try buffer.add(row, context)
                return .more
            }
        }
        return try buffer.finish()
    }
}

/// The groups of one aggregation and their running states, kept in stored properties so adding a
/// row touches no closure captures.
struct AggregationBuffer {
    private let keys: [Evaluator]
    private let aggregates: [AggregateSpec]
    private let functions: [AggregateSpec.Function]
    private let filters: [Evaluator?]
    /// The argument of each single-argument, non-distinct aggregate (the fast path).
    private let singleArguments: [Evaluator?]
    private let width: Int
    private var groupKeys: [Row] = []
    private var states: [AggregateState] = []
    private var singleIndex: [SQLValue: Int] = [:]
    private var pairIndex: [KeyPair: Int] = [:]
    private var multiIndex: [Row: Int] = [:]
    private var arguments: Row = []

    init(keys: [Evaluator], aggregates: [AggregateSpec]) {
        self.keys = keys
        self.aggregates = aggregates
        functions = aggregates.map(\.function)
        filters = aggregates.map(\.filter)
        singleArguments = aggregates.map {
            $0.arguments.count == 1 && !$0.isDistinct && $0.function != .kernel ? $0.arguments[0] : nil
        }
        width = aggregates.count
        if keys.isEmpty { addGroup([]) }
    }

    private mutating func addGroup(_ key: Row) {
        // Spark normalizes floating group keys: -0.0 and 0.0 are one group, written 0.0.
        groupKeys.append(key.contains(.double(0)) ? key.map { $0 == .double(0) ? .double(0) : $0 } : key)
        states.append(contentsOf: aggregates.map { AggregateState($0) })
    }

    private mutating func group(of row: Row, _ context: ExecutionContext) throws(EngineError) -> Int {
        if keys.isEmpty { return 0 }
        if keys.count == 1 {
            let key = try keys[0](row, context)
            if let existing = singleIndex[key] { return existing }
            singleIndex[key] = groupKeys.count
            addGroup([key])
            return groupKeys.count - 1
        }
        if keys.count == 2 {
            let key = KeyPair(first: try keys[0](row, context), second: try keys[1](row, context))
            if let existing = pairIndex[key] { return existing }
            pairIndex[key] = groupKeys.count
            addGroup([key.first, key.second])
            return groupKeys.count - 1
        }
        var key: Row = []
        key.reserveCapacity(keys.count)
        for evaluate in keys { key.append(try evaluate(row, context)) }
        if let existing = multiIndex[key] { return existing }
        multiIndex[key] = groupKeys.count
        addGroup(key)
        return groupKeys.count - 1
    }

    mutating func add(_ row: Row, _ context: ExecutionContext) throws(EngineError) {
        let base = try group(of: row, context) * width
        for position in 0..<width {
            if let filter = filters[position], try filter(row, context) != .bool(true) { continue }
            if functions[position] == .countStar {
                states[base + position].countRow()
            } else if let argument = singleArguments[position] {
                try states[base + position].accumulate(functions[position], try argument(row, context))
            } else {
                arguments.removeAll(keepingCapacity: true)
                for evaluate in aggregates[position].arguments { arguments.append(try evaluate(row, context)) }
                try states[base + position].update(aggregates[position], arguments)
            }
        }
    }

    mutating func finish() throws(EngineError) -> [Row] {
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

/// A two-column group key that needs no array per row.
struct KeyPair: Hashable {
    let first: SQLValue
    let second: SQLValue
}

/// The running state of one aggregate for one group.
struct AggregateState {
    private var count: Int64 = 0
    private var integerSum: Int64 = 0
    private var doubleSum: Double = 0
    private var decimalSum = SQLDecimal(0)
    private var extreme: SQLValue = .null
    /// For DISTINCT: the argument rows seen, and the same in first-seen order (collect_list and
    /// listagg keep it).
    private var distinctArguments: Set<Row>?
    private var distinctOrder: [Row] = []
    private var kernel: (any AggregateKernel)?

    init(_ spec: AggregateSpec) {
        if spec.isDistinct { distinctArguments = [] }
        kernel = spec.makeKernel?()
    }

    /// `count(*)`: one more row.
    mutating func countRow() { count += 1 }

    mutating func update(_ spec: AggregateSpec, _ arguments: Row) throws(EngineError) {
        if spec.function == .countStar {
            count += 1
            return
        }
        if distinctArguments == nil, kernel != nil {
            try kernel?.add(arguments)
            return
        }
        if arguments.contains(where: \.isNull) { return }  // aggregates skip NULL inputs
        if distinctArguments != nil {
            if distinctArguments?.insert(arguments).inserted == true { distinctOrder.append(arguments) }
            return
        }
        try accumulate(spec.function, arguments.first ?? .null)
    }

    /// Adds one non-distinct input value; NULL is skipped.
    mutating func accumulate(_ function: AggregateSpec.Function, _ value: SQLValue) throws(EngineError) {
        if value.isNull { return }
        count += 1
        guard function != .count else { return }
        switch function {
        case .sum, .average:
            switch value {
            case .int(let number):
                if function == .average {
                    doubleSum += Double(number)
                } else {
                    let (sum, overflow) = integerSum.addingReportingOverflow(number)
                    guard !overflow else {
                        throw EngineError.overflow("overflow. Use 'try_add' to tolerate overflow and return NULL instead")
                    }
                    integerSum = sum
                }
            case .double(let number): doubleSum += number
            case .decimal(let number):
                guard let sum = decimalSum.adding(number) else {
                    throw EngineError.overflow("Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return NULL instead")
                }
                decimalSum = sum
            default: break
            }
        case .minimum, .maximum:
            if extreme.isNull {
                extreme = value
            } else {
                let order = ValueOrder.compare(value, extreme)
                if (function == .minimum && order < 0) || (function == .maximum && order > 0) { extreme = value }
            }
        default: break
        }
    }

    /// Removes one value `accumulate` added, for count, sum and avg over a sliding window frame
    /// (integers and decimals come back exactly).
    mutating func retract(_ function: AggregateSpec.Function, _ value: SQLValue) throws(EngineError) {
        if value.isNull { return }
        count -= 1
        switch (function, value) {
        case (.sum, .int(let number)):
            let (sum, overflow) = integerSum.subtractingReportingOverflow(number)
            guard !overflow else { throw EngineError.overflow("sum overflows BIGINT") }
            integerSum = sum
        case (.average, .int(let number)): doubleSum -= Double(number)
        case (.sum, .double(let number)), (.average, .double(let number)): doubleSum -= number
        case (.sum, .decimal(let number)), (.average, .decimal(let number)):
            guard let sum = decimalSum.subtracting(number) else { throw EngineError.overflow("decimal sum overflows 38 digits") }
            decimalSum = sum
        default: break
        }
    }

    mutating func result(_ spec: AggregateSpec) throws(EngineError) -> SQLValue {
        if distinctArguments != nil {
            distinctArguments = nil
            let distinct = distinctOrder
            distinctOrder = []
            for arguments in distinct {
                if kernel != nil { try kernel?.add(arguments) } else { try accumulate(spec.function, arguments.first ?? .null) }
            }
        }
        if let kernel { return try kernel.result() }
        switch spec.function {
        case .countStar, .count, .kernel:
            return .int(count)
        case .minimum, .maximum:
            return extreme
        case .sum:
            guard count > 0 else { return .null }
            switch spec.resultType {
            case .bigint: return .int(integerSum)
            case let .decimal(precision, scale):
                guard let fitted = decimalSum.fitted(precision: precision, scale: scale) else {
                    throw EngineError.overflow("sum overflows \(spec.resultType)")
                }
                return .decimal(fitted)
            default: return .double(doubleSum)
            }
        case .average:
            guard count > 0 else { return .null }
            if case let .decimal(precision, scale) = spec.resultType {
                guard let average = decimalSum.divided(by: SQLDecimal(count), scale: scale),
                    let fitted = average.fitted(precision: precision, scale: scale)
                else {
                    throw EngineError.analysis(
                        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
                        "The average of \(count) values cannot be represented as Decimal(\(precision), \(scale)). If necessary set "
                            + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead.")
                }
                return .decimal(fitted)
            }
            return .double(doubleSum / Double(count))
        }
    }
}
