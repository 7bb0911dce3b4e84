import DBAPICore

/// `mask(s[, upperChar[, lowerChar[, digitChar[, otherChar]]]])`: each upper-case letter, lower-case letter,
/// decimal digit and other code point of `s` replaced by its class's character (`X`, `x`, `n` and none by
/// default); a NULL replacement keeps that class as it is. Replacements are constant one-character strings.
enum MaskFunction {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(
            names: ["mask"], arity: 1...5, printer: ScalarDeclaration.fillingDefaults(["X", "x", "n", "NULL"], arity: 5)
        ) { call throws(EngineError) in
            guard [.string, .null].contains(call.type(0)) else { throw call.unexpected(0, "\"STRING\"") }
            let defaults: [Unicode.Scalar?] = ["X", "x", "n", nil]
            var replacements: [Unicode.Scalar?] = []
            for index in 1..<5 {
                replacements.append(index < call.count ? try replacement(call, index) : defaults[index - 1])
            }
            let text = call.arguments[0].evaluate
            let table = replacements
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .string(mask(value, table))
            }
        }
    ]

    private static let parameters = ["upperChar", "lowerChar", "digitChar", "otherChar"]

    /// The constant one-character replacement at argument `index` (nil for NULL), or Spark's error.
    private static func replacement(_ call: ScalarCall, _ index: Int) throws(EngineError) -> Unicode.Scalar? {
        let parameter = parameters[index - 1]
        guard [.string, .null].contains(call.type(index)) else { throw call.unexpected(index, "\"STRING\"") }
        guard let value = call.constant(index) else {
            let argument = call.argumentExpr(index)?.sqlName ?? ""
            throw call.mismatch(
                "NON_FOLDABLE_INPUT",
                "the input `\(parameter)` should be a foldable \"STRING\" expression; however, got \"\(argument)\"")
        }
        guard case .string(let text) = value else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 1 else { throw call.mismatch("INPUT_SIZE_NOT_ONE", "Length of \(parameter) should be 1") }
        return scalars[0]
    }

    /// `text` with each code point replaced by its class's replacement in `table` (upper, lower, digit,
    /// other), where one is given.
    static func mask(_ text: String, _ table: [Unicode.Scalar?]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let slot =
                properties.isUppercase ? 0 : properties.isLowercase ? 1 : properties.generalCategory == .decimalNumber ? 2 : 3
            out.append((slot < table.count ? table[slot] : nil) ?? scalar)
        }
        return String(out)
    }
}
