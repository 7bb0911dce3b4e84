import DBAPICore

/// Spark's errors about interval values.
extension EngineError {
    /// An interval value beyond its type's range (INTERVAL_ARITHMETIC_OVERFLOW).
    static let intervalOverflow = EngineError.analysis(
        "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION",
        "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters.")

    /// An interval divided by zero (INTERVAL_DIVIDED_BY_ZERO).
    static let intervalDividedByZero = EngineError.analysis(
        "INTERVAL_DIVIDED_BY_ZERO", "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.")

    /// Text that is not an interval of `type` (a CAST from STRING).
    static func invalidInterval(_ text: String, _ type: SQLType) -> EngineError {
        .analysis(
            "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
            "Error parsing '\(text)' to interval. Please ensure that the value provided is in a valid format for defining an "
                + "interval. You can reference the documentation for the correct format. Interval string does not match the "
                + "format of \(type) when cast to \(type.description.lowercased()): \(text).")
    }
}
