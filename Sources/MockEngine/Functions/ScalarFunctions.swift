import DBAPICore

/// The built-in scalar functions the mock engine knows, by lower-cased name.
enum ScalarFunctions {
    static let names: [String] = [
        "abs", "array", "array_contains", "ceil", "ceiling", "char_length", "coalesce", "concat", "concat_ws",
        "current_date", "current_timestamp", "date_add", "date_format", "date_sub", "datediff", "day", "dayofmonth",
        "floor", "greatest", "if", "ifnull", "least", "length", "lower", "ltrim", "month", "now", "nullif", "nvl",
        "replace", "round", "rtrim", "size", "substr", "substring", "to_date", "trim", "upper", "year",
    ]

    static func compile(_ name: String, _ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        switch name {
        case "coalesce", "ifnull", "nvl", "nullif", "if", "greatest", "least":
            return try ConditionalFunctions.compile(name, arguments, expr)
        case "upper", "lower", "concat", "concat_ws", "substring", "substr", "length", "char_length", "trim", "ltrim",
            "rtrim", "replace":
            return try StringFunctions.compile(name, arguments, expr)
        case "round", "abs", "floor", "ceil", "ceiling":
            return try MathFunctions.compile(name, arguments, expr)
        case "current_date", "current_timestamp", "now", "date_add", "date_sub", "datediff", "year", "month", "day",
            "dayofmonth", "to_date", "date_format":
            return try DateFunctions.compile(name, arguments, expr)
        case "array", "array_contains", "size":
            return try ArrayFunctions.compile(name, arguments, expr)
        default:
            throw EngineError.unknownFunction(
                name, suggestion: NameSuggestion.closest(to: name, among: names + AggregateRegistry.names))
        }
    }

    static func requireCount(_ arguments: [CompiledExpr], _ range: ClosedRange<Int>, _ name: String) throws(EngineError) {
        guard range.contains(arguments.count) else {
            throw EngineError.wrongArgumentCount(function: name, expected: EngineError.arity(range), got: arguments.count)
        }
    }

    /// Casts a STRING argument to `type` (or passes one that already has it), as Spark's implicit casts do.
    static func argument(_ argument: CompiledExpr, as type: SQLType, _ name: String, _ expr: Expr) throws(EngineError) -> Evaluator {
        if argument.type == type || argument.type == .null { return argument.evaluate }
        let acceptable =
            argument.type == .string || (type.isNumeric && argument.type.isNumeric)
            || (type == .date && (argument.type == .timestamp || argument.type == .timestampNTZ)) || (type == .string)
            || (type == .timestamp && argument.type == .timestampNTZ)
        guard acceptable, Cast.isSupported(from: argument.type, to: type) else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "\(name) expects \(type), got \(argument.type)")
        }
        return ExpressionCompiler.coerce(argument, to: type).evaluate
    }
}

/// coalesce, ifnull/nvl, nullif, if, greatest, least.
enum ConditionalFunctions {
    static func compile(_ name: String, _ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        switch name {
        case "if":
            try ScalarFunctions.requireCount(arguments, 3...3, name)
            guard arguments[0].type == .boolean || arguments[0].type == .null else {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName, message: "if expects a BOOLEAN condition, got \(arguments[0].type)")
            }
            let type = try commonType(Array(arguments.dropFirst()), expr)
            let condition = arguments[0].evaluate
            let then = ExpressionCompiler.coerce(arguments[1], to: type).evaluate
            let otherwise = ExpressionCompiler.coerce(arguments[2], to: type).evaluate
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                if case .bool(true) = try condition(row, context) { return try then(row, context) }
                return try otherwise(row, context)
            }
        case "nullif":
            try ScalarFunctions.requireCount(arguments, 2...2, name)
            let equal = try Comparison.compile(.equal, arguments[0], arguments[1], expr).evaluate
            let first = arguments[0].evaluate
            return CompiledExpr(type: arguments[0].type) { row, context throws(EngineError) in
                if case .bool(true) = try equal(row, context) { return .null }
                return try first(row, context)
            }
        case "greatest", "least":
            try ScalarFunctions.requireCount(arguments, 2...Int.max, name)
            let type = try commonType(arguments, expr)
            let evaluators = arguments.map { ExpressionCompiler.coerce($0, to: type).evaluate }
            let wantGreater = name == "greatest"
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                var best = SQLValue.null
                for evaluate in evaluators {
                    let value = try evaluate(row, context)
                    if value.isNull { continue }
                    if best.isNull || (ValueOrder.compare(value, best) > 0) == wantGreater { best = value }
                }
                return best
            }
        default:  // coalesce, ifnull, nvl
            try ScalarFunctions.requireCount(arguments, name == "coalesce" ? 1...Int.max : 2...2, name)
            let type = try commonType(arguments, expr)
            let evaluators = arguments.map { ExpressionCompiler.coerce($0, to: type).evaluate }
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                for evaluate in evaluators {
                    let value = try evaluate(row, context)
                    if !value.isNull { return value }
                }
                return .null
            }
        }
    }

    static func commonType(_ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> SQLType {
        var type = SQLType.null
        for argument in arguments {
            guard let common = TypeCoercion.common(type, argument.type) else {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName, message: "arguments have incompatible types \(type) and \(argument.type)")
            }
            type = common
        }
        return type
    }
}

/// array(...), array_contains(array, value), size(array).
enum ArrayFunctions {
    static func compile(_ name: String, _ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        switch name {
        case "array":
            let element = try ConditionalFunctions.commonType(arguments, expr)
            let evaluators = arguments.map { ExpressionCompiler.coerce($0, to: element).evaluate }
            return CompiledExpr(type: .array(element == .null ? .string : element)) { row, context throws(EngineError) in
                var items: [SQLValue] = []
                items.reserveCapacity(evaluators.count)
                for evaluate in evaluators { items.append(try evaluate(row, context)) }
                return .array(items)
            }
        case "size":
            try ScalarFunctions.requireCount(arguments, 1...1, name)
            let inner = arguments[0].evaluate
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                if case .array(let items) = try inner(row, context) { return .int(Int64(items.count)) }
                return .int(-1)
            }
        default:  // array_contains
            try ScalarFunctions.requireCount(arguments, 2...2, name)
            guard case .array(let element) = arguments[0].type, let type = TypeCoercion.comparison(element, arguments[1].type) else {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName, message: "array_contains expects an ARRAY and a value of its element type")
            }
            let array = arguments[0].evaluate
            let needle = ExpressionCompiler.coerce(arguments[1], to: type).evaluate
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context) else { return .null }
                let value = try needle(row, context)
                if value.isNull { return .null }
                var sawNull = false
                for item in items {
                    if item.isNull { sawNull = true } else if ValueOrder.compare(item, value) == 0 { return .bool(true) }
                }
                return sawNull ? .null : .bool(false)
            }
        }
    }
}
