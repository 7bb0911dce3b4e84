import DBAPICore

/// trim, ltrim, rtrim (`(str)` or `(trimStr, str)`, which `TRIM(BOTH | LEADING | TRAILING trimStr FROM str)`
/// parses to) and btrim(str[, trimStr]): the characters of `trimStr` (a space by default) removed from the
/// chosen ends.
enum StringTrim {
    static let declarations: [ScalarDeclaration] = [
        trim("trim", keyword: "BOTH", leading: true, trailing: true),
        trim("ltrim", keyword: "LEADING", leading: true, trailing: false),
        trim("rtrim", keyword: "TRAILING", leading: false, trailing: true),
        ScalarDeclaration(names: ["btrim"], arity: 1...2) { call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            let characters = call.count == 2 ? try call.argument(1, as: .string) : nil
            return kernel(text, characters, leading: true, trailing: true)
        },
    ]

    private static func trim(_ name: String, keyword: String, leading: Bool, trailing: Bool) -> ScalarDeclaration {
        ScalarDeclaration(
            names: [name], arity: 1...2,
            printer: { name, arguments in
                arguments.count == 2 ? "TRIM(\(keyword) \(arguments[0]) FROM \(arguments[1]))" : nil
            }
        ) { call throws(EngineError) in
            if call.count == 1 { return kernel(try call.argument(0, as: .string), nil, leading: leading, trailing: trailing) }
            return kernel(try call.argument(1, as: .string), try call.argument(0, as: .string), leading: leading, trailing: trailing)
        }
    }

    private static func kernel(_ text: @escaping Evaluator, _ characters: Evaluator?, leading: Bool, trailing: Bool) -> CompiledExpr {
        CompiledExpr(type: .string) { row, context throws(EngineError) in
            guard case .string(let value) = try text(row, context) else { return .null }
            var set: Set<Unicode.Scalar> = [" "]
            if let characters {
                guard case .string(let given) = try characters(row, context) else { return .null }
                set = Set(given.unicodeScalars)
            }
            var scalars = Substring(value).unicodeScalars[...]
            if leading { while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() } }
            if trailing { while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() } }
            return .string(String(String.UnicodeScalarView(scalars)))
        }
    }
}
