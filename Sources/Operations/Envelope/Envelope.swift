import DBAPICore

/// The one JSON document every invocation produces: `{status, data, meta}` on success,
/// `{status, error, meta}` on failure.
public struct Envelope: Sendable {
    public var isSuccess: Bool
    public var data: JSONValue
    public var error: (any ReportableError)?
    public var meta: JSONObject
    /// For results that are a table (`dbapi query`), the columns with their Spark types.
    public var columns: [ResultColumn]?

    public static func success(data: JSONValue, meta: JSONObject, columns: [ResultColumn]? = nil) -> Envelope {
        Envelope(isSuccess: true, data: data, error: nil, meta: meta, columns: columns)
    }

    public static func failure(_ error: any ReportableError, meta: JSONObject) -> Envelope {
        Envelope(isSuccess: false, data: .null, error: error, meta: meta, columns: nil)
    }

    /// The error envelope for any error: a `ReportableError` as itself, anything else as an INTERNAL
    /// error that names it. The one place an error becomes an envelope.
    public static func failure(reporting error: any Error, meta: JSONObject) -> Envelope {
        if let reportable = error as? any ReportableError { return failure(reportable, meta: meta) }
        return failure(DBAPIError(.internal, "unexpected error: \(error)"), meta: meta)
    }

    /// The exit status: 0, or the status of the error's code.
    public var exitStatus: Int32 { error?.code.exitStatus ?? 0 }

    public var json: JSONValue {
        guard let error else {
            return .object(JSONObject([("status", .string("success")), ("data", data), ("meta", .object(meta))]))
        }
        var info = JSONObject([
            ("code", .string(error.code.rawValue)), ("message", .string(error.description)),
        ])
        if !error.details.isEmpty {
            info["details"] = .object(JSONObject(error.details.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        info["retryable"] = .bool(error.isRetryable)
        return .object(JSONObject([("status", .string("error")), ("error", .object(info)), ("meta", .object(meta))]))
    }

    /// The rows of the envelope's main table, when `data` has one: the rows of a query result, an
    /// array of objects, or the only array member of an object.
    public var table: (columns: [String], rows: [[JSONValue]])? {
        if let columns, case .array(let rows)? = data["rows"] {
            return (columns.map(\.name), rows.map { $0.array ?? [] })
        }
        var list: [JSONValue]?
        if case .array(let items) = data {
            list = items
        } else if let object = data.object {
            let arrays = object.members.filter { if case .array = $0.value { return true } else { return false } }
            if arrays.count == 1, object.members.count == 1, case .array(let items) = arrays[0].value { list = items }
        }
        guard let list, list.allSatisfy({ $0.object != nil }) else { return nil }
        var names: [String] = []
        for item in list {
            for key in item.object?.keys ?? [] where !names.contains(key) { names.append(key) }
        }
        return (names, list.map { item in names.map { item[$0] ?? .null } })
    }
}
