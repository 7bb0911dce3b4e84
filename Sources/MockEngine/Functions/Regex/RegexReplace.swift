import DBAPICore

/// regexp_replace(str, regexp, rep[, position = 1]) and split(str, regex[, limit = -1]), Java's
/// `Matcher.appendReplacement` and `String.split` as Spark calls them.
enum RegexReplace {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(
            names: ["regexp_replace"], arity: 3...4, printer: ScalarDeclaration.fillingDefaults(["1"], arity: 4)
        ) { call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            let pattern = try RegexArgument(call, index: 1, function: "regexp_replace")
            let replacement = try call.argument(2, as: .string)
            let position = try constantPosition(call)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context),
                    case .string(let with) = try replacement(row, context)
                else { return .null }
                guard let position else { return .null }
                return .string(try replace(value, regex, with, position: position))
            }
        },
        ScalarDeclaration(names: ["split"], arity: 2...3, printer: ScalarDeclaration.fillingDefaults(["-1"], arity: 3)) {
            call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            let pattern = try RegexArgument(call, index: 1, function: "split")
            let limit = call.count == 3 ? try call.argument(2, as: .int) : nil
            return CompiledExpr(type: .array(.string)) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context) else { return .null }
                var count: Int64 = -1
                if let limit {
                    guard case .int(let given) = try limit(row, context) else { return .null }
                    count = given
                }
                return .array(try split(value, regex, limit: Int(count)).map { .string($0) })
            }
        },
    ]

    /// regexp_replace's position: a constant from 1 (NULL: the call is NULL).
    private static func constantPosition(_ call: ScalarCall) throws(EngineError) -> Int? {
        guard call.count == 4 else { return 1 }
        _ = try call.argument(3, as: .int)
        guard let constant = call.constant(3) else {
            var argumentName = ""
            if case .function(_, let arguments, _, _) = call.expr, arguments.count == 4 { argumentName = arguments[3].sqlName }
            throw EngineError.classified(
                errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", sqlState: "42K09",
                message: "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: the input `position` should be a "
                    + "foldable \"INT\" expression; however, got \"\(argumentName)\".")
        }
        if constant.isNull { return nil }
        guard case .int(let value) = constant else { throw call.mismatch("regexp_replace's position must be an INT") }
        guard value > 0 else {
            throw EngineError.classified(
                errorClass: "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", sqlState: "42K09",
                message: "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: The position must be between "
                    + "(0, 2147483647] (current value = \(value)).")
        }
        return Int(value)
    }

    /// Every match from code point `position` on replaced; the text before `position` kept.
    static func replace(_ value: String, _ regex: CompiledRegex, _ replacement: String, position: Int) throws(EngineError) -> String {
        let input = Array(value.unicodeScalars)
        guard position <= input.count else { return value }
        let found = try regex.matches(input, from: position - 1, "regexp_replace")
        guard !found.isEmpty else { return value }
        guard let pieces = RegexReplacement(replacement, for: regex).pieces else {
            throw EngineError.classified(
                errorClass: "INVALID_REGEXP_REPLACE", sqlState: "22023",
                message: "Could not perform regexp_replace for source = \"\(value)\", pattern = \"\(regex.pattern)\", "
                    + "replacement = \"\(replacement)\" and position = \(position).")
        }
        var out = String.UnicodeScalarView()
        var last = 0
        for match in found {
            out.append(contentsOf: input[last..<match.start])
            for piece in pieces {
                switch piece {
                case .text(let text): out.append(contentsOf: text.unicodeScalars)
                case .group(let index): if let range = match.range(index) { out.append(contentsOf: input[range]) }
                }
            }
            last = match.end
            try StringLimits.checkResult(out.count, "regexp_replace")
        }
        out.append(contentsOf: input[last...])
        return String(out)
    }

    /// Spark's split: an empty pattern splits into code points (at most `limit` parts), any other is
    /// Java's `Pattern.split` with a limit of 0 read as -1 (trailing empty strings kept).
    static func split(_ value: String, _ regex: CompiledRegex, limit: Int) throws(EngineError) -> [String] {
        let input = Array(value.unicodeScalars)
        if regex.pattern.isEmpty, !input.isEmpty {
            let count = limit > input.count || limit <= 0 ? input.count : limit
            return input.prefix(count - 1).map { String($0) } + [String(scalars: input[(count - 1)...])]
        }
        let isLimited = limit > 0
        var parts: [String] = []
        var index = 0
        for match in try regex.matches(input, "split") {
            if !isLimited || parts.count < limit - 1 {
                if index == 0, match.start == 0, match.end == 0 { continue }
                parts.append(String(scalars: input[index..<match.start]))
                index = match.end
            } else {
                parts.append(String(scalars: input[index...]))
                index = match.end
                break
            }
        }
        if index == 0 { return [value] }
        if !isLimited || parts.count < limit { parts.append(String(scalars: input[index...])) }
        return parts
    }
}
