import DBAPICore
import Foundation

/// Python's operators over `MappingValue`s: arithmetic with int/float/Decimal promotion,
/// comparisons (chained by the evaluator), membership, subscripts and slices.
enum MappingOperators {
    private enum Number {
        case int(Int64), float(Double), decimal(SQLDecimal)
    }

    private static func number(_ value: MappingValue) -> Number? {
        switch value {
        case .bool(let flag): .int(flag ? 1 : 0)
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .decimal(let number): .decimal(number)
        default: nil
        }
    }

    private static func double(_ number: Number) -> Double {
        switch number {
        case .int(let value): Double(value)
        case .float(let value): value
        case .decimal(let value): value.doubleValue
        }
    }

    private static func decimal(_ number: Number) -> SQLDecimal? {
        switch number {
        case .int(let value): SQLDecimal(value)
        case .decimal(let value): value
        case .float: nil
        }
    }

    static func unsupported(_ op: String, _ a: MappingValue, _ b: MappingValue) -> MappingError {
        .typeError("unsupported operand type(s) for \(op): '\(a.typeName)' and '\(b.typeName)'")
    }

    static func unary(_ op: String, _ value: MappingValue) throws(MappingError) -> MappingValue {
        switch (op, number(value)) {
        case ("+", .some): return value
        case ("-", .int(let number)?):
            guard number != Int64.min else { throw .valueError("integer result too large") }
            return .int(-number)
        case ("-", .float(let number)?): return .float(-number)
        case ("-", .decimal(let number)?): return .decimal(number.negated)
        default: throw .typeError("bad operand type for unary \(op): '\(value.typeName)'")
        }
    }

