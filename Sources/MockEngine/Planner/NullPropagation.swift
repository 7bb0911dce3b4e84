import DBAPICore

/// Spark's optimizer replaces a call by a NULL literal before anything runs, in two ways, and the planner does the
/// same so that the other arguments are never evaluated (and cannot fail): `lpad('abc', 'x', NULL)` is NULL, not
/// CAST_INVALID_INPUT.
/// - NullPropagation: a null-intolerant expression (arithmetic, comparisons, LIKE, casts and most functions) with a
///   NULL literal argument is NULL.
/// - ConstantFolding: a call of constants only is evaluated once; the planner keeps its value when it is NULL, so
///   that it folds its callers in turn (`x + abs(NULL)`).
enum NullPropagation {
    /// `call`, or a NULL constant of its type when an argument is a NULL constant and one of the rules applies.
    static func fold(_ call: CompiledExpr, _ arguments: [CompiledExpr], nullIntolerant: Bool) -> CompiledExpr {
        guard call.constant == nil, arguments.contains(where: \.isNullConstant) else { return call }
        if nullIntolerant { return CompiledExpr(constant: .null, type: call.type) }
        guard arguments.allSatisfy({ $0.constant != nil }), (try? call.evaluate([], ExecutionContext(now: 0)))?.isNull == true else {
            return call
        }
        return CompiledExpr(constant: .null, type: call.type)
    }

    /// The functions Spark treats as null-intolerant when they take more than one argument: those
    /// `scripts/null-intolerance.sh` finds folded in PySpark 4.3.0 (`f(CAST(raise_error(…) AS T), NULL)` answers NULL)
    /// that the mock implements. `null_propagation.test` checks them.
    static let intolerantFunctions: Set<String> = [
        "add_months", "array_position", "array_remove", "atan2", "bit_get", "bround", "contains", "conv",
        "convert_timezone", "date_add", "date_diff", "date_format", "date_sub", "dateadd", "datediff", "div",
        "element_at", "encode", "endswith", "find_in_set", "format_number", "from_unixtime", "from_utc_timestamp",
        "get", "getbit", "hypot", "instr", "left", "levenshtein", "log", "lpad", "ltrim", "make_date",
        "make_dt_interval", "make_timestamp", "make_timestamp_ltz", "make_timestamp_ntz", "map_from_arrays", "mod",
        "months_between", "next_day", "overlay", "pmod", "pow", "power", "regexp", "regexp_count", "regexp_extract",
        "regexp_extract_all", "regexp_instr", "regexp_like", "regexp_replace", "regexp_substr", "repeat", "replace",
        "right", "rlike", "round", "rpad", "rtrim", "sha2", "shiftleft", "shiftright", "shiftrightunsigned", "slice",
        "sort_array", "split", "split_part", "startswith", "str_to_map", "substr", "substring", "substring_index",
        "timestampadd", "timestampdiff", "to_binary", "to_char", "to_number", "to_utc_timestamp", "to_varchar",
        "translate", "trim", "trunc", "try_add", "try_divide", "try_element_at", "try_make_timestamp",
        "try_make_timestamp_ltz", "try_make_timestamp_ntz", "try_mod", "try_multiply", "try_subtract",
        "try_to_binary", "try_to_number", "width_bucket",
    ]
}

extension CompiledExpr {
    /// Whether this is a constant NULL (Spark's NULL literal, or an expression folded to one).
    var isNullConstant: Bool { constant?.isNull == true }
}
