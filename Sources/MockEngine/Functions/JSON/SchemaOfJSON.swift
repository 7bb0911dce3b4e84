import DBAPICore

/// `schema_of_json(json)`: the type Spark infers from a literal JSON document, as its type text
/// (`STRUCT<a: BIGINT, b: ARRAY<STRING>>`): integers BIGINT (DECIMAL(p,0) past BIGINT), other numbers
/// DOUBLE, an object's fields sorted by name, an array's elements merged (numbers to the wider, anything
/// else mixed to STRING), and NULL or nothing known as STRING.
enum SchemaOfJSON {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["schema_of_json"], arity: 1...2) { call throws(EngineError) in
            let argument = call.expr.callArguments.first ?? call.expr
            guard call.type(0) == .string || call.type(0) == .null else {
                throw EngineError.unexpectedInputType(call.expr, position: 1, required: "\"STRING\"", argument: argument, call.type(0))
            }
            guard let constant = call.constant(0) else {
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                    "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: the input `json` should be a foldable "
                        + "\"STRING\" expression; however, got \"\(argument.sqlName)\".")
            }
            guard case .string(let text) = constant else {
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.UNEXPECTED_NULL",
                    "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: The json must not be null.")
            }
            guard call.count == 1 else { throw EngineError.unsupported("schema_of_json with options") }
            let inferred: SQLType
            if text.trimmingSpaces().isEmpty {
                inferred = .string
            } else {
                guard let node = JSONNode.parse(text, .sparkReader) else {
                    throw EngineError.unsupported("schema_of_json of malformed JSON")
                }
                inferred = finished(infer(node))
            }
            let result = SQLValue.string(inferred.description)
            return CompiledExpr(constant: result, type: .string)
        }
    ]

    /// The type of one value; `.null` for a JSON null (resolved later by merging or as STRING).
    private static func infer(_ node: JSONNode) -> SQLType {
        switch node {
        case .null: return .null
        case .bool: return .boolean
        case .string: return .string
        case .number(let text):
            guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), !JSONNode.isNonNumeric(text) else { return .double }
            if Int64(text) != nil { return .bigint }
            let digits = text.filter { $0 != "-" }.count
            return digits <= SQLType.maxDecimalPrecision ? .decimal(precision: digits, scale: 0) : .double
        case .array(let items):
            return .array(items.reduce(SQLType.null) { merge($0, infer($1)) })
        case .object(let members):
            let fields = members.map { SQLStructField($0.key, infer($0.value)) }
            return .struct(sorted(fields))
        }
    }

    /// Fields in Spark's order: by name, code point by code point, repeated names kept in document order.
    private static func sorted(_ fields: [SQLStructField]) -> [SQLStructField] {
        fields.enumerated().sorted { lhs, rhs in
            lhs.element.name.unicodeScalars.lexicographicallyPrecedes(rhs.element.name.unicodeScalars)
                || (lhs.element.name == rhs.element.name && lhs.offset < rhs.offset)
        }.map(\.element)
    }

    /// Spark's `compatibleType` for inferred JSON types.
    private static func merge(_ lhs: SQLType, _ rhs: SQLType) -> SQLType {
        switch (lhs, rhs) {
        case (.null, _): return rhs
        case (_, .null): return lhs
        case _ where lhs == rhs: return lhs
        case (.double, .bigint), (.bigint, .double), (.double, .decimal), (.decimal, .double): return .double
        case let (.decimal(p1, s1), .decimal(p2, s2)):
            let scale = max(s1, s2)
            let precision = max(p1 - s1, p2 - s2) + scale
            return precision <= SQLType.maxDecimalPrecision ? .decimal(precision: precision, scale: scale) : .double
        case (.bigint, .decimal): return merge(.decimal(precision: 20, scale: 0), rhs)
        case (.decimal, .bigint): return merge(lhs, .decimal(precision: 20, scale: 0))
        case let (.array(left), .array(right)): return .array(merge(left, right))
        case let (.struct(left), .struct(right)):
            var fields = left
            for field in right {
                if let index = fields.firstIndex(where: { $0.name == field.name }) {
                    fields[index].type = merge(fields[index].type, field.type)
                } else {
                    fields.append(field)
                }
            }
            return .struct(sorted(fields))
        default: return .string
        }
    }

    /// NULL types left after merging become STRING.
    private static func finished(_ type: SQLType) -> SQLType {
        switch type {
        case .null: .string
        case .array(let element): .array(finished(element))
        case .struct(let fields): .struct(fields.map { SQLStructField($0.name, finished($0.type)) })
        default: type
        }
    }
}
