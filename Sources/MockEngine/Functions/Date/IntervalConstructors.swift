import DBAPICore

/// `make_dt_interval([days[, hours[, mins[, secs]]]])` (INTERVAL DAY TO SECOND; seconds as DECIMAL(18,6)) and
/// `make_ym_interval([years[, months]])` (INTERVAL YEAR TO MONTH): omitted parts are 0 (and printed, as Spark
/// does), a NULL part gives NULL, a result beyond the type's range is INTERVAL_ARITHMETIC_OVERFLOW.
/// `make_interval` makes Spark's legacy CALENDAR INTERVAL, a type the mock does not have: UNSUPPORTED_FEATURE.
enum IntervalConstructors {
    private static let secondsType = SQLType.decimal(precision: 18, scale: 6)

    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(
            names: ["make_dt_interval"], arity: 0...4,
            printer: ScalarDeclaration.fillingDefaults(["0", "0", "0", "0.000000"], arity: 4)
        ) { call throws(EngineError) in
            var parts: [Evaluator] = []
            for index in 0..<3 { parts.append(try part(call, index, as: .int)) }
            let seconds = try part(call, 3, as: secondsType)
            let fields = parts
            return CompiledExpr(type: .interval(.day, .second)) { row, context throws(EngineError) in
                var values: [Int64] = []
                for field in fields {
                    guard case .int(let value) = try field(row, context) else { return .null }
                    values.append(value)
                }
                guard case .decimal(let secs) = try seconds(row, context), let micros = secs.withScale(6) else { return .null }
                var total = Int64(clamping: micros.unscaled)
                for (value, unit) in zip(values, [86_400_000_000, 3_600_000_000, 60_000_000] as [Int64]) {
                    let (product, overflow) = value.multipliedReportingOverflow(by: unit)
                    let (sum, carry) = total.addingReportingOverflow(product)
                    guard !overflow, !carry else { throw EngineError.intervalOverflow }
                    total = sum
                }
                return .interval(SQLInterval(amount: total, start: .day, end: .second))
            }
        },
        ScalarDeclaration(
            names: ["make_ym_interval"], arity: 0...2, printer: ScalarDeclaration.fillingDefaults(["0", "0"], arity: 2)
        ) { call throws(EngineError) in
            let (years, months) = (try part(call, 0, as: .int), try part(call, 1, as: .int))
            return CompiledExpr(type: .interval(.year, .month)) { row, context throws(EngineError) in
                guard case .int(let year) = try years(row, context), case .int(let month) = try months(row, context) else { return .null }
                let total = year * 12 + month  // INT parts: no 64-bit overflow
                guard Int32(exactly: total) != nil else { throw EngineError.intervalOverflow }
                return .interval(SQLInterval(amount: total, start: .year, end: .month))
            }
        },
        ScalarDeclaration(names: ["make_interval"], arity: 0...7) { _ throws(EngineError) in
            throw EngineError.unsupported("make_interval (its CALENDAR INTERVAL result type)")
        },
    ]

    /// Argument `index` cast to `type`, or the constant 0 when the call omits it.
    private static func part(_ call: ScalarCall, _ index: Int, as type: SQLType) throws(EngineError) -> Evaluator {
        guard index < call.count else {
            let zero: SQLValue = type == .int ? .int(0) : .decimal(SQLDecimal(unscaled: 0, scale: 6))
            return { _, _ in zero }
        }
        return try call.argument(index, as: type)
    }
}
