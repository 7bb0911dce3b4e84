import DBAPICore

/// lpad, rpad, repeat, left, right, reverse: strings cut or grown by a count of code points.
enum StringPadding {
    static let declarations: [ScalarDeclaration] = [
        pad("lpad", leading: true).refusingBinary(),
        pad("rpad", leading: false).refusingBinary(),
        .strict(["repeat"], .string, .int, returns: .string) { text, times throws(EngineError) in
            let count = text.text.unicodeScalars.count
            let (total, overflow) = count.multipliedReportingOverflow(by: Int(max(times.integer, 0)))
            try StringLimits.checkResult(overflow ? Int.max : total, "repeat")
            return .string(String(repeating: text.text, count: Int(max(times.integer, 0))))
        },
        ScalarDeclaration.strict(["left"], .string, .int, returns: .string) { text, length in
            .string(String(scalars: text.text.unicodeScalars.prefix(Int(clamping: max(length.integer, 0)))))
        }.refusingBinary(),
        .strict(["right"], .string, .int, returns: .string) { text, length in
            .string(String(scalars: text.text.unicodeScalars.suffix(Int(clamping: max(length.integer, 0)))))
        },
        ScalarDeclaration(names: ["reverse"], arity: 1...1) { call throws(EngineError) in
            if case .array = call.type(0) {
                let items = call.arguments[0].evaluate
                return CompiledExpr(type: call.type(0)) { row, context throws(EngineError) in
                    guard case .array(let values) = try items(row, context) else { return .null }
                    return .array(values.reversed())
                }
            }
            let text = try call.argument(0, as: .string)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .string(String(scalars: value.unicodeScalars.reversed()))
            }
        }.refusingBinary(),
    ]

    /// lpad(str, len[, pad = ' ']), rpad: `str` cut to `len` code points, or filled to `len` with `pad`
    /// repeated (an empty pad leaves a shorter string as it is).
    private static func pad(_ name: String, leading: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...3, printer: ScalarDeclaration.fillingDefaults([" "], arity: 3)) {
            call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            let length = try call.argument(1, as: .int)
            let filler = call.count == 3 ? try call.argument(2, as: .string) : nil
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), case .int(let wanted) = try length(row, context) else {
                    return .null
                }
                var padding = " "
                if let filler {
                    guard case .string(let given) = try filler(row, context) else { return .null }
                    padding = given
                }
                return .string(try padded(value, to: wanted, with: padding, leading: leading, name))
            }
        }
    }

    private static func padded(_ value: String, to wanted: Int64, with padding: String, leading: Bool, _ name: String)
        throws(EngineError) -> String
    {
        let scalars = value.unicodeScalars
        guard wanted > 0 else { return "" }
        let count = scalars.count
        if wanted <= count { return String(scalars: scalars.prefix(Int(wanted))) }
        let fill = Array(padding.unicodeScalars)
        if fill.isEmpty { return value }
        try StringLimits.checkResult(Int(clamping: wanted), name)
        let missing = Int(wanted) - count
        var filler = String.UnicodeScalarView()
        for index in 0..<missing { filler.append(fill[index % fill.count]) }
        return leading ? String(filler) + value : value + String(filler)
    }
}
