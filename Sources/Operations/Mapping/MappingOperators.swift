import DBAPICore
import Foundation

/// Python's operators over `MappingValue`s: arithmetic with int/float/Decimal promotion here;
/// comparisons, membership, subscripts and slices in the extensions. Every operator charges its
/// work and the size of what it builds to the evaluation's `MappingBudget`, before building it.
enum MappingOperators {
    enum Number {
        case int(Int64), float(Double), decimal(SQLDecimal)
    }

    static func number(_ value: MappingValue) -> Number? {
        switch value {
        case .bool(let flag): .int(flag ? 1 : 0)
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .decimal(let number): .decimal(number)
        default: nil
        }
    }

    static func double(_ number: Number) -> Double {
        switch number {
        case .int(let value): Double(value)
        case .float(let value): value
        case .decimal(let value): value.doubleValue
        }
    }

    static func decimal(_ number: Number) -> SQLDecimal? {
        switch number {
        case .int(let value): SQLDecimal(value)
        case .decimal(let value): value
        case .float: nil
        }
    }

    static func unsupported(_ op: MappingArithmetic, _ a: MappingValue, _ b: MappingValue) -> MappingError {
        .typeError("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    static func unary(_ op: MappingSign, _ value: MappingValue) throws(MappingError) -> MappingValue {
        switch (op, number(value)) {
        case (.plus, .some): return value
        case (.minus, .int(let number)?):
            guard number != Int64.min else { throw .valueError("integer result too large") }
            return .int(-number)
        case (.minus, .float(let number)?): return .float(-number)
        case (.minus, .decimal(let number)?): return .decimal(number.negated)
        default: throw .typeError("bad operand type for unary \(op.rawValue): '\(value.typeName)'")
        }
    }

    static func binary(_ op: MappingArithmetic, _ a: MappingValue, _ b: MappingValue, budget: inout MappingBudget) throws(MappingError)
        -> MappingValue
    {
        switch (op, a, b) {
        case let (.add, .string(x), .string(y)):
            try budget.build(bytes: x.utf8.count + y.utf8.count)
            return .string(x + y)
        case let (.add, .list(x), .list(y)):
            try budget.build(items: x.count + y.count)
            return .list(x + y)
        case let (.multiply, .string(text), .int(times)), let (.multiply, .int(times), .string(text)):
            let count = Int(clamping: max(0, times))
            let (size, overflow) = text.utf8.count.multipliedReportingOverflow(by: count)
            if overflow { throw .tooManyBytes(limit: budget.limits.bytes) }
            try budget.build(bytes: size)
            return .string(size == 0 ? "" : String(repeating: text, count: count))
        case let (.multiply, .list(items), .int(times)), let (.multiply, .int(times), .list(items)):
            let count = Int(clamping: max(0, times))
            let (size, overflow) = items.count.multipliedReportingOverflow(by: count)
            if overflow { throw .tooLarge(limit: budget.limits.items) }
            try budget.build(items: size)
            var repeated: [MappingValue] = []
            repeated.reserveCapacity(size)
            for _ in 0..<(size == 0 ? 0 : count) { repeated += items }
            return .list(repeated)
        default: break
        }
        guard let x = number(a), let y = number(b) else { throw unsupported(op, a, b) }
        switch (x, y) {
        case let (.int(l), .int(r)): return try integer(op, l, r)
        case (.float, _), (_, .float): return try floating(op, double(x), double(y))
        default:
            guard let l = decimal(x), let r = decimal(y) else { throw unsupported(op, a, b) }
            return try exact(op, l, r)
        }
    }

    private static func integer(_ op: MappingArithmetic, _ a: Int64, _ b: Int64) throws(MappingError) -> MappingValue {
        let tooLarge = MappingError.valueError("integer result too large")
        switch op {
        case .add:
            let (value, overflow) = a.addingReportingOverflow(b)
            if overflow { throw tooLarge }
            return .int(value)
        case .subtract:
            let (value, overflow) = a.subtractingReportingOverflow(b)
            if overflow { throw tooLarge }
            return .int(value)
        case .multiply:
            let (value, overflow) = a.multipliedReportingOverflow(by: b)
            if overflow { throw tooLarge }
            return .int(value)
        case .divide:
            guard b != 0 else { throw .divisionByZero }
            return .float(Double(a) / Double(b))
        case .floorDivide, .modulo:
            guard b != 0 else { throw .divisionByZero }
            guard !(a == Int64.min && b == -1) else { throw tooLarge }
            var quotient = a / b
            var remainder = a % b
            if remainder != 0, (remainder < 0) != (b < 0) {
                quotient -= 1
                remainder += b
            }
            return .int(op == .floorDivide ? quotient : remainder)
        case .power:
            guard b >= 0 else { return .float(pow(Double(a), Double(b))) }
            var result: Int64 = 1
            for _ in 0..<min(b, 64) {
                let (value, overflow) = result.multipliedReportingOverflow(by: a)
                if overflow { throw tooLarge }
                result = value
            }
            if b > 64, abs(a) > 1 { throw tooLarge }
            return .int(b > 64 && a == -1 && b % 2 == 1 ? -1 : result)
        }
    }

    private static func floating(_ op: MappingArithmetic, _ a: Double, _ b: Double) throws(MappingError) -> MappingValue {
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .divide:
            guard b != 0 else { throw .divisionByZero }
            return .float(a / b)
        case .floorDivide:
            guard b != 0 else { throw .divisionByZero }
            return .float((a / b).rounded(.down))
        case .modulo:
            guard b != 0 else { throw .divisionByZero }
            let remainder = a.truncatingRemainder(dividingBy: b)
            return .float(remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder)
        case .power: return .float(pow(a, b))
        }
    }

    private static func exact(_ op: MappingArithmetic, _ a: SQLDecimal, _ b: SQLDecimal) throws(MappingError) -> MappingValue {
        let result: SQLDecimal?
        switch op {
        case .add: result = a.adding(b)
        case .subtract: result = a.subtracting(b)
        case .multiply: result = a.multiplied(by: b)
        case .divide:
            guard b.unscaled != 0 else { throw .divisionByZero }
            result = a.divided(by: b, scale: min(max(a.scale, b.scale, 6) + 6, 28))?.normalized
        case .modulo, .floorDivide:
            guard b.unscaled != 0 else { throw .divisionByZero }
            let remainder = a.remainder(dividingBy: b)
            if op == .modulo {
                result = remainder
            } else {
                result = remainder.flatMap { a.subtracting($0) }.flatMap { $0.divided(by: b, scale: 0) }
            }
        case .power:
            return .float(pow(a.doubleValue, b.doubleValue))
        }
        return .decimal(try bounded(result))
    }

    /// A decimal result as a mapping value: exact, and at most 38 digits like every SQL decimal.
    static func bounded(_ result: SQLDecimal?) throws(MappingError) -> SQLDecimal {
        guard let result, result.digitCount <= SQLType.maxDecimalPrecision else {
            throw .valueError("decimal result needs more than \(SQLType.maxDecimalPrecision) digits")
        }
        return result
    }
}
