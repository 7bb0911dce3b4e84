import DBAPICore

/// upper, lower, concat, concat_ws, substring, length, trim, ltrim, rtrim, replace.
/// Positions and lengths count Unicode code points, as Spark does.
enum StringFunctions {
    static func compile(_ name: String, _ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        switch name {
        case "upper", "lower":
            try ScalarFunctions.requireCount(arguments, 1...1, name)
            let text = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
            let isUpper = name == "upper"
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .string(isUpper ? value.uppercased() : value.lowercased())
            }
        case "concat":
            let parts = try arguments.map { (argument) throws(EngineError) in
                try ScalarFunctions.argument(argument, as: .string, name, expr)
            }
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                var out = ""
                for part in parts {
                    guard case .string(let value) = try part(row, context) else { return .null }
                    out += value
                }
                return .string(out)
            }
        case "concat_ws":
            try ScalarFunctions.requireCount(arguments, 1...Int.max, name)
            let separator = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
            let parts = try arguments.dropFirst().map { (argument) throws(EngineError) -> Evaluator in
                if case .array = argument.type { return argument.evaluate }
                return try ScalarFunctions.argument(argument, as: .string, name, expr)
            }
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let glue) = try separator(row, context) else { return .null }
                var pieces: [String] = []
                for part in parts {
                    switch try part(row, context) {
                    case .string(let value): pieces.append(value)
                    case .array(let items): pieces += items.compactMap { $0.isNull ? nil : $0.description }
                    default: continue  // NULLs are skipped
                    }
                }
                return .string(pieces.joined(separator: glue))
            }
        case "substring", "substr":
            try ScalarFunctions.requireCount(arguments, 2...3, name)
            let text = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
            let start = try ScalarFunctions.argument(arguments[1], as: .int, name, expr)
            let length = try arguments.count == 3 ? ScalarFunctions.argument(arguments[2], as: .int, name, expr) : nil
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), case .int(let position) = try start(row, context) else {
                    return .null
                }
                var count = Int64.max
                if let length {
                    guard case .int(let requested) = try length(row, context) else { return .null }
                    count = requested
                }
                return .string(substring(value, position, count))
            }
        case "length", "char_length":
            try ScalarFunctions.requireCount(arguments, 1...1, name)
            let text = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .int(Int64(value.unicodeScalars.count))
            }
        case "trim", "ltrim", "rtrim":
            try ScalarFunctions.requireCount(arguments, 1...1, name)
            let text = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
            let (leading, trailing) = (name != "rtrim", name != "ltrim")
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                var scalars = Substring(value).unicodeScalars[...]
                if leading { while scalars.first == " " { scalars = scalars.dropFirst() } }
                if trailing { while scalars.last == " " { scalars = scalars.dropLast() } }
                return .string(String(String.UnicodeScalarView(scalars)))
            }
        default:  // replace
            try ScalarFunctions.requireCount(arguments, 2...3, name)
            let text = try ScalarFunctions.argument(arguments[0], as: .string, name, expr)
            let search = try ScalarFunctions.argument(arguments[1], as: .string, name, expr)
            let replacement = try arguments.count == 3 ? ScalarFunctions.argument(arguments[2], as: .string, name, expr) : nil
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), case .string(let needle) = try search(row, context) else {
                    return .null
                }
                var with = ""
                if let replacement {
                    guard case .string(let given) = try replacement(row, context) else { return .null }
                    with = given
                }
                return .string(value.replacing(scalars: needle, with: with))
            }
        }
    }

    /// Spark's 1-based substring; position 0 acts as 1, negative positions count from the end.
    static func substring(_ text: String, _ position: Int64, _ length: Int64) -> String {
        let scalars = Array(text.unicodeScalars)
        let count = Int64(scalars.count)
        var start = position > 0 ? position - 1 : (position < 0 ? count + position : 0)
        var end = length == Int64.max ? count : start + max(length, 0)
        if position < 0, start < 0 {
            end = max(end, 0)
            start = 0
        }
        start = min(max(start, 0), count)
        end = min(max(end, start), count)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[Int(start)..<Int(end)])
        return String(out)
    }
}
