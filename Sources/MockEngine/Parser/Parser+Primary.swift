import DBAPICore
import SQLText

extension Parser {
    /// primary := literal | typedLiteral | CASE … | CAST(…) | EXISTS(…) | '(' query ')' | '(' expr ')'
    ///          | name '(' [DISTINCT] args ')' | name {'.' name}
    mutating func parsePrimary() throws(EngineError) -> Expr {
        let token = current
        switch token.kind {
        case .number(let text):
            advance()
            return try numberLiteral(text, token)
        case .string(let text):
            advance()
            var value = text
            while case .string(let next) = current.kind {  // Spark joins adjacent literals
                value += next
                advance()
            }
            return .literal(.string(value), .string)
        case .marker(let name):
            throw EngineError.syntax("unbound parameter :\(name)", line: token.line, column: token.column, sql: source)
        case .symbol("("):
            return try nested { (parser: inout Parser) throws(EngineError) -> Expr in
                parser.advance()
                if parser.current.isWord(.select) || parser.current.isWord(.with) {
                    let query = try parser.parseQuery()
                    try parser.expectSymbol(")")
                    return .scalarSubquery(query)
                }
                let inner = try parser.parseExpression()
                guard parser.consumeSymbol(",") else {
                    try parser.expectSymbol(")")
                    return inner
                }
                // A row `(a, b)` is Spark's named_struct of its values: a column's field is named after the
                // column, any other value's `col1`, `col2`, … by its place.
                var items = [inner]
                repeat { items.append(try parser.parseExpression()) } while parser.consumeSymbol(",")
                try parser.expectSymbol(")")
                let arguments = items.enumerated().flatMap { index, item in
                    var name = "col\(index + 1)"
                    if case .column(let parts) = item, let last = parts.last { name = last }
                    return [Expr.literal(.string(name), .string), item]
                }
                return .function(name: "named_struct", arguments: arguments, isDistinct: false, isStar: false)
            }
        case .word(let word):
            return try parseWordPrimary(word.uppercased(), token)
        case .quotedIdentifier:
            return try parseColumnReference()
        default:
            throw unexpected("an expression")
        }
    }

    private mutating func parseWordPrimary(_ upper: String, _ token: Token) throws(EngineError) -> Expr {
        switch upper {
        case "TRUE", "FALSE":
            advance()
            return .literal(.bool(upper == "TRUE"), .boolean)
        case "NULL":
            advance()
            return .literal(.null, .null)
        case "DATE", "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ":
            guard case .string(let text) = peek(1).kind else { break }
            advance()
            advance()
            return try typedLiteral(upper, text, token)
        case "EXTRACT" where peek(1).isSymbol("(") && peek(3).isWord(.from):
            advance()
            advance()
            guard case .word(let field) = current.kind else { throw unexpected("a field name") }
            advance()
            try expectWord(.from)
            let source = try parseExpression()
            try expectSymbol(")")
            return .function(name: "extract", arguments: [.literal(.string(field), .string), source], isDistinct: false, isStar: false)
        case "X" where peek(1).range.lowerBound == token.range.upperBound:  // `X'0A1B'`, no space after the X
            guard case .string(let text) = peek(1).kind else { break }
            advance()
            advance()
            guard let bytes = Self.hexBytes(text) else { throw invalidTypedLiteral("X", text, token) }
            return .literal(.binary(bytes), .binary)
        case "INTERVAL" where startsIntervalLiteral:
            return try parseIntervalLiteral()
        case "IDENTIFIER":
            if let name = try parseIdentifierClause() { return .column(name) }
        case "CASE" where !Self.keywordIsColumn(before: peek(1)):
            advance()
            return try parseCase()
        case "CAST", "TRY_CAST":
            guard peek(1).isSymbol("(") else { break }
            advance()
            advance()
            let operand = try parseExpression()
            try expectWord(.as)
            let type = try parseType()
            try expectSymbol(")")
            return .cast(operand, type, isTry: upper == "TRY_CAST")
        case "EXISTS":
            // `EXISTS (SELECT …)` is a subquery test; `exists(array, x -> …)` the higher-order function.
            guard peek(1).isSymbol("("), [Keyword.select, .with].contains(where: peek(2).isWord) || peek(2).isSymbol("(") else { break }
            advance()
            advance()
            let query = try parseQuery()
            try expectSymbol(")")
            return .exists(query, negated: false)
        case "TRIM" where peek(1).isSymbol("("):
            if let trim = try parseTrimFrom() { return trim }
        case "POSITION" where peek(1).isSymbol("("):
            if let position = try parsePositionIn() { return position }
        case "OVERLAY" where peek(1).isSymbol("("):
            if let overlay = try parseOverlayPlacing() { return overlay }
        case "CURRENT_DATE", "CURRENT_TIMESTAMP":
            guard !peek(1).isSymbol("(") else { break }
            advance()
            return .function(name: upper.lowercased(), arguments: [], isDistinct: false, isStar: false)
        default:
            break
        }
        if peek(1).isSymbol("(") { return try parseFunctionCall() }
        // A query where an expression belongs (`x > ALL (SELECT …)`) is not a column named `select`.
        if token.isWord(.select) || token.isWord(.with), !Self.keywordIsColumn(before: peek(1)) { throw unexpected("an expression") }
        return try parseColumnReference()  // any other word, reserved ones too (Parser+KeywordColumns)
    }

