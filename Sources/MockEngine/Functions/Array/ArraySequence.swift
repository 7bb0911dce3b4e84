import DBAPICore

/// `sequence(start, stop [, step])` over integers (step ±1 by default) and over dates and timestamps
/// (one day by default, or an INTERVAL step: ArraySequence+Interval.swift).
enum ArraySequence {
    static func compile(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        if let type = integral(call) {
            let step = call.count == 3 ? call.nestedArgument(2, as: type) : nil
            let (from, to) = (call.nestedArgument(0, as: type), call.nestedArgument(1, as: type))
            return CompiledExpr(type: .array(type)) { row, context throws(EngineError) in
                guard case .int(let start) = try from(row, context), case .int(let stop) = try to(row, context) else { return .null }
                var by: Int64 = start <= stop ? 1 : -1
                if let step {
                    guard case .int(let given) = try step(row, context) else { return .null }
                    by = given
                }
                return .array(try numbers(from: start, to: stop, by: by).map { .int($0) })
            }
        }
        // A STRING beside a DATE or timestamp is read as one.
        let pointInTime = [call.type(0), call.type(1)].first { [.date, .timestamp, .timestampNTZ].contains($0) }
        let read = { (type: SQLType) in type == .string ? pointInTime ?? type : type }
        let (first, second) = (read(call.type(0)), read(call.type(1)))
        let isDate = (first == .date || first == .null) && (second == .date || second == .null)
        guard let type = TypeCoercion.common(first, second), type == .date || type == .timestamp || type == .timestampNTZ else {
            throw call.mismatch(
                "SEQUENCE_WRONG_INPUT_TYPES",
                "`sequence` uses the wrong parameter type. The parameter type must conform to:\n"
                    + "1. The start and stop expressions must resolve to the same type.\n"
                    + "2. If start and stop expressions resolve to the (\"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"DATE\") type, then the "
                    + "step expression must resolve to the (\"INTERVAL\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\") type.\n"
                    + "3. Otherwise, if start and stop expressions resolve to the \"INTEGRAL\" type, then the step expression must "
                    + "resolve to the same type")
        }
        if call.count == 3 { return try intervalStep(call, type: type) }
        let unit: Int64 = isDate ? 1 : CivilTime.microsPerDay
        return .strict(.array(type), [call.nestedArgument(0, as: type), call.nestedArgument(1, as: type)]) { values throws(EngineError) in
            func number(_ value: SQLValue) -> Int64 {
                switch value {
                case .date(let days): Int64(days)
                case .timestamp(let micros), .timestampNTZ(let micros): micros
                default: 0
                }
            }
            let (start, stop) = (number(values[0]), number(values[1]))
            return .array(
                try numbers(from: start, to: stop, by: start <= stop ? unit : -unit).map { point in
                    switch type {
                    case .date: .date(Int32(clamping: point))
                    case .timestamp: .timestamp(point)
                    default: .timestampNTZ(point)
                    }
                })
        }
    }

    /// The integer type of an integer sequence: the wider of the integer arguments, BIGINT when a STRING stands beside
    /// one (Spark's wider common type reads the text as a BIGINT); nil when no argument (the step included) is an
    /// integer, or one is neither an integer, a STRING nor NULL.
    private static func integral(_ call: ScalarCall) -> SQLType? {
        let types = (0..<call.count).map { call.type($0) }
        guard types.contains(where: \.isIntegral) else { return nil }
        var type = SQLType.null
        for next in types where next != .null {
            guard next.isIntegral || next == .string, let wider = TypeCoercion.common(type, next == .string ? .bigint : next) else {
                return nil
            }
            type = wider
        }
        return type
    }

    /// `start, start + by, …` up to `stop`; a step of 0 or away from `stop` is Spark's "Illegal sequence boundaries".
    private static func numbers(from start: Int64, to stop: Int64, by step: Int64) throws(EngineError) -> [Int64] {
        guard (step > 0 && start <= stop) || (step < 0 && start >= stop) || (start == stop && step != 0) else {
            throw EngineError.invalidArgument(function: "sequence", message: "Illegal sequence boundaries: \(start) to \(stop) by \(step)")
        }
        let span = stop.subtractingReportingOverflow(start)
        let quotient = span.partialValue.dividedReportingOverflow(by: step)
        let count = span.overflow || quotient.overflow ? Int64.max : quotient.partialValue
        try NestedLimits.requireSize(count == Int64.max ? count : count + 1, "sequence")
        var out: [Int64] = []
        out.reserveCapacity(Int(count) + 1)
        var value = start
        for _ in 0...count {
            out.append(value)
            value = value &+ step
        }
        return out
    }
}
