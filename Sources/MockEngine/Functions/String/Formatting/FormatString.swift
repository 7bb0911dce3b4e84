import DBAPICore

/// format_string(fmt, args…) and printf: Java's `String.format` over the values Spark passes it (STRING as
/// text, integral types as Byte/Short/Integer/Long, DATE as its day number, TIMESTAMP as microseconds,
/// DOUBLE/FLOAT as Double/Float, DECIMAL as Spark's Decimal, which only `%s` prints). Conversions `s S b B
/// c C d o x X e E f n %` are supported; `g`, `a`, `h`, `t` and nested values are UNSUPPORTED_FEATURE.
enum FormatString {
    static let declarations: [ScalarDeclaration] = ["format_string", "printf"].map { name in
        ScalarDeclaration(names: [name], arity: 1...Int.max) { call throws(EngineError) in
            let format = try call.argument(0, as: .string)
            let arguments = call.arguments.dropFirst().map { ($0.evaluate, $0.type) }
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let pattern) = try format(row, context) else { return .null }
                var values: [(SQLValue, SQLType)] = []
                for (evaluate, type) in arguments { values.append((try evaluate(row, context), type)) }
                return .string(try Self.format(pattern, values, name))
            }
        }
    }

    static func format(_ pattern: String, _ values: [(SQLValue, SQLType)], _ function: String) throws(EngineError) -> String {
        guard let pieces = JavaFormatSpecifier.parse(pattern) else { throw invalid(function, "malformed format string") }
        var out = ""
        var ordinary = 0
        var last: Int?
        for piece in pieces {
            guard case .specifier(let specifier) = piece else {
                if case .text(let text) = piece { out += text }
                continue
            }
            try StringLimits.checkResult(specifier.width ?? 0, function)
            switch specifier.conversion {
            case "%":
                out += specifier.justified("%")
                continue
            case "n":
                out += "\n"
                continue
            default: break
            }
            let index: Int
            switch specifier.source {
            case .next:
                index = ordinary
                ordinary += 1
            case .explicit(let position): index = position - 1
            case .previous:
                guard let last else { throw invalid(function, "Format specifier '%<\(specifier.conversion)'") }
                index = last
            }
            guard index < values.count else { throw invalid(function, "Format specifier '%\(specifier.conversion)'") }
            last = index
            out += try JavaFormatConversion(specifier, function).text(values[index].0, values[index].1)
            try StringLimits.checkResult(out.utf8.count, function)
        }
        return out
    }

    /// Java's exceptions from `String.format` (Spark reports them without an error class).
    static func invalid(_ function: String, _ message: String) -> EngineError {
        .invalidArgument(function: function, message: message)
    }
}