    private mutating func parseColumnReference() throws(EngineError) -> Expr {
        var parts = [try parseAnyName("a column name")]
        while current.isSymbol("."), !peek(1).isSymbol("*") {
            advance()
            parts.append(try parseAnyName("a column name"))
        }
        return .column(parts)
    }

    /// call := name '(' ['*' | [DISTINCT | ALL] expr {',' expr}] ')' callModifiers
    private mutating func parseFunctionCall() throws(EngineError) -> Expr {
        guard case .word(let name) = current.kind else { throw unexpected("a function name") }
        advance()
        try expectSymbol("(")
        var arguments: [Expr] = []
        var isDistinct = false
        let isStar = consumeSymbol("*")
        if !isStar, !current.isSymbol(")") {
            if consumeWord(.distinct) { isDistinct = true } else { _ = consumeWord(.all) }
            repeat {
                let argument = try parseFunctionArgument()
                // struct(x AS a, …) names its fields.
                let isStruct = name.lowercased() == "struct"
                arguments.append(isStruct && consumeWord(.as) ? .aliased(argument, alias: try parseAnyName("a field name")) : argument)
            } while consumeSymbol(",")
        }
        try expectSymbol(")")
        // `timestampadd(MONTH, 1, ts)`: the unit is a word, not a column.
        if arguments.count == 3, TimestampAddDiff.unitFunctions.contains(name.lowercased()), case .column(let unit) = arguments[0],
            unit.count == 1
        {
            arguments[0] = .literal(.string(unit[0].uppercased()), .string)
        }
        return try parseCallModifiers(name: name.lowercased(), arguments: arguments, isDistinct: isDistinct, isStar: isStar)
    }

    /// callModifiers := [WITHIN GROUP '(' ORDER BY orderItem {',' orderItem} ')'] [FILTER '(' WHERE expr ')']
    ///                  [(IGNORE | RESPECT) NULLS] [OVER windowRef]
    private mutating func parseCallModifiers(name: String, arguments: [Expr], isDistinct: Bool, isStar: Bool) throws(EngineError) -> Expr {
        var withinGroup: [OrderItem] = []
        var filter: Expr?
        if current.isWord(.within), peek(1).isWord(.group) {
            advance()
            advance()
            try expectSymbol("(")
            try expectWord(.order)
            try expectWord(.by)
            withinGroup = try parseOrderItems()
            try expectSymbol(")")
        }
        if current.isWord(.filter), peek(1).isSymbol("(") {
            advance()
            advance()
            try expectWord(.where)
            filter = try parseExpression()
            try expectSymbol(")")
        }
        var ignoresNulls = false
        if (current.isWord(.ignore) || current.isWord(.respect)) && peek(1).isWord(.nulls) {
            ignoresNulls = current.isWord(.ignore)
            advance()
            advance()
        }
        if consumeWord(.over) {
            return .window(
                WindowCall(
                    name: name, arguments: arguments, isDistinct: isDistinct, isStar: isStar, ignoresNulls: ignoresNulls,
                    window: try parseWindowReference(), filter: filter, withinGroup: withinGroup))
        }
        let call = Expr.function(name: name, arguments: arguments, isDistinct: isDistinct, isStar: isStar)
        if filter == nil && withinGroup.isEmpty && !ignoresNulls { return call }
        return .modifiedAggregate(call: call, filter: filter, withinGroup: withinGroup, ignoresNulls: ignoresNulls)
    }

    /// case := CASE [operand] WHEN expr THEN expr {WHEN …} [ELSE expr] END
    private mutating func parseCase() throws(EngineError) -> Expr {
        let operand = current.isWord(.when) ? nil : try parseExpression()
        var branches: [WhenBranch] = []
        while consumeWord(.when) {
            let condition = try parseExpression()
            try expectWord(.then)
            branches.append(WhenBranch(condition: condition, result: try parseExpression()))
        }
        guard !branches.isEmpty else { throw unexpected("WHEN") }
        let otherwise = consumeWord(.else) ? try parseExpression() : nil
        try expectWord(.end)
        return .caseWhen(operand: operand, branches: branches, otherwise: otherwise)
    }

