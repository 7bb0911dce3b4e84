import DBAPICore

/// Turns the raw parameters of a request into typed values for an operation.
public enum ParameterResolver {
    /// Coerces every declared parameter (defaults applied) and rejects undeclared ones.
    ///
    /// - Throws: `ParamError` for the first parameter, in declaration order, that is unknown,
    ///   missing or invalid, or a pagination `limit` or `offset` that Spark's LIMIT and OFFSET refuse.
    public static func resolve(_ operation: Operation, raw: [String: RawParam]) throws(ParamError) -> [String: SQLValue] {
        let known = operation.params.map(\.name)
        if let unknown = raw.keys.sorted().first(where: { !known.contains($0) }) {
            throw ParamError.unknown(param: unknown, known: known)
        }
        var values: [String: SQLValue] = [:]
        for spec in operation.params { values[spec.name] = try spec.coerce(raw[spec.name]) }
        if operation.pagination != nil { try Pagination.checkBounds(values, raw: raw) }
        return values
    }
}
