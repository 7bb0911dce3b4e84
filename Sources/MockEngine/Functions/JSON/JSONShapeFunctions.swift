import DBAPICore

/// `json_array_length(json)` and `json_object_keys(json)`: the top-level array's element count and the
/// top-level object's keys (in document order, repeats kept), read as `get_json_object` reads JSON (one value,
/// what follows ignored); NULL for NULL, malformed text or a value of the other shape.
enum JSONShapeFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["json_array_length"], arity: 1...1) { call throws(EngineError) in
            let json = try call.argument(0, exactly: .string)
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .string(let text) = try json(row, context), case .array(let elements)? = JSONNode.parse(text) else {
                    return .null
                }
                return .int(Int64(elements.count))
            }
        },
        ScalarDeclaration(names: ["json_object_keys"], arity: 1...1) { call throws(EngineError) in
            let json = try call.argument(0, exactly: .string)
            return CompiledExpr(type: .array(.string)) { row, context throws(EngineError) in
                guard case .string(let text) = try json(row, context), case .object(let members)? = JSONNode.parse(text) else {
                    return .null
                }
                return .array(members.map { .string($0.key) })
            }
        },
    ]
}
