import DBAPICore

/// Spark's higher-order functions over maps: `map_filter`, `transform_keys`, `transform_values`, `map_zip_with`.
/// Their lambdas take the key and the value (`map_zip_with`: the key and both values). New keys follow the map
/// constructors' rules: never NULL (NULL_MAP_KEY), never repeated (DUPLICATED_MAP_KEY).
enum MapHigherOrderFunctions {
    static let declarations = [mapFilter, transformKeys, transformValues, mapZipWith]

    /// map_filter(map, (k, v) -> …): the entries for which the predicate is true.
    private static let mapFilter = ScalarDeclaration.higherOrder(["map_filter"], arity: 2...2, functions: [1: 2]) {
        call throws(EngineError) in
        let (key, value) = try call.lambdaInputMap(0)
        let predicate = try call.predicate(1, [key, value])
        let map = call.arguments[0].evaluate
        return CompiledExpr(type: .map(key: key, value: value)) { row, context throws(EngineError) in
            guard case .map(let entries) = try map(row, context) else { return .null }
            var frame = LambdaFrame(predicate, over: row)
            var kept: [SQLMapEntry] = []
            for entry in entries where try frame(entry.key, entry.value, context) == .bool(true) { kept.append(entry) }
            return .map(kept)
        }
    }

    /// transform_keys(map, (k, v) -> …): each key replaced.
    private static let transformKeys = ScalarDeclaration.higherOrder(["transform_keys"], arity: 2...2, functions: [1: 2]) {
        call throws(EngineError) in
        let (key, value) = try call.lambdaInputMap(0)
        let function = try call.function(1, [key, value])
        let map = call.arguments[0].evaluate
        return CompiledExpr(type: .map(key: function.type, value: value)) { row, context throws(EngineError) in
            guard case .map(let entries) = try map(row, context) else { return .null }
            var frame = LambdaFrame(function, over: row)
            var builder = MapBuilder(keyType: function.type)
            for entry in entries { try builder.add(try frame(entry.key, entry.value, context), entry.value) }
            return .map(builder.entries)
        }
    }

    /// transform_values(map, (k, v) -> …): each value replaced.
    private static let transformValues = ScalarDeclaration.higherOrder(["transform_values"], arity: 2...2, functions: [1: 2]) {
        call throws(EngineError) in
        let (key, value) = try call.lambdaInputMap(0)
        let function = try call.function(1, [key, value])
        let map = call.arguments[0].evaluate
        return CompiledExpr(type: .map(key: key, value: function.type)) { row, context throws(EngineError) in
            guard case .map(let entries) = try map(row, context) else { return .null }
            var frame = LambdaFrame(function, over: row)
            var mapped: [SQLMapEntry] = []
            mapped.reserveCapacity(entries.count)
            for entry in entries { mapped.append(SQLMapEntry(entry.key, try frame(entry.key, entry.value, context))) }
            return .map(mapped)
        }
    }

    /// map_zip_with(left, right, (k, v1, v2) -> …): one entry per key of either map (the left map's keys first,
    /// in order), the missing side's value NULL; the keys are compared in their common type.
    private static let mapZipWith = ScalarDeclaration.higherOrder(["map_zip_with"], arity: 3...3, functions: [2: 3]) {
        call throws(EngineError) in
        let (left, right) = (try call.lambdaInputMap(0), try call.lambdaInputMap(1))
        guard let key = TypeCoercion.common(left.key, right.key) else {
            throw EngineError.classified(
                errorClass: "DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES", sqlState: "42K09",
                message: "Cannot resolve \"\(call.expr.unboundSQLName)\" due to data type mismatch: Input to the `map_zip_with` should "
                    + "have been two maps with compatible key types, but it's [\"\(left.key)\", \"\(right.key)\"].")
        }
        let function = try call.function(2, [key, left.value, right.value])
        let (first, second) = (call.arguments[0].evaluate, call.arguments[1].evaluate)
        return CompiledExpr(type: .map(key: key, value: function.type)) { row, context throws(EngineError) in
            guard case .map(let leftEntries) = try first(row, context), case .map(let rightEntries) = try second(row, context) else {
                return .null
            }
            var rightValues: [SQLValue: SQLValue] = [:]
            var order: [SQLValue] = []
            for entry in rightEntries {
                let common = try Cast.value(entry.key, from: right.key, to: key)
                rightValues[common] = entry.value
                order.append(common)
            }
            var frame = LambdaFrame(function, over: row)
            var zipped: [SQLMapEntry] = []
            var seen = Set<SQLValue>()
            for entry in leftEntries {
                let common = try Cast.value(entry.key, from: left.key, to: key)
                seen.insert(common)
                zipped.append(SQLMapEntry(common, try frame(common, entry.value, rightValues[common] ?? .null, context)))
            }
            for common in order where !seen.contains(common) {
                zipped.append(SQLMapEntry(common, try frame(common, .null, rightValues[common] ?? .null, context)))
            }
            return .map(zipped)
        }
    }
}
