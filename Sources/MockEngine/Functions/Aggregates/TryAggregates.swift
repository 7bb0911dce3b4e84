import DBAPICore

/// `try_sum` and `try_avg`: `sum` and `avg` with their result types, NULL where those overflow.
enum TryAggregates {
    static let declarations: [AggregateDeclaration] = [
        AggregateDeclaration(names: ["try_sum"], arity: 1...1) { arguments throws(EngineError) in
            if let interval = IntervalAggregates.resolution(arguments, isAverage: false, isTry: true) { return interval }
            let type = try BasicAggregates.numericInput(arguments)
            let resultType: SQLType
            switch type {
            case _ where type.isIntegral: resultType = .bigint
            case let .decimal(precision, scale): resultType = DecimalRules.bounded(precision: precision + 10, scale: scale)
            default: resultType = .double
            }
            return AggregateResolution(resultType: resultType, argumentTypes: [type]) {
                TrySum(resultType: resultType, isAverage: false)
            }
        },
        AggregateDeclaration(names: ["try_avg"], arity: 1...1) { arguments throws(EngineError) in
            if let interval = IntervalAggregates.resolution(arguments, isAverage: true, isTry: true) { return interval }
            var (resultType, argumentType) = (SQLType.double, SQLType.double)
            if case let .decimal(precision, scale) = try BasicAggregates.numericInput(arguments) {
                (resultType, argumentType) = (DecimalRules.bounded(precision: precision + 4, scale: scale + 4), arguments.types[0])
            }
            let type = resultType
            return AggregateResolution(resultType: type, argumentTypes: [argumentType]) {
                TrySum(resultType: type, isAverage: true)
            }
        },
    ]
}

/// The running sum (exact for integers and decimals) and count of the non-NULL inputs; an overflow makes
/// the result NULL.
private struct TrySum: AggregateKernel {
    let resultType: SQLType
    let isAverage: Bool
    var count: Int64 = 0
    var integer: Int64 = 0
    var double = 0.0
    var decimal = SQLDecimal(0)
    var overflowed = false

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard let value = arguments.first, !value.isNull, !overflowed else { return }
        count += 1
        switch value {
        case .int(let number):
            let (sum, overflow) = integer.addingReportingOverflow(number)
            overflowed = overflow
            integer = sum
        case .double(let number): double += number
        case .decimal(let number):
            if let sum = decimal.adding(number) { decimal = sum } else { overflowed = true }
        default: break
        }
    }

    func result() throws(EngineError) -> SQLValue {
        guard count > 0, !overflowed else { return .null }
        switch resultType {
        case .bigint: return .int(integer)
        case let .decimal(precision, scale):
            let value = isAverage ? decimal.divided(by: SQLDecimal(count), scale: scale) : decimal
            return value.flatMap { $0.fitted(precision: precision, scale: scale) }.map { .decimal($0) } ?? .null
        default: return .double(isAverage ? double / Double(count) : double)
        }
    }
}
