import DBAPICore

/// Functions that build maps: map, map_from_arrays, map_from_entries, str_to_map, map_concat. Keys
/// are never NULL (NULL_MAP_KEY) and never repeat (DUPLICATED_MAP_KEY, Spark's ANSI policy).
enum MapConstructors {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["map"], arity: 0...Int.max) { call throws(EngineError) in
            guard call.count % 2 == 0 else {
                throw EngineError.wrongArgumentCount(function: "map", expected: "2n (n > 0)", got: call.count)
            }
            let keys = stride(from: 0, to: call.count, by: 2).map { call.arguments[$0] }
            let values = stride(from: 1, to: call.count, by: 2).map { call.arguments[$0] }
            let keyType = try ConditionalFunctions.commonType(keys) { .mapDiffTypes(call.expr.sqlName, keys: true, $0) }
            let valueType = try ConditionalFunctions.commonType(values) { .mapDiffTypes(call.expr.sqlName, keys: false, $0) }
            guard keyType.isOrderable else { throw call.unexpected(0, "orderable") }
            let pairs = zip(keys, values).map {
                (ExpressionCompiler.coerce($0, to: keyType).evaluate, ExpressionCompiler.coerce($1, to: valueType).evaluate)
            }
            return CompiledExpr(type: .map(key: keyType, value: valueType)) { row, context throws(EngineError) in
                var builder = MapBuilder(keyType: keyType)
                for (key, value) in pairs { try builder.add(try key(row, context), try value(row, context)) }
                return .map(builder.entries)
            }
        },
        ScalarDeclaration(names: ["map_from_arrays"], arity: 2...2) { call throws(EngineError) in
            let (keyType, valueType) = (try call.arrayElement(0), try call.arrayElement(1))
            return .strict(.map(key: keyType, value: valueType), [call.arguments[0].evaluate, call.arguments[1].evaluate]) {
                values throws(EngineError) in
                let (keys, items) = (values[0].items, values[1].items)
                guard keys.count == items.count else {
                    throw EngineError.invalidArgument(
                        function: "map_from_arrays", message: "The key array and value array of MapData must have the same length")
                }
                var builder = MapBuilder(keyType: keyType)
                for (key, value) in zip(keys, items) { try builder.add(key, value) }
                return .map(builder.entries)
            }
        },
        ScalarDeclaration(names: ["map_from_entries"], arity: 1...1) { call throws(EngineError) in
            guard case .array(.struct(let fields)) = call.type(0), fields.count == 2 else {
                throw call.unexpected(0, "\"ARRAY\" of pair \"STRUCT\"")
            }
            return .strict(.map(key: fields[0].type, value: fields[1].type), [call.arguments[0].evaluate]) { values throws(EngineError) in
                var builder = MapBuilder(keyType: fields[0].type)
                for entry in values[0].items {
                    guard case .struct(let pair) = entry, pair.count == 2 else { return .null }
                    try builder.add(pair[0].value, pair[1].value)
                }
                return .map(builder.entries)
            }
        },
        ScalarDeclaration(names: ["str_to_map"], arity: 1...3, printer: ScalarDeclaration.fillingDefaults([",", ":"], arity: 3)) {
            call throws(EngineError) in
            let text = try call.argument(0, exactly: .string)
            let pairDelimiter = call.count > 1 ? try call.argument(1, exactly: .string) : { @Sendable _, _ in .string(",") }
            let keyDelimiter = call.count > 2 ? try call.argument(2, exactly: .string) : { @Sendable _, _ in .string(":") }
            return .strict(.map(key: .string, value: .string), [text, pairDelimiter, keyDelimiter]) { values throws(EngineError) in
                let (pairs, separator) = (try literal(values[1].text), try literal(values[2].text))
                var builder = MapBuilder(keyType: .string)
                for pair in values[0].text.split(separator: pairs, omittingEmptySubsequences: false) {
                    let parts = pair.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
                    try builder.add(.string(String(parts[0])), parts.count > 1 ? .string(String(parts[1])) : .null)
                }
                return .map(builder.entries)
            }
        },
        ScalarDeclaration(names: ["map_concat"], arity: 0...Int.max) { call throws(EngineError) in
            var type = SQLType.map(key: .string, value: .string)
            if call.count > 0 {
                var common: SQLType?
                for index in 0..<call.count {
                    if case .map = call.type(index),
                        let widened = common.map({ TypeCoercion.common($0, call.type(index)) }) ?? call.type(index)
                    {
                        common = widened
                    } else {
                        throw call.mismatch(
                            "MAP_CONCAT_DIFF_TYPES",
                            "The `map_concat` should all be of type map, but it's ["
                                + (0..<call.count).map { "\"\(call.type($0))\"" }.joined(separator: ", ") + "]")
                    }
                }
                type = common ?? type
            }
            guard case .map(let keyType, _) = type else { throw call.mismatch("map_concat needs maps") }
            return .strict(type, (0..<call.count).map { call.nestedArgument($0, as: type) }) { values throws(EngineError) in
                var builder = MapBuilder(keyType: keyType)
                for map in values {
                    for entry in map.entries { try builder.add(entry.key, entry.value) }
                }
                return .map(builder.entries)
            }
        },
    ]

    /// A delimiter `str_to_map` can split on literally: Spark reads it as a regular expression, so one
    /// holding a regex metacharacter is refused rather than split differently.
    private static func literal(_ delimiter: String) throws(EngineError) -> String {
        guard !delimiter.isEmpty, !delimiter.contains(where: { "\\^$.|?*+()[]{}".contains($0) }) else {
            throw EngineError.unsupported("str_to_map with the delimiter '\(delimiter)' (a regular expression)")
        }
        return delimiter
    }
}

/// Collects map entries in order, refusing NULL and repeated keys as Spark does.
struct MapBuilder {
    let keyType: SQLType
    private(set) var entries: [SQLMapEntry] = []
    private var seen = Set<SQLValue>()

    init(keyType: SQLType) { self.keyType = keyType }

    mutating func add(_ key: SQLValue, _ value: SQLValue) throws(EngineError) {
        guard !key.isNull else { throw EngineError.nullMapKey }
        guard seen.insert(key).inserted else { throw EngineError.duplicateMapKey(key, keyType) }
        entries.append(SQLMapEntry(key, value))
    }
}
