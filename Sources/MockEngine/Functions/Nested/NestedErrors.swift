import DBAPICore

/// Spark's errors for ARRAY, MAP and STRUCT values, with its error classes and messages.
extension EngineError {
    /// `a[i]` outside the array (ANSI mode).
    static func invalidArrayIndex(_ index: Int64, count: Int) -> EngineError {
        .classified(
            errorClass: "INVALID_ARRAY_INDEX", sqlState: "22003",
            message: "The index \(index) is out of bounds. The array has \(count) elements. Use the SQL function `get()` to "
                + "tolerate accessing element at invalid index and return NULL instead.")
    }

    /// `element_at(a, i)` outside the array (ANSI mode).
    static func invalidElementAtIndex(_ index: Int64, count: Int) -> EngineError {
        .classified(
            errorClass: "INVALID_ARRAY_INDEX_IN_ELEMENT_AT", sqlState: "22003",
            message: "The index \(index) is out of bounds. The array has \(count) elements. Use `try_element_at` to tolerate "
                + "accessing element at invalid index and return NULL instead.")
    }

    /// `element_at(a, 0)`, also under `try_element_at`.
    static let indexOfZero = EngineError.classified(
        errorClass: "INVALID_INDEX_OF_ZERO", sqlState: "22003",
        message: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).")

    static let nullMapKey = EngineError.classified(errorClass: "NULL_MAP_KEY", sqlState: "2200E", message: "Cannot use null as map key.")

    static func duplicateMapKey(_ key: SQLValue, _ type: SQLType) -> EngineError {
        .classified(
            errorClass: "DUPLICATED_MAP_KEY", sqlState: "23505",
            message: "Duplicate map key \(Cast.string(key, type: type)) was found, please check the input data.")
    }

    /// `s.z` for a field STRUCT `s` does not have.
    static func fieldNotFound(_ name: String, among fields: [SQLStructField]) -> EngineError {
        .classified(
            errorClass: "FIELD_NOT_FOUND", sqlState: "42704",
            message: "No such struct field `\(name)` in \(fields.map { "`\($0.name)`" }.joined(separator: ", ")).")
    }

    /// `x[i]` or `x.f` on a value that is not an ARRAY, MAP or STRUCT.
    static func invalidExtractBase(_ expression: String, _ type: SQLType) -> EngineError {
        .classified(
            errorClass: "INVALID_EXTRACT_BASE_FIELD_TYPE", sqlState: "42000",
            message: "Can't extract a value from \"\(expression)\". Need a complex type [STRUCT, ARRAY, MAP] but got \"\(type)\".")
    }

    /// An argument of the wrong type, as Spark's `DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE` words it.
    static func unexpectedInputType(_ expression: Expr, position: Int, required: String, argument: Expr, _ type: SQLType) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            "Cannot resolve \"\(expression.sqlName)\" due to data type mismatch: The \(EngineError.ordinalWord(position - 1)) parameter requires the "
                + "\(required) type, however \"\(argument.sqlName)\" has the type \"\(type)\".")
    }

    /// A CAST to or from a nested type that Spark cannot do.
    static func castWithoutSuggestion(_ operand: Expr, from source: SQLType, to target: SQLType) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
            "Cannot resolve \"\(operand.sqlName)\" due to data type mismatch: cannot cast \"\(source)\" to \"\(target)\".")
    }

    /// A MAP where Spark needs an orderable or comparable type.
    static func invalidOrderingType(_ expression: String, operator name: String, _ type: SQLType) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
            "Cannot resolve \"\(expression)\" due to data type mismatch: The `\(name)` does not support ordering on type \"\(type)\".")
    }

    /// A MAP column where rows must be told apart by value (DISTINCT, UNION, INTERSECT, EXCEPT).
    static func requireNoMapColumns(_ columns: [ScopeColumn]) throws(EngineError) {
        guard let column = columns.first(where: { !$0.type.isOrderable }) else { return }
        throw EngineError.classified(
            errorClass: "UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE", sqlState: "0A000",
            message: "The feature is not supported: Cannot have MAP type columns in a set operation (INTERSECT, EXCEPT, etc.), "
                + "but the type of column `\(column.name)` is \"\(column.type)\".")
    }

    /// An ORDER BY key of a type that cannot be ordered (a MAP).
    static func requireOrderable(_ item: OrderItem, _ type: SQLType) throws(EngineError) {
        guard !type.isOrderable else { return }
        let order = (item.isAscending ? " ASC" : " DESC") + (item.effectiveNullsFirst ? " NULLS FIRST" : " NULLS LAST")
        throw invalidOrderingType(item.expression.sqlName + order, operator: "sortorder", type)
    }
}
