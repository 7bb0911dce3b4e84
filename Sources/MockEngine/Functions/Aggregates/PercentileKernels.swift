import DBAPICore

/// Exact percentiles over the non-NULL values of a group (with optional integer frequencies).
struct Percentile: RetractableAggregateKernel {
    enum Method: Sendable {
        /// Linear interpolation between the two nearest ranks (percentile, percentile_cont, median).
        case interpolated
        /// The first value whose cumulative share reaches the fraction (percentile_disc).
        case discrete
        /// The value at rank ceil(fraction × count), as Spark's sketch answers while it is exact.
        case nearestRank
    }

    let fractions: [Double]
    let asArray: Bool
    let method: Method
    let descending: Bool
    /// Where the value sits in the kernel's row; percentile's frequency follows it at index 2.
    var valueIndex = 0
    /// The frequency argument's generated name, for Spark's NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION.
    let frequencyName: String
    private var counts = ValueCounts()
    /// The sum of all frequencies (checked: it never overflows).
    private var total: Int64 = 0

    init(
        fractions: [Double], asArray: Bool, method: Method, descending: Bool, valueIndex: Int = 0, frequencyName: String = "1"
    ) {
        self.frequencyName = frequencyName
        self.fractions = fractions
        self.asArray = asArray
        self.method = method
        self.descending = descending
        self.valueIndex = valueIndex
    }

    mutating func add(_ arguments: Row) throws(EngineError) {
        let value = arguments[valueIndex]
        guard !value.isNull else { return }
        let weight = try self.weight(arguments)
        guard weight > 0 else { return }
        let (sum, overflow) = total.addingReportingOverflow(weight)
        guard !overflow else { throw EngineError.overflow("percentile frequencies overflow BIGINT") }
        total = sum
        counts.add(value, weight)
    }

    mutating func retract(_ arguments: Row) throws(EngineError) {
        let value = arguments[valueIndex]
        guard !value.isNull else { return }
        let weight = try self.weight(arguments)
        guard weight > 0 else { return }
        total -= weight
        counts.remove(value, weight)
    }

    /// How many times the row's value counts: its frequency argument (percentile's third), else 1;
    /// 0 for a NULL frequency.
    private func weight(_ arguments: Row) throws(EngineError) -> Int64 {
        guard valueIndex == 0, arguments.count > 2 else { return 1 }
        guard case .int(let frequency) = arguments[2] else { return 0 }
        guard frequency >= 0 else {
            throw EngineError.analysis(
                "NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION",
                "Found the negative value in \"\(frequencyName)\": \(frequency)L, but expected a positive integral value.")
        }
        return frequency
    }

    func result() throws(EngineError) -> SQLValue {
        guard !counts.isEmpty else { return .null }
        let sorted = counts.byValue.sorted { lhs, rhs in
            let order = ValueOrder.compare(lhs.key, rhs.key)
            return descending ? order > 0 : order < 0
        }
        var accumulated: [Int64] = []
        var running: Int64 = 0
        for entry in sorted {
            running += entry.value
            accumulated.append(running)
        }
        /// The value at the 0-based rank `position` (a whole number, clamped to the ranks there are).
        func value(atRank position: Double) -> SQLValue {
            let rank = position < Double(total) ? Int64(max(position, 0)) : total
            var low = 0
            var high = accumulated.count - 1
            while low < high {
                let middle = (low + high) / 2
                if accumulated[middle] > rank { high = middle } else { low = middle + 1 }
            }
            return sorted[low].key
        }
        let results = fractions.map { fraction -> SQLValue in
            switch method {
            case .nearestRank:
                return value(atRank: max((fraction * Double(total)).rounded(.up), 1) - 1)
            case .discrete:
                return .double(value(atRank: max((fraction * Double(total)).rounded(.up), 1) - 1).doubleValue ?? 0)
            case .interpolated:
                let position = Double(total - 1) * fraction
                let lower = position.rounded(.down)
                let higher = position.rounded(.up)
                let lowerValue = value(atRank: lower).doubleValue ?? 0
                if higher == lower { return .double(lowerValue) }
                let higherValue = value(atRank: higher).doubleValue ?? 0
                if higherValue == lowerValue { return .double(lowerValue) }
                return .double(lowerValue + (position - lower) * (higherValue - lowerValue))
            }
        }
        return asArray ? .array(results) : results.first ?? .null
    }
}

/// The most frequent non-NULL value; among equally frequent ones the smallest, or with `prefersLargest`
/// (WITHIN GROUP (ORDER BY x DESC)) the largest. (Spark's `mode(x)` without `true` may return any of them.)
struct Mode: RetractableAggregateKernel {
    private var counts = ValueCounts()
    private let prefersLargest: Bool

    init(prefersLargest: Bool = false) { self.prefersLargest = prefersLargest }

    // The value is the first of the row: mode's argument, or its WITHIN GROUP key when it has none.
    mutating func add(_ arguments: Row) throws(EngineError) { counts.add(arguments[0], 1) }
    mutating func retract(_ arguments: Row) throws(EngineError) { counts.remove(arguments[0], 1) }

    func result() throws(EngineError) -> SQLValue {
        var best: (value: SQLValue, count: Int64)?
        for (value, count) in counts.byValue {
            if let current = best, count < current.count || (count == current.count && !isPreferred(value, over: current.value)) {
                continue
            }
            best = (value, count)
        }
        return best?.value ?? .null
    }

    private func isPreferred(_ value: SQLValue, over other: SQLValue) -> Bool {
        let order = ValueOrder.compare(value, other)
        return prefersLargest ? order > 0 : order < 0
    }
}

/// The number of distinct non-NULL values, counted exactly.
struct DistinctCount: RetractableAggregateKernel {
    private var counts = ValueCounts()
    mutating func add(_ arguments: Row) throws(EngineError) { counts.add(arguments[0], 1) }
    mutating func retract(_ arguments: Row) throws(EngineError) { counts.remove(arguments[0], 1) }
    func result() throws(EngineError) -> SQLValue { .int(Int64(counts.byValue.count)) }
}

/// How many times each non-NULL value was added and not taken back (a value taken back as often
/// as it was added is gone).
struct ValueCounts {
    private(set) var byValue: [SQLValue: Int64] = [:]

    var isEmpty: Bool { byValue.isEmpty }

    mutating func add(_ value: SQLValue, _ weight: Int64) {
        if !value.isNull { byValue[value, default: 0] &+= weight }
    }

    mutating func remove(_ value: SQLValue, _ weight: Int64) {
        guard !value.isNull, let count = byValue[value] else { return }
        byValue[value] = count > weight ? count - weight : nil
    }
}
