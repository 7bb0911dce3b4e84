import DBAPICore

/// Access into nested values: `a[i]`, `m[k]`, `s.f` (dotted column names that reach into a nested
/// column are rewritten to these by `Expr.fieldAccess`).
extension ExpressionCompiler {
    /// `base[index]`: an ARRAY element (0-based; out of range is INVALID_ARRAY_INDEX), a MAP value
    /// (NULL when the key is absent), or a STRUCT field named by a string literal.
    func compileSubscript(_ baseExpr: Expr, _ indexExpr: Expr, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let base = try compile(baseExpr)
        let index = try compile(indexExpr)
        switch base.type {
        case .array(let element):
            guard index.type.isIntegral || index.type == .null else {
                throw EngineError.unexpectedInputType(expr, position: 2, required: "\"INTEGRAL\"", argument: indexExpr, index.type)
            }
            let (array, position) = (base.evaluate, index.evaluate)
            let item = CompiledExpr(type: element) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context), case .int(let offset) = try position(row, context) else {
                    return .null
                }
                guard offset >= 0, offset < items.count else { throw EngineError.invalidArrayIndex(offset, count: items.count) }
                return items[Int(offset)]
            }
            return NullPropagation.fold(item, [base, index], nullIntolerant: true)
        case let .map(keyType, valueType):
            // `map()[k]`: the empty map's key type is VOID. Spark tries to cast a STRING key to it and refuses any other.
            if keyType == .null, index.type == .string { throw EngineError.castWithoutSuggestion(indexExpr, from: .string, to: .null) }
            if keyType == .null, index.type != .null {
                throw EngineError.unexpectedInputType(expr, position: 2, required: "\"VOID\"", argument: indexExpr, index.type)
            }
            let value = try Self.mapLookup(base, key: index, keyType: keyType, valueType: valueType, expr)
            return NullPropagation.fold(value, [base, index], nullIntolerant: true)
        case .struct(let fields):
            guard case .string(let name)? = index.constant else {
                throw EngineError.invalidExtractBase(baseExpr.sqlName, base.type)
            }
            return try Self.structField(base, name, fields)
        default:
            throw EngineError.invalidExtractBase(baseExpr.sqlName, base.type)
        }
    }

    /// `base.name`: a STRUCT field (names match in any case) or, on a MAP, the value of key `name`.
    func compileField(_ baseExpr: Expr, _ name: String, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let base = try compile(baseExpr)
        switch base.type {
        case .struct(let fields):
            return try Self.structField(base, name, fields)
        case let .map(keyType, valueType):
            let key = CompiledExpr(constant: .string(name), type: .string)
            return try Self.mapLookup(base, key: key, keyType: keyType, valueType: valueType, expr)
        default:
            throw EngineError.invalidExtractBase(baseExpr.sqlName, base.type)
        }
    }

    private static func structField(_ base: CompiledExpr, _ name: String, _ fields: [SQLStructField]) throws(EngineError)
        -> CompiledExpr
    {
        let folded = name.lowercased()
        guard let position = fields.firstIndex(where: { $0.name.lowercased() == folded }) else {
            throw EngineError.fieldNotFound(name, among: fields)
        }
        let evaluate = base.evaluate
        return CompiledExpr(type: fields[position].type) { row, context throws(EngineError) in
            guard case .struct(let values) = try evaluate(row, context), position < values.count else { return .null }
            return values[position].value
        }
    }

    /// The value of `key` (implicitly cast to the key type) in a MAP, NULL when absent.
    static func mapLookup(
        _ base: CompiledExpr, key: CompiledExpr, keyType: SQLType, valueType: SQLType, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        let needle = try ScalarCall.implicitCast(key, to: keyType, "[]", expr)
        let map = base.evaluate
        return CompiledExpr(type: valueType) { row, context throws(EngineError) in
            guard case .map(let entries) = try map(row, context) else { return .null }
            let wanted = try needle(row, context)
            if wanted.isNull { return .null }
            return entries.first(where: { $0.key == wanted })?.value ?? .null
        }
    }
}
