import DBAPICore

/// The cast functions `string(x)`, `boolean(x)`, `date(x)`, `timestamp(x)` and `binary(x)`: `CAST(x AS type)`
/// under the type's name, with the cast's ANSI errors; Spark names the column after the argument alone. The
/// numeric ones are `NumericCastFunctions`.
enum CastFunctions {
    static let declarations: [ScalarDeclaration] = [
        ("string", .string), ("boolean", .boolean), ("date", .date), ("timestamp", .timestamp), ("binary", .binary),
    ].map { (name: String, type: SQLType) in
        ScalarDeclaration(names: [name], arity: 1...1, printer: { _, arguments in arguments.count == 1 ? arguments.first : nil }) {
            call throws(EngineError) in
            let operand = call.arguments[0]
            guard Cast.isSupported(from: operand.type, to: type) else {
                throw call.mismatch("cannot cast \(operand.type) to \(type)")
            }
            let (inner, source) = (operand.evaluate, operand.type)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                try Cast.value(try inner(row, context), from: source, to: type)
            }
        }
    }
}
