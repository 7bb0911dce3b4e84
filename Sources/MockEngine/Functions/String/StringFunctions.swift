import DBAPICore

/// upper, lower, concat, concat_ws, substring, length, replace.
/// Positions and lengths count Unicode code points, as Spark does.
enum StringFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["upper", "ucase"], .string, returns: .string) { value in .string(value.text.uppercased()) },
        .strict(["lower", "lcase"], .string, returns: .string) { value in .string(value.text.javaLowercased()) },
        ScalarDeclaration.strict(["length", "char_length", "character_length", "len"], .string, returns: .int) { value in
            .int(Int64(value.text.unicodeScalars.count))
        }.overloadingBinary(returns: .int) { .int(Int64($0.count)) },
        ScalarDeclaration(names: ["concat"], arity: 0...Int.max) { call throws(EngineError) in
            if call.arguments.contains(where: { $0.type.isNested }) { return try ArrayShapeFunctions.concatArrays(call) }
            if call.count > 0, call.arguments.allSatisfy({ $0.type == .binary }) { return BinaryFunctions.concat(call) }
            let parts = try (0..<call.count).map { (index) throws(EngineError) in try call.argument(index, as: .string) }
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                var out = ""
                for part in parts {  // left to right, as Spark does: nothing after a NULL is evaluated
                    guard case .string(let value) = try part(row, context) else { return .null }
                    out += value
                }
                return .string(out)
            }
        },
        ScalarDeclaration(names: ["concat_ws"], arity: 1...Int.max) { call throws(EngineError) in
            let separator = try call.argument(0, as: .string)
            let parts = try (1..<call.count).map { (index) throws(EngineError) -> Evaluator in
                if case .array = call.type(index) { return call.arguments[index].evaluate }
                return try call.argument(index, as: .string)
            }
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                let glue = try separator(row, context)
                var pieces: [String] = []
                for part in parts {
                    switch try part(row, context) {
                    case .string(let value): pieces.append(value)
                    case .array(let items): pieces += items.compactMap { $0.isNull ? nil : $0.description }
                    default: continue  // NULLs are skipped
                    }
                }
                guard case .string(let glue) = glue else { return .null }  // after every part, as Spark evaluates them
                return .string(pieces.joined(separator: glue))
            }
        },
        ScalarDeclaration(
            names: ["substring", "substr"], arity: 2...3, printer: ScalarDeclaration.fillingDefaults([String(Int32.max)], arity: 3)
        ) { call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            let start = try call.argument(1, as: .int)
            let length = call.count == 3 ? try call.argument(2, as: .int) : nil
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
        }.refusingBinary(),
        ScalarDeclaration(names: ["replace"], arity: 2...3, printer: ScalarDeclaration.fillingDefaults([""], arity: 3)) {
            call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            let search = try call.argument(1, as: .string)
            let replacement = call.count == 3 ? try call.argument(2, as: .string) : nil
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
        },
    ]

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
