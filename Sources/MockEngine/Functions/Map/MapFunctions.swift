import DBAPICore

/// Reading maps: map_keys, map_values, map_entries, map_contains_key.
enum MapFunctions {
    static let declarations: [ScalarDeclaration] =
        [
            ScalarDeclaration(names: ["map_keys"], arity: 1...1) { call throws(EngineError) in
                .strict(.array(try call.mapTypes(0).key), [call.arguments[0].evaluate]) { values in .array(values[0].entries.map(\.key)) }
            },
            ScalarDeclaration(names: ["map_values"], arity: 1...1) { call throws(EngineError) in
                .strict(.array(try call.mapTypes(0).value), [call.arguments[0].evaluate]) { values in
                    .array(values[0].entries.map(\.value))
                }
            },
            ScalarDeclaration(names: ["map_entries"], arity: 1...1) { call throws(EngineError) in
                let (key, value) = try call.mapTypes(0)
                let type = SQLType.array(.struct([SQLStructField("key", key), SQLStructField("value", value)]))
                return .strict(type, [call.arguments[0].evaluate]) { values in
                    .array(values[0].entries.map { .struct([SQLField("key", $0.key), SQLField("value", $0.value)]) })
                }
            },
            ScalarDeclaration(names: ["map_contains_key"], arity: 2...2) { call throws(EngineError) in
                let keyType = try call.mapTypes(0).key
                guard case .map = call.type(0), let common = TypeCoercion.common(keyType, call.type(1)), common.isOrderable else {
                    throw call.mismatch(
                        "MAP_FUNCTION_DIFF_TYPES",
                        "Input to `map_contains_key` should have been \"MAP\" followed by a value with same key type, but it's "
                            + "[\"\(call.type(0))\", \"\(call.type(1))\"]")
                }
                try call.requireTyped([1])
                let key = call.nestedArgument(1, as: common)
                return .strict(.boolean, [call.arguments[0].evaluate, key]) { values throws(EngineError) in
                    var found = false
                    for entry in values[0].entries where !found {
                        found = try Cast.value(entry.key, from: keyType, to: common) == values[1]
                    }
                    return .bool(found)
                }
            },
        ] + MapConstructors.declarations + StructFunctions.declarations
}
