import DBAPICore

/// The content of a snapshot file: what an example's run produced, with nothing that changes from run
/// to run or machine to machine.
///
///     {
///       "operation": "inventory/status",
///       "example": "kit-1001",
///       "params": {"sku": "KIT-1001"},
///       "columns": {"stock": ["warehouse_id: STRING", "qty: INT", …]},
///       "unordered": ["stock"],
///       "data": {…}
///     }
///
/// An example that expects an error holds `"error": {"code": "INVALID_PARAMETER"}` instead of
/// `columns` and `data`. By rule, `meta` (correlation id, durations, statement ids) is never in it;
/// every value a volatile column produced (`QueryShape`) is `"<volatile>"` wherever it appears in
/// `data`; each `ignore` path is `"<ignored>"`; rows of a query without ORDER BY are sorted (and
/// the query listed in `unordered`). The text is indented JSON with a final newline, keys in the
/// order above and then as the operation produced them.
enum SnapshotDocument {
    static let volatileMarker = JSONValue.string("<volatile>")
    static let ignoredMarker = JSONValue.string("<ignored>")

    static func success(
        operation: String, example: OperationExample, data: JSONValue, recorded: ResultRecorder.Recorded
    ) -> JSONValue {
        var document = header(operation: operation, example: example)
        document["columns"] = .object(recorded.columns)
        if !recorded.unordered.isEmpty { document["unordered"] = .array(recorded.unordered.map { .string($0) }) }
        document["data"] = replacingVolatile(data, recorded.volatileTexts)
        return ignoring(example.ignore, in: .object(document))
    }

    static func failure(operation: String, example: OperationExample, code: ErrorCode) -> JSONValue {
        var document = header(operation: operation, example: example)
        document["error"] = .object(JSONObject([("code", .string(code.rawValue))]))
        return ignoring(example.ignore, in: .object(document))
    }

    /// The file's text.
    static func text(_ document: JSONValue) -> String { JSONWriter(pretty: true).string(document) + "\n" }

    private static func header(operation: String, example: OperationExample) -> JSONObject {
        JSONObject([("operation", .string(operation)), ("example", .string(example.name)), ("params", .object(example.params))])
    }

    private static func ignoring(_ paths: [JSONPath], in document: JSONValue) -> JSONValue {
        paths.reduce(document) { $1.replacing(in: $0, with: ignoredMarker) }
    }

    private static func replacingVolatile(_ value: JSONValue, _ texts: Set<String>) -> JSONValue {
        guard !texts.isEmpty else { return value }
        switch value {
        case .array(let items): return .array(items.map { replacingVolatile($0, texts) })
        case .object(let object):
            return .object(JSONObject(object.members.map { ($0.key, replacingVolatile($0.value, texts)) }))
        case .null, .bool: return value
        default: return texts.contains(JSONWriter().string(value)) ? volatileMarker : value
        }
    }
}
