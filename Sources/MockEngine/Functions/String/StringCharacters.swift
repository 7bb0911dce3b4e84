import DBAPICore

/// initcap, translate, ascii, chr/char, octet_length, bit_length, levenshtein: functions of a string's
/// code points and bytes.
enum StringCharacters {
    static let declarations: [ScalarDeclaration] = [
        .strict(["initcap"], .string, returns: .string) { value in .string(initcap(value.text)) },
        .strict(["translate"], .string, .string, .string, returns: .string) { text, from, to in
            .string(translate(text.text, from: from.text, to: to.text))
        },
        .strict(["ascii"], .string, returns: .int) { value in .int(Int64(value.text.unicodeScalars.first?.value ?? 0)) },
        .strict(["chr", "char"], .bigint, returns: .string) { value in
            guard value.integer >= 0 else { return .string("") }
            return .string(String(scalars: [Unicode.Scalar(UInt8(value.integer % 256))]))
        },
        ScalarDeclaration.strict(["octet_length"], .string, returns: .int) { value in .int(Int64(value.text.utf8.count)) }
            .overloadingBinary(returns: .int) { .int(Int64($0.count)) },
        ScalarDeclaration.strict(["bit_length"], .string, returns: .int) { value in .int(Int64(value.text.utf8.count) * 8) }
            .overloadingBinary(returns: .int) { .int(Int64($0.count) * 8) },
        ScalarDeclaration(names: ["levenshtein"], arity: 2...3) { call throws(EngineError) in
            let (left, right) = (try call.argument(0, as: .string), try call.argument(1, as: .string))
            let threshold = call.count == 3 ? try call.argument(2, as: .int) : nil
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                guard case .string(let a) = try left(row, context), case .string(let b) = try right(row, context) else { return .null }
                var limit: Int64?
                if let threshold {
                    guard case .int(let given) = try threshold(row, context) else { return .null }
                    limit = given
                }
                let distance = try levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars))
                if let limit, Int64(distance) > limit { return .int(-1) }
                return .int(Int64(distance))
            }
        },
    ]

    /// Spark's initcap: the string in lower case, then the first code point of each word (after a space)
    /// in title case.
    static func initcap(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterSpace = true
        for scalar in text.javaLowercased().unicodeScalars {
            if afterSpace {
                out.append(contentsOf: scalar.properties.titlecaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
            afterSpace = scalar == " "
        }
        return String(out)
    }

    /// Each code point of `from` in `text` replaced by the one at the same index of `to`, or removed when
    /// `to` is shorter; the first occurrence in `from` wins.
    static func translate(_ text: String, from: String, to: String) -> String {
        let targets = Array(to.unicodeScalars)
        var table: [Unicode.Scalar: Unicode.Scalar?] = [:]
        for (index, scalar) in from.unicodeScalars.enumerated() where table[scalar] == nil {
            table[scalar] = index < targets.count ? targets[index] : .some(nil)
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapped = table[scalar] {
                if let replacement = mapped { out.append(replacement) }
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The edit distance in code points, with one row of memory; quadratic work past
    /// `StringLimits.maxQuadraticSteps` is refused.
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) throws(EngineError) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let (steps, overflow) = a.count.multipliedReportingOverflow(by: b.count)
        guard !overflow, steps <= StringLimits.maxQuadraticSteps else {
            throw EngineError.unsupported("levenshtein of strings whose lengths multiply to more than \(StringLimits.maxQuadraticSteps)")
        }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
