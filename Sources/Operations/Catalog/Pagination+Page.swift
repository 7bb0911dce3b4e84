import DBAPICore
import SQLText

extension Pagination {
    /// The page one query of a paginated operation fetches: every pagination decision in one place.
    /// The query is bound with `boundLimit` rows (one extra tells whether there are more), its result
    /// is trimmed to `limit` rows, and a stream writes at most `limit`.
    public struct Page: Sendable, Equatable {
        public let limit: Int
        public let offset: Int

        /// What `:limit` is bound to: one row more than the page.
        public var boundLimit: Int64 { Int64(limit) + 1 }

        /// Cuts rows fetched with `boundLimit` down to the page; true when rows were cut (there are more).
        public func trim<Row>(_ rows: inout [Row]) -> Bool {
            guard rows.count > limit else { return false }
            rows.removeLast(rows.count - limit)
            return true
        }

        /// `meta.pagination` for a page that returned `returned` rows.
        public func meta(returned: Int, hasMore: Bool) -> JSONValue {
            .object(
                JSONObject([
                    ("limit", .int(Int64(limit))), ("offset", .int(Int64(offset))), ("returned", .int(Int64(returned))),
                    ("has_more", .bool(hasMore)),
                ]))
        }
    }

    /// Whether a query pages: one of its template's markers takes the `limit` parameter (directly or
    /// through `params_map`).
    static func pages(_ query: QuerySpec, _ template: Template) -> Bool {
        template.markerNames.contains { (query.source(ofMarker: $0) ?? $0) == "limit" }
    }
}

extension Operation {
    /// The page `query` fetches with the resolved `values`: nil unless the operation is paginated and
    /// the query takes `:limit`.
    func page(of query: QuerySpec, values: [String: SQLValue]) -> Pagination.Page? {
        guard pagination != nil, query.takesLimit, case .int(let limit)? = values["limit"] else { return nil }
        var offset: Int64 = 0
        if case .int(let given)? = values["offset"] { offset = given }
        return Pagination.Page(limit: Int(limit), offset: Int(offset))
    }
}