    private func typedLiteral(_ kind: String, _ text: String, _ token: Token) throws(EngineError) -> Expr {
        if kind == "DATE" {
            guard let days = CivilTime.parseSparkDate(text.trimmingSpaces()) else {
                throw invalidTypedLiteral(kind, text, token)
            }
            return .literal(.date(days), .date)
        }
        if kind == "TIMESTAMP_NTZ" {
            guard let micros = CivilTime.parseSparkTimestamp(text.trimmingSpaces(), applyingOffset: false) else {
                throw invalidTypedLiteral(kind, text, token)
            }
            return .literal(.timestampNTZ(micros), .timestampNTZ)
        }
        guard let micros = CivilTime.parseSparkTimestamp(text.trimmingSpaces()) else {
            throw invalidTypedLiteral(kind, text, token)
        }
        return .literal(.timestamp(micros), .timestamp)
    }

    /// The bytes of hexadecimal digits (either case), an odd count read with a leading 0 as Spark reads
    /// `X'ABC'`; nil on any other character.
    static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2 + 1)
        var pending: UInt8? = text.utf8.count % 2 == 1 ? 0 : nil
        for character in text.utf8 {
            let digit: UInt8
            switch character {
            case 48...57: digit = character - 48
            case 65...70: digit = character - 55
            case 97...102: digit = character - 87
            default: return nil
            }
            if let high = pending {
                bytes.append(high << 4 | digit)
                pending = nil
            } else {
                pending = digit
            }
        }
        return bytes
    }

    private func invalidTypedLiteral(_ kind: String, _ text: String, _ token: Token) -> EngineError {
        .syntax(
            "The value of the typed literal \"\(kind)\" is invalid: '\(excerpt(text))'", line: token.line, column: token.column,
            sql: source, errorClass: "INVALID_TYPED_LITERAL")
    }

    /// Spark's numeric literal rules: `42` INT (BIGINT, then DECIMAL when larger), suffixes L S Y D F BD,
    /// `1.5` DECIMAL, `1e3` DOUBLE.
    func numberLiteral(_ text: String, _ token: Token) throws(EngineError) -> Expr {
        let upper = text.uppercased()
        func fail(_ why: String) -> EngineError {
            .syntax("\(why): \(text)", line: token.line, column: token.column, sql: source)
        }
        if upper.hasSuffix("BD") {
            guard let value = SQLDecimal(string: String(text.dropLast(2))) else { throw fail("invalid decimal literal") }
            return .literal(.decimal(value), Self.literalDecimalType(value))
        }
        let suffix = upper.last ?? " "
        let body = String(text.dropLast(["L", "S", "Y", "D", "F"].contains(suffix) ? 1 : 0))
        switch suffix {
        case "L", "S", "Y":
            let type: SQLType = suffix == "L" ? .bigint : (suffix == "S" ? .smallint : .tinyint)
            guard let value = Int64(body), let range = type.integralRange, range.contains(value) else {
                throw EngineError.syntax(
                    "Numeric literal \(body) is outside the valid range for \(type.description.lowercased()) with minimum value of "
                        + "\(type.integralRange?.lowerBound ?? 0) and maximum value of \(type.integralRange?.upperBound ?? 0). Please adjust "
                        + "the value accordingly", line: token.line, column: token.column, sql: source,
                    errorClass: "INVALID_NUMERIC_LITERAL_RANGE")
            }
            return .literal(.int(value), type)
        case "D", "F":
            guard let value = Double(body) else { throw fail("invalid floating-point literal") }
            return suffix == "D" ? .literal(.double(value), .double) : .literal(.double(Double(Float(value))), .float)
        default:
            break
        }
        if upper.contains("E") {
            guard let value = Double(text) else { throw fail("invalid floating-point literal") }
            return .literal(.double(value), .double)
        }
        if text.contains(".") {
            guard let value = SQLDecimal(string: text) else { throw fail("decimal literal has more than 38 digits") }
            return .literal(.decimal(value), Self.literalDecimalType(value))
        }
        if let value = Int64(text) {
            return .literal(.int(value), Int32(exactly: value) == nil ? .bigint : .int)
        }
        guard let value = SQLDecimal(string: text) else { throw fail("integer literal has more than 38 digits") }
        return .literal(.decimal(value), Self.literalDecimalType(value))
    }

    static func literalDecimalType(_ value: SQLDecimal) -> SQLType {
        .decimal(precision: max(value.digitCount, value.scale, 1), scale: value.scale)
    }
}
