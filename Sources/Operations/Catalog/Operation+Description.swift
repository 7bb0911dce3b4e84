import DBAPICore

extension Operation {
    /// The operation's line in `dbapi list`: name, description, parameter names, number of queries.
    public var listEntry: JSONValue {
        .object(
            JSONObject([
                ("name", .string(name)), ("description", summary.map { .string($0) } ?? .null),
                ("params", .string(params.map(\.name).joined(separator: ", "))), ("queries", .int(Int64(queries.count))),
            ]))
    }

    /// What `dbapi describe` shows: parameters with types, defaults and constraints; queries; mapping
    /// keys; pagination; where it is defined.
    public var describeEntry: JSONValue {
        let params = self.params.map { spec in
            JSONValue.object(
                JSONObject([
                    ("name", .string(spec.name)), ("type", .string(spec.type.description)),
                    ("required", .bool(spec.isRequired)), ("nullable", .bool(spec.isNullable)),
                    ("default", spec.defaultValue.map { spec.isSensitive ? .string(SensitiveValues.placeholder) : $0 } ?? .null),
                    ("expected", .string(spec.expected)), ("description", spec.summary.map { .string($0) } ?? .null),
                    ("sensitive", .bool(spec.isSensitive)),
                ]))
        }
        let queries = self.queries.map { query in
            JSONValue.object(
                JSONObject([
                    ("name", .string(query.name)), ("template", .string("queries/\(query.name).sql")),
                    ("result_key", .string(query.resultKey)),
                ]))
        }
        var data = JSONObject([
            ("name", .string(name)), ("description", summary.map { .string($0) } ?? .null),
            ("type", .string(kind.rawValue)), ("params", .array(params)), ("queries", .array(queries)),
            ("response_mapping", responseMapping.map { .array($0.map { .string($0.key) }) } ?? .null),
        ])
        if let pagination {
            data["pagination"] = .object(
                JSONObject([
                    ("default_limit", .int(Int64(pagination.defaultLimit))), ("max_limit", .int(Int64(pagination.maxLimit))),
                ]))
        }
        data["defined_in"] = .string(file + (line.map { ":\($0)" } ?? ""))
        return .object(data)
    }
}
