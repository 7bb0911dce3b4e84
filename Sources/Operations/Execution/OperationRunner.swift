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

    /// The bound statements of an operation, without running anything (`dbapi render`).
    public static func renderOnly(catalog: OperationCatalog, _ name: String, raw: [String: RawParam]) throws -> [BoundStatement] {
        let operation = try catalog.operation(name)
        let values = try ParameterResolver.resolve(operation, raw: raw)
        return try operation.queries.map { query in try bind(query, of: operation, values: values, catalog: catalog) }
    }

    /// How `run` can write an operation's rows as they arrive: when its `data` is exactly the rows of its
    /// single query (no response mapping). Pagination caps the rows at `limit` (the extra row it
    /// fetches only tells whether there are more).
    public struct StreamPlan: Sendable {
        public let statement: BoundStatement
        public let query: String
        public let rowCap: Int?

        /// Labels a backend error with the query, as the collected `run` does.
        public func failure(_ error: any ReportableError) -> any ReportableError { QueryFailure(query: query, underlying: error) }
    }

    /// The stream plan of operation `name`, or nil when its `data` needs whole results.
    public func streamPlan(_ name: String, raw: [String: RawParam]) throws -> StreamPlan? {
        let operation = try catalog.operation(name)
        guard operation.responseMapping == nil, operation.queries.count == 1, let query = operation.queries.first else { return nil }
        let values = try ParameterResolver.resolve(operation, raw: raw)
        let page = operation.page(of: query, try catalog.template(query), values: values)
        return StreamPlan(
            statement: try Self.bind(query, of: operation, values: values, catalog: catalog), query: query.name, rowCap: page?.limit)
    }

    /// Sees each query's result once pagination has trimmed it and before the response mapping reads
    /// it; may reorder its rows (`dbapi test` records column types and volatile values, and sorts
    /// the rows of a query without ORDER BY, here).
    public typealias ResultObserver = @Sendable (QuerySpec, Template, inout ResultSet) -> Void

    /// Runs an operation and returns its envelope; failures become error envelopes, never throws.
    public func run(
        _ name: String, raw: [String: RawParam], meta baseMeta: JSONObject, observing observe: ResultObserver? = nil
    ) async -> Envelope {
        let started = ContinuousClock.now
        var meta = JSONObject([("operation", .string(name)), ("backend", .string(backend.name))])
        for (key, value) in baseMeta.members { meta[key] = value }
        var queryMeta: [JSONValue] = []
        do {
            let operation = try catalog.operation(name)
            let values = try ParameterResolver.resolve(operation, raw: raw)
            var results = MappingDict()
            var tables = JSONObject()
            var pageMeta: JSONValue?
            for query in operation.queries {
                let statement = try Self.bind(query, of: operation, values: values, catalog: catalog)
                let queryStarted = ContinuousClock.now
                var result: ResultSet
                var properties: [String: JSONValue] = [:]
                do {
                    let stream = try await backend.execute(statement)
                    properties = stream.properties
                    result = try await stream.collect()
                } catch let error as any ReportableError {
                    throw QueryFailure(query: query.name, underlying: error)
                }
                let template = try catalog.template(query)
                if let page = operation.page(of: query, template, values: values) {
                    let hasMore = page.trim(&result.rows)
                    pageMeta = page.meta(returned: result.rows.count, hasMore: hasMore)
                }
                observe?(query, template, &result)
                var entry = JSONObject([
                    ("name", .string(query.name)), ("rows", .int(Int64(result.rows.count))),
                    ("duration_ms", .double(Self.milliseconds(since: queryStarted))),
                ])
                for key in properties.keys.sorted() { entry[key] = properties[key] }
                queryMeta.append(.object(entry))
                // Rows become mapping values or JSON, whichever this operation's `data` is made of.
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
            return .failure(reporting: error, meta: meta)
        }
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
        let page = operation.page(of: query, template, values: values)
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
