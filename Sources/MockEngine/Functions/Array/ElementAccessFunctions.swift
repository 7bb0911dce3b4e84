import DBAPICore

/// element_at, try_element_at (1-based, negative counts from the end; on a MAP, by key) and get
/// (0-based); `a[i]` and `m[k]` are compiled by the planner (`compileSubscript`).
enum ElementAccessFunctions {
    static let declarations: [ScalarDeclaration] = [
        elementAt("element_at", tolerant: false),
        elementAt("try_element_at", tolerant: true),
        ScalarDeclaration(names: ["get"], arity: 2...2) { call throws(EngineError) in
            guard case .array(let element) = call.type(0) else { throw call.unexpected(0, "\"ARRAY\"") }
            let index = try intIndex(call, acceptingNull: true)
            return .strict(element, [call.arguments[0].evaluate, index]) { values in
                let (items, position) = (values[0].items, values[1].integer)
                return position >= 0 && position < items.count ? items[Int(position)] : .null
            }
        },
    ]

    /// element_at on an ARRAY (out of range is INVALID_ARRAY_INDEX_IN_ELEMENT_AT, or NULL when
    /// `tolerant`; index 0 is always INVALID_INDEX_OF_ZERO) or a MAP (NULL for an absent key).
    private static func elementAt(_ name: String, tolerant: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2) { call throws(EngineError) in
            if case let .map(keyType, valueType) = call.type(0) {
                if keyType == .null { return CompiledExpr(constant: .null, type: valueType) }  // map(): no key to find
                guard let common = TypeCoercion.common(keyType, call.type(1)), common == keyType else {
                    throw call.mismatch(
                        "MAP_FUNCTION_DIFF_TYPES",
                        "Input to `\(name)` should have been \"MAP\" followed by a value with same key type, but it's "
                            + "[\"\(call.type(0))\", \"\(call.type(1))\"]")
                }
                return try ExpressionCompiler.mapLookup(
                    call.arguments[0], key: call.arguments[1], keyType: keyType, valueType: valueType, call.expr)
            }
            let element = try call.arrayElement(0)
            let index = try intIndex(call)
            return .strict(element, [call.arguments[0].evaluate, index]) { values throws(EngineError) in
                let (items, position) = (values[0].items, values[1].integer)
                guard position != 0 else { throw EngineError.indexOfZero }
                let offset = position > 0 ? position - 1 : Int64(items.count) + position
                guard offset >= 0, offset < items.count else {
                    if tolerant { return .null }
                    throw EngineError.invalidElementAtIndex(position, count: items.count)
                }
                return items[Int(offset)]
            }
        }
    }

    /// The second argument as an INT index: Spark takes INT (and the smaller integers), not BIGINT; get takes a NULL too.
    private static func intIndex(_ call: ScalarCall, acceptingNull: Bool = false) throws(EngineError) -> Evaluator {
        switch call.type(1) {
        case .tinyint, .smallint, .int: return call.nestedArgument(1, as: .int)
        case .null where acceptingNull: return call.nestedArgument(1, as: .int)
        default: throw call.unexpected(1, "\"INT\"")
        }
    }
}
