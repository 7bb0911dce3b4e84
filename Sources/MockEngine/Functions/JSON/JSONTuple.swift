import DBAPICore

/// `json_tuple(json, name1, name2, …)`: one row of STRING columns `c0, c1, …`, each the top-level member of
/// that name (its last occurrence, compared exactly): a string's text, NULL for a JSON null or a missing
/// member, other values as compact JSON. A document that is not a JSON object gives a row of NULLs. The
/// generator runs it as `inline` over a one-element array of that row.
enum JSONTuple {
    static let name = "json_tuple"

    /// Binds a call to its compiled arguments (all STRING, at least two).
    static func resolve(_ expr: Expr, _ arguments: [CompiledExpr]) throws(EngineError) -> GeneratePlan {
        guard arguments.count > 1 else { throw EngineError.wrongArgumentCount(function: name, expected: "> 1", got: arguments.count) }
        guard arguments.allSatisfy({ $0.type == .string }) else {
            throw EngineError.classified(
                errorClass: "DATATYPE_MISMATCH.NON_STRING_TYPE", sqlState: "42K09",
                message: "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: all arguments of the function `\(name)` must "
                    + "be strings.")
        }
        let columns = (1..<arguments.count).map { ScopeColumn(qualifier: [], name: "c\($0 - 1)", type: .string) }
        let names = columns.map(\.name)
        let json = arguments[0].evaluate
        let keys = arguments.dropFirst().map(\.evaluate)
        let row: Evaluator = { row, context throws(EngineError) in
            var node: JSONNode?
            if case .string(let text) = try json(row, context) { node = JSONNode.parse(text, .jsonTuple) }
            var fields: [SQLField] = []
            fields.reserveCapacity(keys.count)
            for (index, key) in keys.enumerated() {
                var value = SQLValue.null
                if case .object(let members)? = node, case .string(let name) = try key(row, context),
                    let member = members.last(where: { $0.key == name })?.value
                {
                    switch member {
                    case .null: break
                    case .string(let text): value = .string(text)
                    default: value = .string(member.json)
                    }
                }
                fields.append(SQLField(names[index], value))
            }
            return .array([.struct(fields)])
        }
        return GeneratePlan(kind: .inline, name: expr.sqlName, isOuter: false, columns: columns, argument: row)
    }
}

extension JSONNode.Leniency {
    /// `json_tuple`: single-quoted strings and keys are read.
    static let jsonTuple = JSONNode.Leniency(singleQuotes: true)
}