    static func binary(_ op: String, _ a: MappingValue, _ b: MappingValue) throws(MappingError) -> MappingValue {
        switch (op, a, b) {
        case let ("+", .string(x), .string(y)): return .string(x + y)
        case let ("+", .list(x), .list(y)): return .list(x + y)
        case let ("*", .string(text), .int(times)), let ("*", .int(times), .string(text)):
            guard times < 1_000_000 else { throw .valueError("repetition count too large") }
            return .string(String(repeating: text, count: max(0, Int(times))))
        case let ("*", .list(items), .int(times)), let ("*", .int(times), .list(items)):
            guard times < 1_000_000, Int(max(0, times)) * items.count <= 1_000_000 else { throw .valueError("repetition count too large") }
            return .list(Array(repeating: items, count: max(0, Int(times))).flatMap { $0 })
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

    private static func integer(_ op: String, _ a: Int64, _ b: Int64) throws(MappingError) -> MappingValue {
        let tooLarge = MappingError.valueError("integer result too large")
        switch op {
        case "+":
            let (value, overflow) = a.addingReportingOverflow(b)
            if overflow { throw tooLarge }
            return .int(value)
        case "-":
            let (value, overflow) = a.subtractingReportingOverflow(b)
            if overflow { throw tooLarge }
            return .int(value)
        case "*":
            let (value, overflow) = a.multipliedReportingOverflow(by: b)
            if overflow { throw tooLarge }
            return .int(value)
        case "/":
            guard b != 0 else { throw .divisionByZero }
            return .float(Double(a) / Double(b))
        case "//", "%":
            guard b != 0 else { throw .divisionByZero }
            guard !(a == Int64.min && b == -1) else { throw tooLarge }
            var quotient = a / b
            var remainder = a % b
            if remainder != 0, (remainder < 0) != (b < 0) {
                quotient -= 1
                remainder += b
            }
            return .int(op == "//" ? quotient : remainder)
        default:  // **
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

    private static func floating(_ op: String, _ a: Double, _ b: Double) throws(MappingError) -> MappingValue {
        switch op {
        case "+": return .float(a + b)
        case "-": return .float(a - b)
        case "*": return .float(a * b)
        case "/":
            guard b != 0 else { throw .divisionByZero }
            return .float(a / b)
        case "//":
            guard b != 0 else { throw .divisionByZero }
            return .float((a / b).rounded(.down))
        case "%":
            guard b != 0 else { throw .divisionByZero }
            let remainder = a.truncatingRemainder(dividingBy: b)
            return .float(remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder)
        default: return .float(pow(a, b))
        }
    }

    private static func exact(_ op: String, _ a: SQLDecimal, _ b: SQLDecimal) throws(MappingError) -> MappingValue {
        let result: SQLDecimal?
        switch op {
        case "+": result = a.adding(b)
        case "-": result = a.subtracting(b)
        case "*": result = a.multiplied(by: b)
        case "/":
            guard b.unscaled != 0 else { throw .divisionByZero }
            result = a.divided(by: b, scale: min(max(a.scale, b.scale, 6) + 6, 28))?.normalized
        case "%", "//":
            guard b.unscaled != 0 else { throw .divisionByZero }
            let remainder = a.remainder(dividingBy: b)
            if op == "%" {
                result = remainder
            } else {
                result = remainder.flatMap { a.subtracting($0) }.flatMap { $0.divided(by: b, scale: 0) }
            }
        default:
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

    static func equals(_ a: MappingValue, _ b: MappingValue) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case let (.string(x), .string(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case let (.date(x), .date(y)): return x == y
        case let (.timestamp(x), .timestamp(y)): return x == y
        case let (.list(x), .list(y)): return x.count == y.count && zip(x, y).allSatisfy { equals($0, $1) }
        case let (.dict(x), .dict(y)): return x == y
        default:
            guard let x = number(a), let y = number(b) else { return false }
            return compareNumbers(x, y) == 0
        }
    }

    private static func compareNumbers(_ x: Number, _ y: Number) -> Int {
        switch (x, y) {
        case let (.int(l), .int(r)): return l < r ? -1 : (l == r ? 0 : 1)
        case (.float, _), (_, .float):
            let (l, r) = (double(x), double(y))
            return l < r ? -1 : (l == r ? 0 : 1)
        default:
            guard let l = decimal(x), let r = decimal(y) else { return 0 }
            return SQLDecimal.compare(l, r)
        }
    }

    /// Orders two values as Python's `<` does; mixing unrelated types is a TypeError.
    static func order(_ a: MappingValue, _ b: MappingValue) throws(MappingError) -> Int {
        switch (a, b) {
        case let (.string(x), .string(y)):
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : (equals(a, b) ? 0 : 1)
        case let (.date(x), .date(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.timestamp(x), .timestamp(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.list(x), .list(y)):
            for (l, r) in zip(x, y) {
                let result = try order(l, r)
                if result != 0 { return result }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default:
            guard let x = number(a), let y = number(b) else {
                throw .typeError("'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
            }
            return compareNumbers(x, y)
        }
    }

    static func compare(_ op: String, _ a: MappingValue, _ b: MappingValue) throws(MappingError) -> Bool {
        switch op {
        case "==": return equals(a, b)
        case "!=": return !equals(a, b)
        case "is": return isIdentical(a, b)
        case "is not": return !isIdentical(a, b)
        case "in": return try contains(b, a)
        case "not in": return !(try contains(b, a))
        case "<": return try order(a, b) < 0
        case "<=": return try order(a, b) <= 0
        case ">": return try order(a, b) > 0
        default: return try order(a, b) >= 0
        }
    }

    private static func isIdentical(_ a: MappingValue, _ b: MappingValue) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case let (.bool(x), .bool(y)): x == y
        default: false
        }
    }

    static func contains(_ container: MappingValue, _ item: MappingValue) throws(MappingError) -> Bool {
        switch (container, item) {
        case let (.string(text), .string(part)): return part.isEmpty || text.contains(part)
        case (.list(let items), _): return items.contains { equals($0, item) }
        case (.dict(let dict), _): return dict[item] != nil
        default: throw .typeError("argument of type '\(container.typeName)' is not iterable")
        }
    }

    static func iterate(_ value: MappingValue) throws(MappingError) -> [MappingValue] {
        switch value {
        case .list(let items): return items
        case .dict(let dict): return dict.entries.map(\.key)
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        default: throw .typeError("'\(value.typeName)' object is not iterable")
        }
    }

    static func subscriptItem(_ base: MappingValue, _ index: MappingValue) throws(MappingError) -> MappingValue {
        switch (base, index) {
        case let (.list(items), .int(position)):
            let resolved = position < 0 ? Int64(items.count) + position : position
            guard resolved >= 0, resolved < Int64(items.count) else { throw .indexOutOfRange(Int(clamping: position), count: items.count) }
            return items[Int(resolved)]
        case let (.string(text), .int(position)):
            let scalars = Array(text.unicodeScalars)
            let resolved = position < 0 ? Int64(scalars.count) + position : position
            guard resolved >= 0, resolved < Int64(scalars.count) else {
                throw .indexOutOfRange(Int(clamping: position), count: scalars.count)
            }
            return .string(String(scalars[Int(resolved)]))
        case (.dict(let dict), _):
            guard let value = dict[index] else { throw .keyNotFound(MappingValue.repr(index)) }
            return value
        default:
            throw .typeError("'\(base.typeName)' object is not subscriptable with '\(index.typeName)'")
        }
    }

    static func slice(_ base: MappingValue, _ lower: MappingValue?, _ upper: MappingValue?) throws(MappingError) -> MappingValue {
        func bound(_ value: MappingValue?, _ count: Int, _ fallback: Int) throws(MappingError) -> Int {
            guard let value, value != .none else { return fallback }
            guard case .int(let position) = value else { throw .typeError("slice indices must be integers") }
            let resolved = position < 0 ? Int64(count) + position : position
            return Int(min(max(resolved, 0), Int64(count)))
        }
        switch base {
        case .list(let items):
            let start = try bound(lower, items.count, 0)
            let end = try bound(upper, items.count, items.count)
            return .list(start < end ? Array(items[start..<end]) : [])
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            let start = try bound(lower, scalars.count, 0)
            let end = try bound(upper, scalars.count, scalars.count)
            var out = String.UnicodeScalarView()
            if start < end { out.append(contentsOf: scalars[start..<end]) }
            return .string(String(out))
        default:
            throw .typeError("'\(base.typeName)' object is not sliceable")
        }
    }
}
