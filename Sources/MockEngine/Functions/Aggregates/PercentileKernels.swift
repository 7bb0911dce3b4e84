import DBAPICore

/// Exact percentiles over the non-NULL values of a group (with optional integer frequencies).
struct Percentile: AggregateKernel {
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
    private var counts: [SQLValue: Int64] = [:]
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
        if value.isNull { return }
        var weight: Int64 = 1
        if valueIndex == 0, arguments.count > 2 {
            guard case .int(let frequency) = arguments[2] else { return }
            guard frequency >= 0 else {
                throw EngineError.analysis(
                    "NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION",
                    "Found the negative value in \"\(frequencyName)\": \(frequency)L, but expected a positive integral value.")
            }
            weight = frequency
        }
        guard weight > 0 else { return }
        let (sum, overflow) = total.addingReportingOverflow(weight)
        guard !overflow else { throw EngineError.overflow("percentile frequencies overflow BIGINT") }
        total = sum
        counts[value, default: 0] += weight
    }

    func result() throws(EngineError) -> SQLValue {
        guard !counts.isEmpty else { return .null }
        let sorted = counts.sorted { lhs, rhs in
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

/// The most frequent non-NULL value; among equally frequent ones the smallest (Spark may return
/// any of them).
struct Mode: AggregateKernel {
    private var counts: [SQLValue: Int64] = [:]

    mutating func add(_ arguments: Row) throws(EngineError) {
        if !arguments[0].isNull { counts[arguments[0], default: 0] &+= 1 }
    }

    func result() throws(EngineError) -> SQLValue {
        var best: (value: SQLValue, count: Int64)?
        for (value, count) in counts {
            if let current = best, count < current.count || (count == current.count && ValueOrder.compare(value, current.value) > 0) {
                continue
            }
            best = (value, count)
        }
        return best?.value ?? .null
    }
}

/// The number of distinct non-NULL values, counted exactly.
struct DistinctCount: AggregateKernel {
    private var seen = Set<SQLValue>()
    mutating func add(_ arguments: Row) throws(EngineError) { if !arguments[0].isNull { seen.insert(arguments[0]) } }
    func result() throws(EngineError) -> SQLValue { .int(Int64(seen.count)) }
}
