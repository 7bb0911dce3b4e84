import DBAPICore

/// The parameter values `dbapi check` binds to plan an operation's templates: those of its first
/// example that expects success, else each parameter's default, else a value of its declared type
/// (`'x'`, `1`, `DATE'2024-01-01'`, a one-element array). What matters is the Spark type each marker is
/// bound as; an identifier has no stand-in (the table it names decides everything), so without an
/// example or default its queries are not checked.
enum CheckValues {
    static func values(for operation: Operation) -> [String: SQLValue]? {
        for example in operation.examples where example.expectedError == nil {
            if let values = try? ParameterResolver.resolve(operation, raw: example.rawParams) { return values }
        }
        var values: [String: SQLValue] = [:]
        for spec in operation.params {
            if spec.defaultValue != nil, let value = try? spec.coerce(nil) {
                values[spec.name] = value
            } else if let value = standIn(spec.type) {
                values[spec.name] = value
            } else {
                return nil
            }
        }
        return values
    }

    private static func standIn(_ type: ParamType) -> SQLValue? {
        let day: Int64 = 19_723  // 2024-01-01
        switch type {
        case .string: return .string("x")
        case .integer: return .int(1)
        case .number: return .double(1)
        case .boolean: return .bool(true)
        case .date: return .date(Int32(day))
        case .timestamp: return .timestamp(day * 86_400_000_000)
        case .decimal: return .decimal(SQLDecimal(1))
        case .identifier: return nil
        case .array(let element): return standIn(element).map { .array([$0]) }
        }
    }
}
