import DBAPICore

/// A named operation: typed parameters, the queries it runs, and how results are shaped.
public struct Operation: Sendable {
    public let name: String
    public let summary: String?
    public let kind: OperationKind
    /// Declared parameters in declaration order (pagination adds `limit` and `offset`).
    public let params: [ParamSpec]
    /// Whether the config declared `params`; if not, `params_map` sources are implicit strings.
    public let declaresParams: Bool
    public let pagination: Pagination?
    public internal(set) var queries: [QuerySpec]
    /// `response_mapping` in declaration order, or nil for `{result_key: rows}`.
    public let responseMapping: [(key: String, expression: MappingExpression)]?
    /// The config file (relative to the root) and line that define it.
    public let file: String
    public let line: Int?
    /// The declared `examples` that `dbapi test` runs, in declaration order.
    public internal(set) var examples: [OperationExample] = []

    public func param(named name: String) -> ParamSpec? { params.first { $0.name == name } }
}

/// Pagination settings: the `limit`/`offset` parameters and their bounds.
///
/// `limit` and `offset` are bound as INT, the only type Spark accepts after LIMIT and OFFSET; the
/// query gets `limit + 1`, so `max_limit` is at most `largestLimit`.
public struct Pagination: Sendable, Equatable {
    public let defaultLimit: Int
    public let maxLimit: Int
}

/// One query of an operation: a template and how its markers map to parameters.
public struct QuerySpec: Sendable {
    /// The template name; `a/b` is `queries/a/b.sql`.
    public let name: String
    /// Marker name → parameter name, in declaration order.
    public let paramsMap: [(marker: String, param: String)]
    public let resultKey: String
    public let line: Int?
    /// Whether the query takes the page's `:limit` (directly or through `params_map`): found once, when
    /// the catalog checks the operation's templates.
    public internal(set) var takesLimit = false

    /// The parameter a marker takes its value from.
    public func source(ofMarker marker: String) -> String? {
        paramsMap.first { $0.marker == marker }?.param
    }
}

/// What kind of operation a config declares (its `type`); `simple` (run the queries, map the results) is
/// the only one today.
public enum OperationKind: String, Sendable, CaseIterable {
    case simple
}
