import SQLText

extension EngineError {
    /// A lexer failure as Spark reports it: an unclosed `/*` is UNCLOSED_BRACKETED_COMMENT, anything else a
    /// PARSE_SYNTAX_ERROR at the offending spot.
    static func lexical(_ error: LexError, sql: String) -> EngineError {
        switch error {
        case .unterminatedComment:
            return .syntax(
                "Found an unclosed bracketed comment. Please, append */ at the end of the comment", line: error.line,
                column: error.column, sql: sql, errorClass: "UNCLOSED_BRACKETED_COMMENT")
        default:
            return .syntax("Syntax error: \(error.description)", line: error.line, column: error.column, sql: sql)
        }
    }
}
