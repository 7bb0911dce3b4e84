/// A statement ready for a backend, in both forms a backend may want.
///
/// - `inlinedSQL`: values rendered as escaped Spark SQL literals (mock engine, `dbapi render`).
/// - `nativeSQL` + `parameters`: the template with `:name` markers kept (arrays expanded to one
///   marker per element) and one typed parameter per marker, for servers that bind natively.
public struct BoundStatement: Sendable, Equatable {
    /// A value bound to a native marker.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: SQLValue
        public var type: SQLType

        public init(name: String, value: SQLValue, type: SQLType) {
            self.name = name
            self.value = value
            self.type = type
        }
    }

    /// The query's name (its template path), for `meta.queries` and errors.
    public var name: String
    public var inlinedSQL: String
    public var nativeSQL: String
    public var parameters: [Parameter]

    public init(name: String, inlinedSQL: String, nativeSQL: String, parameters: [Parameter]) {
        self.name = name
        self.inlinedSQL = inlinedSQL
        self.nativeSQL = nativeSQL
        self.parameters = parameters
    }
}
