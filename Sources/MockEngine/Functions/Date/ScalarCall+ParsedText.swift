import DBAPICore

extension ScalarCall {
    /// Whether the datetime parsers (to_date, to_timestamp and their kin) read argument `index` as its text
    /// although it is not text: an atomic value other than STRING, DATE, a timestamp or NULL, which Spark casts
    /// to STRING first (`to_date(2024)` is 2024-01-01).
    func castsToText(_ index: Int) -> Bool {
        let type = type(index)
        return !type.isNested && ![.string, .date, .timestamp, .timestampNTZ, .null].contains(type)
    }
}
