/// Spark's SQLSTATE for each error class the mock engine raises, keyed by the class without its subclass
/// (`DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN` → `DATATYPE_MISMATCH`). Values are what PySpark 4.3.0's
/// exceptions report from `getSqlState()` (and its `error-conditions.json`).
enum SparkErrorClass {
    static let sqlStates: [String: String] = [
        "AMBIGUOUS_REFERENCE": "42704",
        "EXCEPT_OVERLAPPING_COLUMNS": "42702",
        "ARITHMETIC_OVERFLOW": "22003",
        "ASSIGNMENT_ARITY_MISMATCH": "42802",
        "CAST_INVALID_INPUT": "22018",
        "CANNOT_PARSE_TIMESTAMP": "22007",
        "CAST_OVERFLOW": "22003",
        "DATATYPE_MISMATCH": "42K09",
        "DATETIME_FIELD_OUT_OF_BOUNDS": "22023",
        "DATETIME_OVERFLOW": "22008",
        "DIVIDE_BY_ZERO": "22012",
        "DUPLICATED_CTE_NAMES": "42602",
        "FAILED_READ_FILE": "KD001",
        "FAILED_TO_PARSE_TOO_COMPLEX": "54001",
        "GROUP_BY_POS_OUT_OF_RANGE": "42805",
        "GROUPING_COLUMN_MISMATCH": "42803",
        "GROUPING_ID_COLUMN_MISMATCH": "42803",
        "INCONSISTENT_BEHAVIOR_CROSS_VERSION": "42K0B",
        "ILLEGAL_DAY_OF_WEEK": "22009",
        "INTERVAL_ARITHMETIC_OVERFLOW": "22015",
        "INTERVAL_DIVIDED_BY_ZERO": "22012",
        "INVALID_AGGREGATE_FILTER": "42903",
        "INVALID_ESC": "42604",
        "INVALID_FORMAT": "42601",
        "INVALID_DATETIME_PATTERN": "22007",
        "INVALID_EXTRACT_FIELD": "42601",
        "INVALID_TIMEZONE": "22009",
        "INVALID_INTERVAL_FORMAT": "22006",
        "INVALID_TYPED_LITERAL": "42604",
        "INVALID_INLINE_TABLE": "42000",
        "INVALID_LIMIT_LIKE_EXPRESSION": "42K0E",
        "INVALID_NUMERIC_LITERAL_RANGE": "22003",
        "INVALID_PARAMETER_VALUE": "22023",
        "INVALID_SQL_SYNTAX": "42000",
        "INVALID_WHERE_CONDITION": "42903",
        "INVALID_WITHIN_GROUP_EXPRESSION": "42K0K",
        "MISSING_AGGREGATION": "42803",
        "MISSING_GROUP_BY": "42803",
        "NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION": "22003",
        "NESTED_AGGREGATE_FUNCTION": "42607",
        "NUM_COLUMNS_MISMATCH": "42826",
        "NUMERIC_VALUE_OUT_OF_RANGE": "22003",
        "PARSE_SYNTAX_ERROR": "42601",
        "PIVOT_VALUE_DATA_TYPE_MISMATCH": "42K09",
        "REMAINDER_BY_ZERO": "22012",
        "SCALAR_SUBQUERY_TOO_MANY_ROWS": "21000",
        "TABLE_OR_VIEW_NOT_FOUND": "42P01",
        "UNCLOSED_BRACKETED_COMMENT": "42601",
        "UNPIVOT_VALUE_DATA_TYPE_MISMATCH": "42K09",
        "UNRESOLVED_COLUMN": "42703",
        "UNRESOLVED_ROUTINE": "42883",
        "UNSUPPORTED_DATATYPE": "0A000",
        "UNSUPPORTED_FEATURE": "0A000",
        "UNSUPPORTED_GROUPING_EXPRESSION": "42K0E",
        "USER_RAISED_EXCEPTION": "P0001",
        "WRONG_NUM_ARGS": "42605",
    ]

    /// The SQLSTATE of `errorClass` (`42K09` for any `DATATYPE_MISMATCH.*`); `XX000` for a class not listed.
    static func sqlState(of errorClass: String) -> String {
        let base = errorClass.split(separator: ".").first.map(String.init) ?? errorClass
        return sqlStates[base] ?? "XX000"
    }
}
