import DBAPICore
import SQLText

/// `dbapi query "SQL"`: ad-hoc SQL through the same binder and backend as operations.
///
/// Parameters are typed by the caller: `name:TYPE=value` (`d:date=2024-01-31`), plain `name=value`
/// as a string, or JSON values from `--params-json` typed by their JSON kind.
public enum AdHocQuery {
    /// A parameter's type as the caller named it: dbapi's kind and, for a Spark type name (`int`,
    /// `smallint`, `float`, `decimal(10,2)`, `array<tinyint>`), the exact Spark type it is bound as.
    public struct DeclaredType: Sendable, Equatable {
        public let kind: ParamType
        public let sqlType: SQLType?
    }

    /// A parameter key `name` or `name:TYPE`, split.
    public static func splitKey(_ key: String) throws(ParamError) -> (name: String, type: DeclaredType?) {
        guard let colon = key.firstIndex(of: ":") else { return (key, nil) }
        let name = String(key[..<colon])
        let typeName = String(key[key.index(after: colon)...])
        guard let kind = ParamType(name: typeName) else {
            throw ParamError.invalid(
                param: name,
                expected: "a known type after ':' (string, integer, number, decimal(p,s), boolean, date, timestamp, array<type>, "
                    + "or a Spark type: int, bigint, smallint, tinyint, double, float, timestamp_ntz)",
                received: "\"\(typeName)\"")
        }
        let isDBAPIName = ["integer", "number", "array<integer>", "array<number>"].contains(typeName.trimmingSpaces().lowercased())
        return (name, DeclaredType(kind: kind, sqlType: isDBAPIName ? nil : SQLType(sparkName: typeName)))
    }

    /// The type a JSON value binds as when the caller did not name one.
    static func inferredType(_ json: JSONValue) -> ParamType {
        switch json {
        case .int: .integer
        case .number: .decimal(precision: nil, scale: nil)
        case .double: .number
        case .bool: .boolean
        case .array(let items): .array(items.first(where: { $0 != .null }).map(inferredType) ?? .string)
        default: .string
        }
    }

    /// Binds `sql` with typed parameters.
    public static func bind(_ sql: String, params: [String: (type: DeclaredType?, raw: RawParam)]) throws -> BoundStatement {
        let template: Template
        do {
            template = try Template(parsing: sql)
        } catch {
            throw DBAPIError(.sql, "syntax error at \(error.line):\(error.column): \(error.description)")
        }
        var bindings: [String: Binding] = [:]
        for (name, entry) in params {
            var kind = entry.type?.kind
            if kind == nil, case .json(let json) = entry.raw { kind = inferredType(json) }
            let resolved = kind ?? .string
            var sqlType = entry.type?.sqlType
            var items: ParamSpec?
            if case .array(let element) = resolved {
                var elementType: SQLType?
                if case .array(let named)? = sqlType { elementType = named }
                items = ParamSpec(name: "\(name).items", type: element, sqlType: elementType)
                sqlType = nil
            }
            let spec = ParamSpec(name: name, type: resolved, isNullable: true, items: items, sqlType: sqlType)
            let value = try spec.coerce(entry.raw)
            bindings[name] = Binding(value: value, type: resolved, sqlType: spec.sqlType(for: value), param: name)
        }
        return try Binder.bind(template, name: "query", bindings: bindings)
    }

    /// Runs ad-hoc SQL; `data` is `{"columns": [{"name", "type"}], "rows": [[…]]}`. With `rows`, the
    /// rows go there as they arrive and the envelope's `data` holds everything but them.
    public static func run(
        _ sql: String, params: [String: (type: DeclaredType?, raw: RawParam)], backend: any SQLBackend, meta baseMeta: JSONObject,
        rows sink: (any RowSink)? = nil
    ) async -> Envelope {
        await result(backend: backend, meta: baseMeta, rows: sink) { try await backend.execute(try bind(sql, params: params)) }
    }

    /// Submits ad-hoc SQL without waiting (`--async`); `data` says which statement to ask for later.
    public static func submit(
        _ sql: String, params: [String: (type: DeclaredType?, raw: RawParam)], backend: any SQLBackend, meta baseMeta: JSONObject
    ) async -> Envelope {
        var meta = JSONObject([("backend", .string(backend.name))])
        for (key, value) in baseMeta.members { meta[key] = value }
        do {
            return .success(data: .object(try await backend.submit(try bind(sql, params: params))), meta: meta)
        } catch {
            return .failure(reporting: error, meta: meta)
        }
    }

    /// The envelope of the result `open` gives (a statement run now, or one submitted earlier:
    /// `dbapi result`), shaped as `run` shapes an ad-hoc query's.
    public static func result(
        backend: any SQLBackend, meta baseMeta: JSONObject, rows sink: (any RowSink)? = nil, _ open: () async throws -> ResultStream
    ) async -> Envelope {
        let started = ContinuousClock.now
        var meta = JSONObject([("backend", .string(backend.name))])
        for (key, value) in baseMeta.members { meta[key] = value }
        do {
            let stream = try await open()
            let placement = RowPlacement.arrays(columns: stream.columns)
            let data: JSONValue
            let rowCount: Int
            if let sink {
                sink.begin(placement)
                rowCount = try await RowStreamer.deliver(stream, to: sink, cap: nil).rows
                data = placement.data(rows: .array([]))
            } else {
                let result = try await stream.collect()
                rowCount = result.rows.count
                data = placement.data(rows: .array(result.rows.map { .array($0.map(\.json)) }))
            }
            for key in stream.properties.keys.sorted() { meta[key] = stream.properties[key] }
            meta["duration_ms"] = .double(OperationRunner.milliseconds(since: started))
            meta["rows"] = .int(Int64(rowCount))
            return .success(data: data, meta: meta, columns: stream.columns)
        } catch {
            meta["duration_ms"] = .double(OperationRunner.milliseconds(since: started))
            return .failure(reporting: error, meta: meta)
        }
    }
}
