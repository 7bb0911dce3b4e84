import DBAPICore

/// named_struct('a', x, 'b', y) and struct(x, y): STRUCT values. `struct` names a field by its alias
/// (`struct(1 AS k)`), after a column it is given (`struct(t.x)` has field `x`), else `col1`, `col2`, ….
enum StructFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["named_struct"], arity: 0...Int.max) { call throws(EngineError) in
            guard call.count % 2 == 0 else {
                throw EngineError.wrongArgumentCount(function: "named_struct", expected: "2n (n > 0)", got: call.count)
            }
            var fields: [SQLStructField] = []
            for index in stride(from: 0, to: call.count, by: 2) {
                guard case .string(let name)? = call.constant(index) else {
                    throw call.mismatch(
                        "CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
                        "Only foldable `STRING` expressions are allowed to appear at odd position, but they are ["
                            + stride(from: 0, to: call.count, by: 2).map { "\"\(call.argumentExpr($0)?.sqlName ?? "")\"" }
                            .joined(separator: ", ") + "]")
                }
                fields.append(SQLStructField(name, call.type(index + 1)))
            }
            return build(fields, stride(from: 1, to: call.count, by: 2).map { call.arguments[$0].evaluate })
        },
        ScalarDeclaration(names: ["struct"], arity: 0...Int.max) { call throws(EngineError) in
            let fields = (0..<call.count).map { index in
                var name = "col\(index + 1)"
                switch call.argumentExpr(index) {
                case .aliased(_, let alias)?: name = alias
                case .column(let parts)?: name = parts.last ?? name
                default: break
                }
                return SQLStructField(name, call.type(index))
            }
            return build(fields, call.arguments.map(\.evaluate))
        },
    ]

    private static func build(_ fields: [SQLStructField], _ values: [Evaluator]) -> CompiledExpr {
        let names = fields.map(\.name)
        return CompiledExpr(type: .struct(fields)) { row, context throws(EngineError) in
            var out: [SQLField] = []
            out.reserveCapacity(values.count)
            for (name, value) in zip(names, values) { out.append(SQLField(name, try value(row, context))) }
            return .struct(out)
        }
    }
}
