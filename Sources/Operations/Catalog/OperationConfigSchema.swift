import DBAPICore

/// The JSON Schema (draft 2020-12) of an operation config file, for editors (`dbapi schema`): every key
/// dbapi reads, its type, constraints and a description. The sample configs name it in `$schema`.
public enum OperationConfigSchema {
    /// The schema document.
    public static var document: JSONValue {
        object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("urn:dbapi:operation-config")),
            ("title", .string("dbapi operation config")),
            (
                "description",
                .string(
                    "config/operations.json or config/operations/*.json: operation name → declaration. Templates are queries/NAME.sql."
                )
            ),
            ("type", .string("object")),
            ("properties", object([("$schema", described("The JSON Schema this file follows (for editors).", type: "string"))])),
            ("additionalProperties", reference("operation")),
            (
                "$defs",
                object([
                    ("operation", operation), ("param", param), ("query", query), ("example", example), ("pagination", pagination),
                ])
            ),
        ])
    }

    private static var operation: JSONValue {
        strictObject(
            "One named operation: typed parameters, the queries it runs, how results are shaped, and examples for dbapi test.",
            required: ["execution"],
            [
                ("description", described("What the operation does (dbapi list, describe).", type: "string")),
                (
                    "type",
                    described(
                        "The operation kind; \"simple\" (the default) runs the queries and maps the results.", enumeration: ["simple"])
                ),
                (
                    "params",
                    with(
                        described(
                            "Parameter name → declaration. Without it every params_map source is an optional string.", type: "object"),
                        ("additionalProperties", reference("param")))
                ),
                ("pagination", reference("pagination")),
                (
                    "execution",
                    strictObject(
                        "The queries and the response mapping.", required: ["queries"],
                        [
                            (
                                "queries",
                                with(
                                    described("The templates run, in order.", type: "array"), ("items", reference("query")),
                                    ("minItems", .int(1)))
                            ),
                            (
                                "response_mapping",
                                with(
                                    described(
                                        "Key → expression over results and params (a safe subset of Python expressions). Without it, data is {result_key: rows}.",
                                        type: "object"),
                                    (
                                        "additionalProperties",
                                        with(.object(JSONObject([("type", .string("string"))])), ("maxLength", .int(10000)))
                                    ))
                            ),
                        ])
                ),
                (
                    "examples",
                    with(
                        described("Runs of the operation that dbapi test compares with snapshot files.", type: "array"),
                        ("items", reference("example")))
                ),
            ])
    }

    private static let typeNames = ["string", "integer", "number", "decimal", "boolean", "date", "timestamp", "array", "identifier"]

    private static var param: JSONValue {
        let count = object([("type", .string("integer")), ("minimum", .int(0))])
        let declaration = strictObject(
            "A parameter declaration.", required: [],
            [
                ("type", described("The parameter's type (default string).", enumeration: typeNames)),
                ("required", described("Whether a value must be given.", type: "boolean")),
                ("nullable", described("Whether null is accepted.", type: "boolean")),
                ("default", object([("description", .string("The value when none is given; must be valid for the declaration."))])),
                ("description", described("Shown by dbapi describe.", type: "string")),
                (
                    "sensitive",
                    described(
                        "A secret: its value is never shown in messages, render (unless --show-sensitive), describe or diffs.",
                        type: "boolean")
                ),
                (
                    "pattern",
                    with(
                        described("A regular expression the string must contain a match of (anchor with ^…$).", type: "string"),
                        ("maxLength", .int(4096)))
                ),
                ("min_length", with(count, ("description", .string("Fewest characters.")))),
                ("max_length", with(count, ("description", .string("Most characters.")))),
                ("minLength", with(count, ("description", .string("Same as min_length.")))),
                ("maxLength", with(count, ("description", .string("Same as max_length.")))),
                ("enum", with(described("The values allowed.", type: "array"), ("minItems", .int(1)))),
                ("minimum", described("Smallest value (integer, number, decimal).", type: "number")),
                ("maximum", described("Largest value (integer, number, decimal).", type: "number")),
                (
                    "precision",
                    with(described("Decimal digits in all (1–38).", type: "integer"), ("minimum", .int(1)), ("maximum", .int(38)))
                ),
                (
                    "scale",
                    with(
                        described("Decimal digits after the point (0–precision).", type: "integer"), ("minimum", .int(0)),
                        ("maximum", .int(38)))
                ),
                (
                    "items",
                    with(
                        reference("param"), ("description", .string("For arrays: the element's type name or declaration (a scalar type).")))
                ),
                ("min_items", with(count, ("description", .string("Fewest array elements.")))),
                ("max_items", with(count, ("description", .string("Most array elements.")))),
                ("minItems", with(count, ("description", .string("Same as min_items.")))),
                ("maxItems", with(count, ("description", .string("Same as max_items.")))),
                (
                    "sql_type",
                    described("The Spark type the value is bound as (INT, BIGINT, DOUBLE, DECIMAL(p,s), TIMESTAMP_NTZ, …).", type: "string")
                ),
            ])
        return object([
            ("description", .string("A type name, or a full declaration.")),
            ("oneOf", .array([described("A type name.", enumeration: typeNames), declaration])),
        ])
    }

    private static var query: JSONValue {
        strictObject(
            "One query: a template and how its markers map to parameters.", required: ["name"],
            [
                ("name", with(described("The template: a/b is queries/a/b.sql.", type: "string"), ("minLength", .int(1)))),
                (
                    "params_map",
                    with(
                        described(
                            "Template marker → parameter name; a marker not listed binds the parameter of its own name.", type: "object"),
                        ("additionalProperties", .object(JSONObject([("type", .string("string"))]))))
                ),
                ("result_key", described("Where the rows go in results (default: the query name).", type: "string")),
            ])
    }

    private static var pagination: JSONValue {
        strictObject(
            "Adds limit and offset parameters (bound as INT); a query using :limit is paginated.", required: [],
            [
                (
                    "default_limit",
                    with(described("The page size when limit is not given (default 100).", type: "integer"), ("minimum", .int(1)))
                ),
                (
                    "max_limit",
                    with(
                        described("The largest limit accepted (default 1000).", type: "integer"), ("minimum", .int(1)),
                        ("maximum", .int(Pagination.largestLimit)))
                ),
            ])
    }

    private static var example: JSONValue {
        strictObject(
            "A run of the operation checked by dbapi test against config/snapshots/OP/NAME.json.", required: ["name"],
            [
                (
                    "name",
                    with(
                        described("Unique in the operation; the snapshot's file name.", type: "string"),
                        ("pattern", .string("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")))
                ),
                ("description", described("What the example shows.", type: "string")),
                (
                    "params",
                    described(
                        "The parameters, as --params-json gives them; valid for the declaration unless expect_error is set.", type: "object"
                    )
                ),
                ("expect_error", described("The error code the run must end with.", enumeration: ErrorCode.allCases.map(\.rawValue))),
                (
                    "ignore",
                    with(
                        described("Snapshot paths left out, like data.items[*].updated_at.", type: "array"),
                        ("items", .object(JSONObject([("type", .string("string"))]))))
                ),
            ])
    }

    // MARK: - Building blocks

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }

    private static func reference(_ name: String) -> JSONValue { object([("$ref", .string("#/$defs/\(name)"))]) }

    private static func described(_ text: String, type: String) -> JSONValue {
        object([("description", .string(text)), ("type", .string(type))])
    }

    private static func described(_ text: String, enumeration: [String]) -> JSONValue {
        object([("description", .string(text)), ("enum", .array(enumeration.map { .string($0) }))])
    }

    private static func with(_ schema: JSONValue, _ members: (String, JSONValue)...) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        for (key, value) in members { object[key] = value }
        return .object(object)
    }

    private static func strictObject(_ text: String, required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
        var members: [(String, JSONValue)] = [("description", .string(text)), ("type", .string("object"))]
        if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
        members.append(("properties", object(properties)))
        members.append(("additionalProperties", .bool(false)))
        return object(members)
    }
}
