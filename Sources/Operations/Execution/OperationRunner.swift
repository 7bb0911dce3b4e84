import DBAPICore
import SQLText

/// Runs operations: resolves parameters, binds each query, executes it on the backend, applies
/// pagination and the response mapping, and builds the envelope's `data` and `meta`.
public struct OperationRunner: Sendable {
    public let catalog: OperationCatalog
    public let backend: any SQLBackend

    public init(catalog: OperationCatalog, backend: any SQLBackend) {
        self.catalog = catalog
        self.backend = backend
    }

    /// The bound statements of an operation, without running anything (`dbapi render`): sensitive
    /// values are shown as `<redacted>` unless `showingSensitive`, and never in errors.
    public static func renderOnly(catalog: OperationCatalog, _ name: String, raw: [String: RawParam], showingSensitive: Bool = false)
        throws -> [BoundStatement]
    {
        let operation = try catalog.operation(name)
        var sensitive = SensitiveValues(operation, raw: raw)
        do {
            let values = try ParameterResolver.resolve(operation, raw: raw)
            sensitive = SensitiveValues(operation, raw: raw, values: values)
            let statements = try operation.queries.map { query in try bind(query, of: operation, values: values, catalog: catalog) }
            guard !showingSensitive else { return statements }
            return statements.map { statement in
                var shown = statement
                shown.inlinedSQL = sensitive.redact(statement.inlinedSQL)
                shown.nativeSQL = sensitive.redact(statement.nativeSQL)
                return shown
            }
        } catch {
            throw sensitive.redact(error)
        }
    }

    /// Sees each query's result once pagination has trimmed it and before the response mapping reads
    /// it; may reorder its rows (`dbapi test` records column types and volatile values, and sorts
    /// the rows of a query without ORDER BY, here).
    public typealias ResultObserver = @Sendable (QuerySpec, Template, inout ResultSet) -> Void

    /// Runs an operation and returns its envelope; failures become error envelopes, never throws.
    ///
    /// When `rows` is given and the operation's `data` is exactly its one query's rows (no response
    /// mapping), the rows go to `rows` as they arrive (at most a page of them) and the envelope's
    /// `data` holds everything but them; otherwise the result is collected (always, with `observe`).
    public func run(
        _ name: String, raw: [String: RawParam], meta baseMeta: JSONObject, rows sink: (any RowSink)? = nil,
        observing observe: ResultObserver? = nil
    ) async -> Envelope {
        let started = ContinuousClock.now
        var meta = JSONObject([("operation", .string(name)), ("backend", .string(backend.name))])
        for (key, value) in baseMeta.members { meta[key] = value }
        var queryMeta: [JSONValue] = []
        var sensitive = SensitiveValues()
        do {
            let operation = try catalog.operation(name)
            sensitive = SensitiveValues(operation, raw: raw)
            let values = try ParameterResolver.resolve(operation, raw: raw)
            sensitive = SensitiveValues(operation, raw: raw, values: values)
            let streams = operation.responseMapping == nil && operation.queries.count == 1 && observe == nil ? sink : nil
            var results = MappingDict()
            var tables = JSONObject()
            var pageMeta: JSONValue?
            for query in operation.queries {
                let statement = try Self.bind(query, of: operation, values: values, catalog: catalog)
                let page = operation.page(of: query, values: values)
                let queryStarted = ContinuousClock.now
                var outcome: QueryOutcome
                do {
                    outcome = try await execute(statement, page: page, streamingTo: streams, key: query.resultKey)
                } catch let error as any ReportableError {
                    throw QueryFailure(query: query.name, underlying: error)
                }
                if let page { pageMeta = page.meta(returned: outcome.rowCount, hasMore: outcome.hasMore) }
                if let observe, var collected = outcome.collected {
                    observe(query, try catalog.template(query), &collected)
                    outcome.collected = collected
                }
                var entry = JSONObject([
                    ("name", .string(query.name)), ("rows", .int(Int64(outcome.rowCount))),
                    ("duration_ms", .double(Self.milliseconds(since: queryStarted))),
                ])
                for key in outcome.properties.keys.sorted() { entry[key] = outcome.properties[key] }
                queryMeta.append(.object(entry))
                // Rows become mapping values or JSON, whichever this operation's `data` is made of.
                guard let result = outcome.collected else { continue }
                if operation.responseMapping != nil {
                    results[.string(query.resultKey)] = .list(
                        result.rows.map { row in
                            var dict = MappingDict()
                            for (column, value) in zip(result.columns, row) { dict[.string(column.name)] = MappingValue(value) }
                            return .dict(dict)
                        })
                } else {
                    tables[query.resultKey] = .array(result.jsonObjects)
                }
            }
            let data = try mapped(operation, results: results, values: values) ?? .object(tables)
            meta["duration_ms"] = .double(Self.milliseconds(since: started))
            meta["queries"] = .array(queryMeta)
            if let pageMeta { meta["pagination"] = pageMeta }
            return .success(data: data, meta: meta)
        } catch {
            meta["duration_ms"] = .double(Self.milliseconds(since: started))
            if !queryMeta.isEmpty { meta["queries"] = .array(queryMeta) }
            return .failure(reporting: sensitive.redact(error), meta: meta)
        }
    }

