import SQLText

extension Parser {
    /// `TRIM([BOTH | LEADING | TRAILING] [chars] FROM str)` as the call Spark rewrites it to:
    /// `trim`, `ltrim` or `rtrim` of `(chars, str)`, or of `(str)` without chars. Nil (nothing consumed)
    /// for the plain call forms `trim(str)` and `trim(chars, str)`.
    mutating func parseTrimFrom() throws(EngineError) -> Expr? {
        let start = position
        advance()
        advance()
        var name = "trim"
        var hasOption = true
        if consumeWord(.leading) {
            name = "ltrim"
        } else if consumeWord(.trailing) {
            name = "rtrim"
        } else if !consumeWord(.both) {
            hasOption = false
        }
        var arguments: [Expr] = []
        if !current.isWord(.from) {
            let characters = try parseExpression()
            guard hasOption || current.isWord(.from) else {
                position = start
                return nil
            }
            arguments.append(characters)
        }
        try expectWord(.from)
        arguments.append(try parseExpression())
        try expectSymbol(")")
        return .function(name: name, arguments: arguments, isDistinct: false, isStar: false)
    }

    /// After `NAME (`: the first operand when `keyword` follows it, or nil with nothing consumed (the plain call form).
    private mutating func operand(before keyword: Keyword) throws(EngineError) -> Expr? {
        let start = position
        advance()
        advance()
        let operand = try parseBitOr()
        guard consumeWord(keyword) else {
            position = start
            return nil
        }
        return operand
    }

    /// `POSITION(substr IN str)` as `locate(substr, str)`; nil (nothing consumed) for `position(substr, str[, pos])`.
    mutating func parsePositionIn() throws(EngineError) -> Expr? {
        guard let part = try operand(before: .in) else { return nil }
        let text = try parseBitOr()
        try expectSymbol(")")
        return .function(name: "locate", arguments: [part, text], isDistinct: false, isStar: false)
    }

    /// `OVERLAY(input PLACING replace FROM pos [FOR len])` as `overlay(input, replace, pos[, len])`; nil (nothing
    /// consumed) for the call form `overlay(input, replace, pos[, len])`.
    mutating func parseOverlayPlacing() throws(EngineError) -> Expr? {
        guard let input = try operand(before: .placing) else { return nil }
        var arguments = [input, try parseBitOr()]
        try expectWord(.from)
        arguments.append(try parseBitOr())
        if consumeWord(.for) { arguments.append(try parseBitOr()) }
        try expectSymbol(")")
        return .function(name: "overlay", arguments: arguments, isDistinct: false, isStar: false)
    }
}
