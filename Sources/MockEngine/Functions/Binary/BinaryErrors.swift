import DBAPICore

extension EngineError {
    /// An operator between BINARY and another type (`X'01' = 1`, `X'01' + 1`): Spark's BINARY_OP_DIFF_TYPES.
    static func binaryOperandsDiffer(_ expr: Expr, _ left: SQLType, _ right: SQLType) -> EngineError? {
        guard left == .binary || right == .binary, left != right, left != .null, right != .null else { return nil }
        return incompatibleOperands(expr, left, right)
    }

    /// A value the mock cannot hold exactly: BINARY bytes that are not UTF-8, read as a STRING (Spark keeps
    /// the raw bytes in its string; a Swift string cannot).
    static func binaryNotUTF8(_ what: String) -> EngineError {
        .unsupported("\(what) of BINARY bytes that are not valid UTF-8")
    }

    /// A result column holding BINARY: how a warehouse writes BINARY in a result is not documented, so
    /// neither backend guesses.
    static func binaryResultColumn(_ name: String, _ type: SQLType) -> EngineError {
        let advice =
            type == .binary ? "select base64(\(name)) or hex(\(name)) instead" : "select base64(…) or hex(…) of its BINARY values instead"
        return .unsupported("a result column of type \(type) (`\(name)`): how a warehouse writes BINARY is not documented; " + advice)
    }
}
