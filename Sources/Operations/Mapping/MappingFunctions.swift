import DBAPICore
import Foundation

/// The built-in functions a mapping expression may call, as Python spells them.
enum MappingFunction: String, CaseIterable, Sendable {
    case abs, all, any, bool, enumerate, float, int, len, list, max, min, round, sorted, str, sum
}

/// The methods of dicts (`get`, `keys`, `values`, `items`) and strings (the rest).
enum MappingMethod: String, CaseIterable, Sendable {
    case endswith, get, items, join, keys, lower, replace, split, startswith, strip, upper, values
}

/// What the built-in functions and methods do. Each charges the items it visits and what it builds to
/// the evaluation's budget.
enum MappingFunctions {
    static func arity(_ name: String, _ arguments: [MappingValue], _ range: ClosedRange<Int>) throws(MappingError) {
        guard range.contains(arguments.count) else {
            throw .typeError(
                "\(name)() takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument(s) (\(arguments.count) given)"
            )
        }
    }

    static func call(
        _ function: MappingFunction, _ arguments: [MappingValue], _ keywords: [String: MappingValue], budget: inout MappingBudget
    ) throws(MappingError) -> MappingValue {
        let name = function.rawValue
        if let unexpected = keywords.keys.first(where: { !(function == .sorted && $0 == "reverse") && !(function == .sum && $0 == "start") }
        ) {
            throw .typeError("\(name)() got an unexpected keyword argument '\(unexpected)'")
        }
        switch function {
        case .len:
            try arity(name, arguments, 1...1)
            switch arguments[0] {
            case .list(let items): return .int(Int64(items.count))
            case .dict(let dict): return .int(Int64(dict.count))
            case .string(let text):
                try budget.scan(bytes: text.utf8.count)
                return .int(Int64(text.unicodeScalars.count))
            default: throw .typeError("object of type '\(arguments[0].typeName)' has no len()")
            }
        case .sum:
            try arity(name, arguments, 1...2)
            return try sum(
                try MappingOperators.iterate(arguments[0], budget: &budget),
                start: arguments.count == 2 ? arguments[1] : (keywords["start"] ?? .int(0)), budget: &budget)
        case .min, .max:
            guard !arguments.isEmpty else { throw .typeError("\(name) expected at least 1 argument, got 0") }
            let items = arguments.count == 1 ? try MappingOperators.iterate(arguments[0], budget: &budget) : arguments
            guard var best = items.first else { throw .valueError("\(name)() arg is an empty sequence") }
            for item in items.dropFirst() {
                let order = try MappingOperators.order(item, best, budget: &budget)
                if (function == .min && order < 0) || (function == .max && order > 0) { best = item }
            }
            return best
        case .round:
            try arity(name, arguments, 1...2)
            return try round(arguments[0], digits: arguments.count == 2 ? arguments[1] : nil)
        case .abs:
            try arity(name, arguments, 1...1)
            switch arguments[0] {
            case .int(let number):
                guard number != Int64.min else { throw .valueError("integer result too large") }
                return .int(abs(number))
            case .float(let number): return .float(abs(number))
            case .decimal(let number): return .decimal(number.unscaled < 0 ? number.negated : number)
            case .bool(let flag): return .int(flag ? 1 : 0)
            default: throw .typeError("bad operand type for abs(): '\(arguments[0].typeName)'")
            }
        case .int:
            try arity(name, arguments, 1...1)
            if case .string(let text) = arguments[0] { try budget.scan(bytes: text.utf8.count) }
            return try toInt(arguments[0])
        case .float:
            try arity(name, arguments, 1...1)
            switch arguments[0] {
            case .int(let number): return .float(Double(number))
            case .float: return arguments[0]
            case .decimal(let number): return .float(number.doubleValue)
            case .bool(let flag): return .float(flag ? 1 : 0)
            case .string(let text):
                try budget.scan(bytes: text.utf8.count)
                guard let value = SQLValue.parseDouble(text.trimmingSpaces()) else {
                    throw .valueError("could not convert string to float: '\(text)'")
                }
                return .float(value)
            default: throw .typeError("float() argument must be a string or a number, not '\(arguments[0].typeName)'")
            }
        case .str:
            try arity(name, arguments, 1...1)
            return .string(try MappingText.str(arguments[0], budget: &budget))
        case .bool:
            try arity(name, arguments, 1...1)
            return .bool(arguments[0].isTruthy)
        case .list:
            try arity(name, arguments, 0...1)
            guard let source = arguments.first else { return .list([]) }
            let items = try MappingOperators.iterate(source, budget: &budget)
            if case .list = source { try budget.build(items: items.count) }  // a copy, as in Python
            return .list(items)
        case .sorted:
            try arity(name, arguments, 1...1)
            var items = try MappingOperators.iterate(arguments[0], budget: &budget)
            try budget.build(items: items.count)
            var failure: MappingError?
            items.sort { a, b in
                guard failure == nil else { return false }  // after a failure the order no longer matters
                do throws(MappingError) {
                    return try MappingOperators.order(a, b, budget: &budget) < 0
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return .list(keywords["reverse"]?.isTruthy == true ? items.reversed() : items)
        case .enumerate:
            try arity(name, arguments, 1...1)
            let items = try MappingOperators.iterate(arguments[0], budget: &budget)
            try budget.build(items: items.count * 3)  // the list and a pair per item
            return .list(items.enumerated().map { .list([.int(Int64($0.offset)), $0.element]) })
        case .any, .all:
            try arity(name, arguments, 1...1)
            let items = try MappingOperators.iterate(arguments[0], budget: &budget)
            try budget.step(items.count)
            return .bool(function == .any ? items.contains(where: \.isTruthy) : items.allSatisfy(\.isTruthy))
        }
    }

    /// `sum(items, start)`: numbers added one by one; lists and strings concatenated in place, so
    /// summing n lists costs their items once, not n times.
    private static func sum(_ items: [MappingValue], start: MappingValue, budget: inout MappingBudget) throws(MappingError)
        -> MappingValue
    {
        switch start {
        case .list(var total):
            for item in items {
                guard case .list(let more) = item else { throw MappingOperators.unsupported(.add, .list(total), item) }
                try budget.build(items: more.count)
                total += more
            }
            return .list(total)
        case .string(var total):
            for item in items {
                guard case .string(let more) = item else { throw MappingOperators.unsupported(.add, .string(total), item) }
                try budget.build(bytes: more.utf8.count)
                total += more
            }
            return .string(total)
        default:
            var total = start
            for item in items {
                try budget.step()
                total = try MappingOperators.binary(.add, total, item, budget: &budget)
            }
            return total
        }
    }

    private static func toInt(_ value: MappingValue) throws(MappingError) -> MappingValue {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .float(let number):
            guard number.isFinite, abs(number) < 9.2e18 else { throw .valueError("cannot convert \(number) to integer") }
            return .int(Int64(number.rounded(.towardZero)))
        case .decimal(let number):
            guard let whole = number.rounded(places: 0, .towardZero), let integer = Int64(exactly: whole.unscaled)
            else {
                throw .valueError("cannot convert \(number) to integer")
            }
            return .int(integer)
        case .string(let text):
            guard let number = Int64(text.trimmingSpaces()) else { throw .valueError("invalid literal for int() with base 10: '\(text)'") }
            return .int(number)
        default: throw .typeError("int() argument must be a string or a number, not '\(value.typeName)'")
        }
    }

    /// Python's round: half to even, an int without digits, the value's type with digits.
    private static func round(_ value: MappingValue, digits: MappingValue?) throws(MappingError) -> MappingValue {
        var places = 0
        if let digits, digits != .none {
            guard case .int(let count) = digits, abs(count) <= 30 else { throw .typeError("round() digits must be an integer") }
            places = Int(count)
        }
        let exact: SQLDecimal
        switch value {
        case .int(let number): if digits == nil || places >= 0 { return value } else { exact = SQLDecimal(number) }
        case .decimal(let number): exact = number
        case .float(let number):
            // 17 significant digits expose the binary value, so 2.675 (really 2.67499…) rounds down as in Python.
            guard number.isFinite, let parsed = SQLDecimal(string: String(format: "%.17g", number)) else { return value }
            exact = parsed
        default: throw .typeError("type \(value.typeName) doesn't define __round__ method")
        }
        guard let rounded = halfEven(exact, places: places) else { throw .valueError("round() result out of range") }
        let isInteger = if case .int = value { true } else { false }
        if digits == nil || digits == MappingValue.none || isInteger {
            guard let whole = rounded.withScale(0), let integer = Int64(exactly: whole.unscaled) else {
                throw .valueError(isInteger ? "integer result too large" : "round() result out of range")
            }
            return .int(integer)
        }
        if case .float = value { return .float(rounded.doubleValue) }
        return .decimal(try MappingOperators.bounded(rounded))
    }

    /// Rounds half to even (Python's rule for both floats and Decimals).
    private static func halfEven(_ number: SQLDecimal, places: Int) -> SQLDecimal? {
        guard places < number.scale else { return number }
        var divisor: Int128 = 1
        for _ in 0..<(number.scale - places) {
            let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow { return SQLDecimal(unscaled: 0, scale: max(places, 0)) }
            divisor = next
        }
        var quotient = number.unscaled / divisor
        let twiceRemainder = (number.unscaled % divisor).magnitude * 2
        let away: Int128 = number.unscaled < 0 ? -1 : 1
        if twiceRemainder > divisor.magnitude || (twiceRemainder == divisor.magnitude && quotient % 2 != 0) {
            quotient += away
        }
        if places >= 0 { return SQLDecimal(unscaled: quotient, scale: places) }
        for _ in 0..<(-places) {
            let (next, overflow) = quotient.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            quotient = next
        }
        return SQLDecimal(unscaled: quotient, scale: 0)
    }
}
