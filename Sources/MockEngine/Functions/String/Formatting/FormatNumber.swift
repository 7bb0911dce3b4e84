import DBAPICore

/// format_number(x, d | pattern): Java's DecimalFormat as Spark uses it, rounding HALF_EVEN (a double's
/// shortest digits, a tie in them broken by its exact value) (`#,###,###,###,###,###,##0` plus `d` decimals; NULL for a negative `d`). A pattern string may use
/// `#`, `0`, `,` and one `.`; anything richer is UNSUPPORTED_FEATURE.
enum FormatNumber {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["format_number"], arity: 2...2) { call throws(EngineError) in
            let type = call.type(0)
            guard type.isNumeric || type == .null else {
                var argument = ""
                if case .function(_, let arguments, _, _) = call.expr, let first = arguments.first { argument = first.sqlName }
                throw EngineError.classified(
                    errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", sqlState: "42K09",
                    message: "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: The first parameter requires the "
                        + "\"NUMERIC\" type, however \"\(argument)\" has the type \"\(type)\".")
            }
            guard [.tinyint, .smallint, .int, .string, .null].contains(call.type(1)) else {
                throw call.unexpected(1, "(\"INT\" or \"STRING\")")
            }
            let number = call.arguments[0].evaluate
            let isPattern = call.type(1) == .string
            let shapeArgument = try call.argument(1, as: isPattern ? .string : .int)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                let value = try number(row, context)
                let shape = try shapeArgument(row, context)
                guard !value.isNull else { return .null }
                let pattern: Pattern
                switch shape {
                case .int(let places):
                    guard places >= 0 else { return .null }
                    pattern = Pattern(grouping: 3, minimumInteger: 1, minimumFraction: Int(places), maximumFraction: Int(places))
                case .string(let text): pattern = try Pattern(text)
                default: return .null
                }
                return .string(try Self.format(value, type: type, pattern))
            }
        }
    ]

    /// The parts of a DecimalFormat pattern the mock supports.
    struct Pattern {
        var grouping: Int
        var minimumInteger: Int
        var minimumFraction: Int
        var maximumFraction: Int

        init(grouping: Int, minimumInteger: Int, minimumFraction: Int, maximumFraction: Int) {
            (self.grouping, self.minimumInteger) = (grouping, minimumInteger)
            (self.minimumFraction, self.maximumFraction) = (minimumFraction, maximumFraction)
        }

        /// `#,##0.00`-style patterns; an empty one is Spark's default `#,###,###,###,###,###,##0`.
        init(_ text: String) throws(EngineError) {
            guard !text.isEmpty else {
                self.init(grouping: 3, minimumInteger: 1, minimumFraction: 0, maximumFraction: 0)
                return
            }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let integer = parts[0]
            let fraction = parts.count == 2 ? parts[1] : ""
            guard parts.count <= 2, integer.allSatisfy({ "#0,".contains($0) }), fraction.allSatisfy({ "#0".contains($0) }),
                !integer.isEmpty || !fraction.isEmpty
            else {
                throw EngineError.unsupported("format_number patterns other than #, 0, ',' and '.' ('\(text)')")
            }
            let grouping = integer.lastIndex(of: ",").map { integer.distance(from: $0, to: integer.endIndex) - 1 } ?? 0
            self.init(
                grouping: grouping, minimumInteger: integer.filter { $0 == "0" }.count,
                minimumFraction: fraction.prefix { $0 == "0" }.count, maximumFraction: fraction.count)
        }
    }

    static func format(_ value: SQLValue, type: SQLType, _ pattern: Pattern) throws(EngineError) -> String {
        try StringLimits.checkResult(pattern.maximumFraction, "format_number")
        var number: DecimalText
        switch value {
        case .int(let integer): number = DecimalText(integer)
        case .decimal(let decimal): number = DecimalText(decimal)
        case .double(let double):
            let widened = type == .float ? Double(Float(double)) : double
            if widened.isNaN { return "NaN" }
            if widened.isInfinite { return widened < 0 ? "-∞" : "∞" }
            number = DecimalText(shortest: widened)
        default: return value.description
        }
        var tie = DecimalText.Tie.even
        if case .double(let double) = value, number.isTie(atPlaces: pattern.maximumFraction) {
            // Java rounds the shortest digits, but a tie in them is broken by the exact binary value.
            let exact = DecimalText(exact: type == .float ? Double(Float(double)) : double).compareMagnitude(number)
            tie = exact > 0 ? .up : exact < 0 ? .down : .even
        }
        number = number.rounded(toPlaces: pattern.maximumFraction, tie: tie)
        while number.fraction.count > pattern.minimumFraction, number.fraction.last == 0 { number.fraction.removeLast() }
        var text = number.integerText(grouping: pattern.grouping, minimumDigits: pattern.minimumInteger)
        if !number.fraction.isEmpty { text += "." + number.fractionText }
        if text.isEmpty { text = "0" }
        return (number.isNegative ? "-" : "") + text
    }
}
