import DBAPICore

/// rlike/regexp/regexp_like, regexp_extract, regexp_extract_all, regexp_count, regexp_substr and regexp_instr
/// (the 1-based start of the first match, whatever group is asked for, as Spark 4 answers) with Java regular
/// expressions (`CompiledRegex`); regexp_replace and split are in their own files.
enum RegexFunctions {
    static let declarations: [ScalarDeclaration] = [
        like("rlike", printedAs: "RLIKE"),
        like("regexp", printedAs: "REGEXP"),
        like("regexp_like", printedAs: "REGEXP_LIKE"),
        extract("regexp_extract", all: false),
        extract("regexp_extract_all", all: true),
        ScalarDeclaration(names: ["regexp_count"], arity: 2...2) { call throws(EngineError) in
            let (text, pattern) = (try call.argument(0, as: .string), try RegexArgument(call, index: 1, function: "regexp_extract_all"))
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context) else { return .null }
                return .int(Int64(try regex.matches(Array(value.unicodeScalars), "regexp_count").count))
            }
        },
        ScalarDeclaration(names: ["regexp_substr"], arity: 2...2) { call throws(EngineError) in
            let (text, pattern) = (try call.argument(0, as: .string), try RegexArgument(call, index: 1, function: "regexp_extract"))
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context) else { return .null }
                let input = Array(value.unicodeScalars)
                guard let match = try regex.matches(input, limit: 1, "regexp_substr").first, match.end > match.start else { return .null }
                return .string(String(scalars: input[match.start..<match.end]))
            }
        },
        ScalarDeclaration(names: ["regexp_instr"], arity: 2...3, printer: ScalarDeclaration.fillingDefaults(["0"], arity: 3)) {
            call throws(EngineError) in
            let (text, pattern) = (try call.argument(0, as: .string), try RegexArgument(call, index: 1, function: "regexp_instr"))
            let group = call.count == 3 ? try call.argument(2, as: .int) : nil
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context) else { return .null }
                if let group, try group(row, context).isNull { return .null }
                let match = try regex.matches(Array(value.unicodeScalars), limit: 1, "regexp_instr").first
                return .int(match.map { Int64($0.start) + 1 } ?? 0)
            }
        },
    ]

    /// `str RLIKE pattern` and its function forms: whether the pattern matches anywhere in `str`.
    private static func like(_ name: String, printedAs printed: String) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2, printer: { _, arguments in "\(printed)(\(arguments.joined(separator: ", ")))" }) {
            call throws(EngineError) in
            let (text, pattern) = (try call.argument(0, as: .string), try RegexArgument(call, index: 1, function: name))
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context) else { return .null }
                return .bool(try !regex.matches(Array(value.unicodeScalars), limit: 1, name).isEmpty)
            }
        }
    }

    /// regexp_extract(str, regexp[, idx = 1]): group `idx` of the first match ('' when nothing matches or
    /// the group took no part); regexp_extract_all: of every match.
    private static func extract(_ name: String, all: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...3, printer: ScalarDeclaration.fillingDefaults(["1"], arity: 3)) {
            call throws(EngineError) in
            let (text, pattern) = (try call.argument(0, as: .string), try RegexArgument(call, index: 1, function: name))
            let group = call.count == 3 ? try call.argument(2, as: .int) : nil
            return CompiledExpr(type: all ? .array(.string) : .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), let regex = try pattern.regex(row, context) else { return .null }
                var index: Int64 = 1
                if let group {
                    guard case .int(let given) = try group(row, context) else { return .null }
                    index = given
                }
                let input = Array(value.unicodeScalars)
                let found = try regex.matches(input, limit: all ? .max : 1, name)
                if !found.isEmpty, index < 0 || index > regex.groupCount {
                    throw EngineError.classified(
                        errorClass: "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", sqlState: "22023",
                        message: "The value of parameter(s) `idx` in `\(name)` is invalid: Expects group index between 0 and "
                            + "\(regex.groupCount), but got \(index).")
                }
                let texts = found.map { match in match.range(Int(index)).map { String(scalars: input[$0]) } ?? "" }
                return all ? .array(texts.map { .string($0) }) : .string(texts.first ?? "")
            }
        }
    }
}