    /// Submits an operation's statement without waiting (`--async`): only for an operation whose `data`
    /// is exactly its one query's rows, which `dbapi result` fetches later.
    public func submit(_ name: String, raw: [String: RawParam], meta baseMeta: JSONObject) async -> Envelope {
        var meta = JSONObject([("operation", .string(name)), ("backend", .string(backend.name))])
        for (key, value) in baseMeta.members { meta[key] = value }
        var sensitive = SensitiveValues()
        do {
            let operation = try catalog.operation(name)
            sensitive = SensitiveValues(operation, raw: raw)
            guard operation.responseMapping == nil, operation.pagination == nil, operation.queries.count == 1,
                let query = operation.queries.first
            else {
                throw DBAPIError(
                    .usage,
                    "--async runs an operation whose data is the rows of its one query, unpaginated; "
                        + "\(name) has a response mapping, pagination or several queries",
                    details: ["operation": .string(name)])
            }
            let values = try ParameterResolver.resolve(operation, raw: raw)
            sensitive = SensitiveValues(operation, raw: raw, values: values)
            let statement = try Self.bind(query, of: operation, values: values, catalog: catalog)
            return .success(data: .object(try await backend.submit(statement)), meta: meta)
        } catch {
            return .failure(reporting: sensitive.redact(error), meta: meta)
        }
    }

    /// One query's rows: collected (`collected`), or handed to a sink as they arrived.
    private struct QueryOutcome {
        var collected: ResultSet?
        var rowCount: Int
        var hasMore: Bool
        var properties: [String: JSONValue]
    }

    /// Executes `statement`, trimmed to `page`: its rows go to `sink` under `key` when one is given.
    private func execute(_ statement: BoundStatement, page: Pagination.Page?, streamingTo sink: (any RowSink)?, key: String)
        async throws -> QueryOutcome
    {
        let stream = try await backend.execute(statement)
        if let sink {
            sink.begin(.objects(key: key, columns: stream.columns.map(\.name)))
            let delivery = try await RowStreamer.deliver(stream, to: sink, cap: page?.limit)
            return QueryOutcome(rowCount: delivery.rows, hasMore: delivery.hasMore, properties: stream.properties)
        }
        var result = try await stream.collect()
        let hasMore = page?.trim(&result.rows) ?? false
        return QueryOutcome(collected: result, rowCount: result.rows.count, hasMore: hasMore, properties: stream.properties)
    }

    /// Binds one query: each marker takes its parameter (via `params_map`); the pagination
    /// `:limit` receives limit + 1 so one extra row tells whether there are more.
    static func bind(_ query: QuerySpec, of operation: Operation, values: [String: SQLValue], catalog: OperationCatalog) throws
        -> BoundStatement
    {
        let template = try catalog.template(query)
        return try Binder.bind(template, name: query.name, bindings: bindings(query, of: operation, template, values: values))
    }

    /// The value and Spark type each marker of `query`'s template is bound with.
    static func bindings(_ query: QuerySpec, of operation: Operation, _ template: Template, values: [String: SQLValue])
        -> [String: Binding]
    {
        let page = operation.page(of: query, values: values)
        var bindings: [String: Binding] = [:]
        for name in template.markerNames {
            let source = query.source(ofMarker: name) ?? name
            guard let spec = operation.param(named: source) else { continue }
            var value = values[source] ?? .null
            if let page, source == "limit" { value = .int(page.boundLimit) }
            // Pagination's limit and offset, declared or added, are INT: the only type Spark's LIMIT and
            // OFFSET take (their range is checked by `Pagination.checkBounds`).
            let isPage = operation.pagination != nil && (source == "limit" || source == "offset")
            bindings[name] = Binding(value: value, type: spec.type, sqlType: isPage ? .int : spec.sqlType(for: value), param: source)
        }
        return bindings
    }

    private func mapped(_ operation: Operation, results: MappingDict, values: [String: SQLValue]) throws -> JSONValue? {
        guard let mapping = operation.responseMapping else { return nil }
        var params = MappingDict()
        for spec in operation.params { params[.string(spec.name)] = MappingValue(values[spec.name] ?? .null) }
        let scope: [String: MappingValue] = ["results": .dict(results), "params": .dict(params)]
        var data = JSONObject()
        var size = MappingResultSize(MappingLimits())
        for (key, expression) in mapping {
            do {
                let value = try expression.evaluate(scope)
                try size.add(value)
                data[key] = value.json
            } catch {
                throw MappingFailure(key: key, underlying: error)
            }
        }
        return .object(data)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        return Double(micros) / 1000
    }
}
