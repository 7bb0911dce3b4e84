import DBAPICore

/// A call's pattern argument: compiled once when it is a constant, else for each row, with Java's errors
/// in Spark's words (INVALID_PARAMETER_VALUE.PATTERN) and patterns the mock cannot run exactly as
/// UNSUPPORTED_FEATURE. An error surfaces when a row needs the pattern, as in Spark.
struct RegexArgument: Sendable {
    private let function: String
    private let evaluate: Evaluator
    private let constant: Result<CompiledRegex, EngineError>?

    init(_ call: ScalarCall, index: Int, function: String) throws(EngineError) {
        self.function = function
        evaluate = try call.argument(index, as: .string)
        if case .string(let pattern)? = call.constant(index) {
            constant = Result { () throws(EngineError) in try Self.compile(pattern, function) }
        } else {
            constant = nil
        }
    }

    /// The compiled pattern for `row`, nil when the pattern is NULL.
    func regex(_ row: Row, _ context: ExecutionContext) throws(EngineError) -> CompiledRegex? {
        if let constant { return try constant.get() }
        guard case .string(let pattern) = try evaluate(row, context) else { return nil }
        return try Self.compile(pattern, function)
    }

    static func compile(_ pattern: String, _ function: String) throws(EngineError) -> CompiledRegex {
        do {
            return try CompiledRegex(pattern)
        } catch {
            throw engineError(error, pattern: pattern, function)
        }
    }

    /// A matcher failure as the engine reports it.
    static func engineError(_ error: RegexError, pattern: String, _ function: String) -> EngineError {
        switch error {
        case .invalid:
            let quoted = pattern.replacing(scalars: "\\", with: "\\\\").replacing(scalars: "'", with: "\\'")
            return .classified(
                errorClass: "INVALID_PARAMETER_VALUE.PATTERN", sqlState: "22023",
                message: "The value of parameter(s) `regexp` in `\(function)` is invalid: '\(quoted)'.")
        case .unsupported(let what):
            return .unsupported("\(what) in regular expressions")
        }
    }
}

extension CompiledRegex {
    /// `matches(in:from:limit:)` with the matcher's limits as engine errors.
    func matches(_ input: [Unicode.Scalar], from: Int = 0, limit: Int = .max, _ function: String) throws(EngineError) -> [Match] {
        do {
            return try matches(in: input, from: from, limit: limit)
        } catch {
            throw RegexArgument.engineError(error, pattern: "", function)
        }
    }
}
