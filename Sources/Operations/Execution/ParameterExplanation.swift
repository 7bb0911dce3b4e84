import DBAPICore
import SQLText

/// What `dbapi render --explain` shows for each parameter of an operation: where its value came from,
/// the raw text, the coerced value, the Spark type it is bound as, and for each marker it fills the
/// inline literal (mock backend, `render`) and the native form (warehouses: marker text and the
/// `parameters` entries).
public struct ParameterExplanation: Sendable {
    /// One parameter.
    public struct Entry: Sendable {
        public let name: String
        /// `--param`, `--params-json`, `--params-file FILE`, `default`, or `not given`.
        public let source: String
        /// The value as given (text as typed, JSON as written); nil when not given and without default.
        public let raw: String?
        public let value: SQLValue
        public let sparkType: SQLType
        public let markers: [(query: String, form: Binder.MarkerForm)]
    }

    public let entries: [Entry]
    /// The bound statements, as `render` prints them.
    public let statements: [BoundStatement]
    /// The sensitive values shown as `<redacted>` (none with `--show-sensitive`).
    let sensitive: SensitiveValues

    /// Explains the binding of operation `name` with `raw` parameters; `sources` says where each raw
    /// value came from (by parameter name).
    ///
    /// - Throws: `CatalogError` and `ParamError`, as `render` does.
    public init(
        catalog: OperationCatalog, _ name: String, raw: [String: RawParam], sources: [String: String], showingSensitive: Bool = false
    ) throws {
        let operation = try catalog.operation(name)
        let values: [String: SQLValue]
        do {
            values = try ParameterResolver.resolve(operation, raw: raw)
        } catch {
            throw SensitiveValues(operation, raw: raw).redact(error)
        }
        sensitive = showingSensitive ? SensitiveValues() : SensitiveValues(operation, raw: raw, values: values)
        var markers: [String: [(String, Binder.MarkerForm)]] = [:]
        var types: [String: SQLType] = [:]
        var statements: [BoundStatement] = []
        for query in operation.queries {
            let template = try catalog.template(query)
            let bindings = OperationRunner.bindings(query, of: operation, template, values: values)
            statements.append(try Binder.bind(template, name: query.name, bindings: bindings))
            for form in try Binder.markerForms(template, bindings: bindings) {
                guard let binding = bindings[form.marker.name] else { continue }
                markers[binding.param, default: []].append((query.name, form))
                types[binding.param] = binding.sqlType
            }
        }
        entries = operation.params.map { spec in
            let value = values[spec.name] ?? .null
            let given = raw[spec.name]
            let rawText: String? =
                switch given {
                case .text(let text)?: text
                case .json(let json)?: JSONWriter().string(json)
                case nil: spec.defaultValue.map { JSONWriter().string($0) }
                }
            let source = given != nil ? (sources[spec.name] ?? "given") : (spec.defaultValue != nil ? "default" : "not given")
            return Entry(
                name: spec.name, source: source, raw: rawText, value: value, sparkType: types[spec.name] ?? spec.sqlType(for: value),
                markers: markers[spec.name] ?? [])
        }
        self.statements = statements
    }

    /// `{"params": [{name, source, raw, value, spark_type, markers: [{query, marker, line, column, inline,
    /// native, parameters: [{name, value, type}]}]}], "queries": [{name, sql}]}`.
    public var json: JSONValue {
        let params = entries.map { entry in
            let markers = entry.markers.map { query, form in
                JSONValue.object(
                    JSONObject([
                        ("query", .string(query)), ("marker", .string(":" + form.marker.name)), ("line", .int(Int64(form.marker.line))),
                        ("column", .int(Int64(form.marker.column))), ("inline", .string(form.inline)), ("native", .string(form.native)),
                        (
                            "parameters",
                            .array(
                                form.parameters.map {
                                    .object(
                                        JSONObject([
                                            ("name", .string($0.name)), ("value", $0.value.json), ("type", .string($0.type.description)),
                                        ]))
                                })
                        ),
                    ]))
            }
            return JSONValue.object(
                JSONObject([
                    ("name", .string(entry.name)), ("source", .string(entry.source)), ("raw", entry.raw.map { .string($0) } ?? .null),
                    ("value", entry.value.json), ("spark_type", .string(entry.sparkType.description)), ("markers", .array(markers)),
                ]))
        }
        let queries = statements.map { JSONValue.object(JSONObject([("name", .string($0.name)), ("sql", .string($0.inlinedSQL))])) }
        return sensitive.redact(.object(JSONObject([("params", .array(params)), ("queries", .array(queries))])))
    }

    /// A table for people: one row per parameter and marker it fills.
    ///
    ///     PARAM  SOURCE   RAW       VALUE       TYPE    MARKER                INLINE      NATIVE
    ///     sku    --param  KIT-1001  "KIT-1001"  STRING  inventory/status:3:9  'KIT-1001'  :sku  [sku STRING "KIT-1001"]
    public var table: String {
        var rows = [["PARAM", "SOURCE", "RAW", "VALUE", "TYPE", "MARKER", "INLINE", "NATIVE"]]
        for entry in entries {
            let common = [
                entry.name, entry.source, entry.raw ?? "-", JSONWriter().string(entry.value.json), entry.sparkType.description,
            ]
            guard !entry.markers.isEmpty else {
                rows.append(common + ["-", "-", "-"])
                continue
            }
            for (query, form) in entry.markers {
                let parameters = form.parameters.map { "\($0.name) \($0.type) \(JSONWriter().string($0.value.json))" }
                let native = form.native + (parameters.isEmpty ? "" : "  [" + parameters.joined(separator: ", ") + "]")
                rows.append(common + ["\(query):\(form.marker.line):\(form.marker.column)", form.inline, native])
            }
        }
        rows = rows.map { $0.map(sensitive.redact) }
        let widths = (0..<7).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<7).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count + 2) }.joined() + row[7]
        }.joined(separator: "\n") + "\n"
    }
}
