import DBAPICore

extension Pagination {
    /// The largest `limit`: Spark's LIMIT takes an INT, and a page is fetched with `limit + 1` rows
    /// to tell whether there are more.
    public static let largestLimit = Int64(Int32.max) - 1
    /// The largest `offset`: Spark's OFFSET takes an INT.
    public static let largestOffset = Int64(Int32.max)

    /// Checks the resolved `limit` and `offset` of a paginated operation against what Spark's LIMIT
    /// and OFFSET accept, whether pagination added them or the operation declared its own.
    ///
    /// - Throws: `ParamError.invalid` naming the parameter, its range and the value received.
    static func checkBounds(_ values: [String: SQLValue], raw: [String: RawParam]) throws(ParamError) {
        let bounds: [(name: String, largest: Int64, clause: String)] = [
            ("limit", largestLimit, "Spark's LIMIT takes an INT and one more row is fetched"),
            ("offset", largestOffset, "Spark's OFFSET takes an INT"),
        ]
        for bound in bounds {
            guard case .int(let value)? = values[bound.name], !(0...bound.largest).contains(value) else { continue }
            throw ParamError.invalid(
                param: bound.name, expected: "an integer from 0 to \(bound.largest) for pagination (\(bound.clause))",
                received: raw[bound.name]?.display ?? String(value))
        }
    }
}
