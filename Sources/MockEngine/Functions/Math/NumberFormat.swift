import DBAPICore

/// A `to_number` format (Spark's `ToNumberParser`): `0`/`9` digits, `.`/`D` point, `,`/`G` grouping, `$`,
/// `S`/`MI` signs and `PR` angle brackets, case-insensitive. The result type is DECIMAL(digits, digits after
/// the point). A format Spark would reject is an UNSUPPORTED_FEATURE here (its messages are not reproduced).
struct NumberFormat: Sendable {
    enum Token: Equatable, Sendable {
        case digits(count: Int, exact: Bool)
        case point, comma, dollar, optionalSign, optionalMinus, openBracket, closeBracket
        case invalid
        /// A run of digits and separators; each group's digit count, last group first (Spark's order).
        case groups([Token])
    }

    let tokens: [Token]
    private let text: String
    let precision: Int
    let scale: Int

    init(_ format: String) throws(EngineError) {
        text = format
        let characters = Array(format.uppercased())
        var raw: [Token] = []
        var index = 0
        var afterPoint = false
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "0", "9":
                let start = index
                repeat { index += 1 } while index < characters.count && (characters[index] == "0" || characters[index] == "9")
                raw.append(.digits(count: index - start, exact: character == "0" && !afterPoint))
                continue
            case ".", "D":
                raw.append(.point)
                afterPoint = true
            case ",", "G": raw.append(.comma)
            case "$": raw.append(.dollar)
            case "S": raw.append(.optionalSign)
            case "M" where index + 1 < characters.count && characters[index + 1] == "I":
                raw.append(.optionalMinus)
                index += 1
            case "P" where index + 1 < characters.count && characters[index + 1] == "R":
                raw.insert(.openBracket, at: 0)
                raw.append(.closeBracket)
                index += 1
            default: raw.append(.invalid)
            }
            index += 1
        }
        var grouped: [Token] = []
        var run: [Token] = []
        for token in raw + [.invalid] {
            switch token {
            case .digits, .comma: run.append(token)
            default:
                if !run.isEmpty { grouped.append(.groups(run.reversed())) }
                run = []
                grouped.append(token)
            }
        }
        grouped.removeLast()
        tokens = grouped
        let pointIndex = grouped.firstIndex(of: .point)
        var (precision, scale) = (0, 0)
        for (position, token) in grouped.enumerated() {
            let count = Self.digitCount(token)
            precision += count
            if let pointIndex, position > pointIndex { scale += count }
        }
        (self.precision, self.scale) = (precision, scale)
        guard Self.isValid(grouped, pointIndex: pointIndex), (1...SQLType.maxDecimalPrecision).contains(precision) else {
            throw EngineError.unsupported("the number format '\(format)'")
        }
    }

    private static func digitCount(_ token: Token) -> Int {
        guard case .groups(let parts) = token else { return 0 }
        return parts.reduce(0) { sum, part in if case .digits(let count, _) = part { sum + count } else { sum } }
    }

    /// Spark's `checkInputDataTypes`: one digit group at least, `$` before digits and point, separators
    /// between digits before the point only, no repeated point, sign or `$`, and the order
    /// `[PR<] [MI|S] [$] digits [.] digits [$] [PR>|MI|S]`.
    private static func isValid(_ tokens: [Token], pointIndex: Int?) -> Bool {
        let groupIndexes = tokens.indices.filter { if case .groups = tokens[$0] { true } else { false } }
        guard let firstDigits = groupIndexes.first else { return false }
        if let dollar = tokens.firstIndex(of: .dollar), dollar > firstDigits || (pointIndex.map { $0 < dollar } ?? false) {
            return false
        }
        for index in groupIndexes {
            guard case .groups(let parts) = tokens[index] else { continue }
            let afterPoint = pointIndex.map { index > $0 } ?? false
            if afterPoint, parts.contains(.comma) { return false }
            for (position, part) in parts.enumerated() where part == .comma {
                if position == 0 || position == parts.count - 1 || parts[position - 1] == .comma { return false }
            }
        }
        for token in [Token.point, .optionalSign, .optionalMinus, .dollar, .closeBracket] where tokens.filter({ $0 == token }).count > 1 {
            return false
        }
        let order: [[Token]] = [
            [.openBracket], [.optionalMinus, .optionalSign], [.dollar], [.groups([])], [.point], [.groups([])], [.dollar],
            [.optionalMinus, .optionalSign, .closeBracket],
        ]
        var position = 0
        for allowed in order where position < tokens.count {
            let token = tokens[position]
            let matches = allowed.contains { candidate in
                if case .groups = candidate, case .groups = token { return true }
                return candidate == token
            }
            if matches { position += 1 }
        }
        return position == tokens.count
    }

    /// The input's value, or nil when it does not match the format.
    func parse(_ input: String) -> SQLDecimal? {
        let characters = Array(input)
        var index = 0
        var (before, after) = ("", "")
        var afterPoint = false
        var (opened, closed, negate) = (false, false, false)
        for token in tokens {
            let character: Character? = index < characters.count ? characters[index] : nil
            switch token {
            case .groups(let parts):
                guard let next = digits(parts, characters, from: index, afterPoint: afterPoint, into: &before, &after) else { return nil }
                index = next
            case .point:
                if character == "." {
                    afterPoint = true
                    index += 1
                }
            case .dollar:
                guard character == nil || character == "$" else { return nil }
                if character != nil { index += 1 }
            case .optionalSign, .optionalMinus:
                if character == "-" {
                    negate.toggle()
                    index += 1
                } else if character == "+", token == .optionalSign {
                    index += 1
                }
            case .openBracket where character == "<":
                if opened { return nil }
                opened = true
                index += 1
            case .closeBracket where character == ">":
                if !opened { return nil }
                closed = true
                negate.toggle()
                index += 1
            default: break
            }
        }
        guard index == characters.count, opened == closed, !(before.isEmpty && after.isEmpty) else { return nil }
        let digits = before + after + String(repeating: "0", count: max(scale - after.count, 0))
        guard let magnitude = SQLDecimal(string: digits.isEmpty ? "0" : digits) else { return nil }
        return SQLDecimal(unscaled: negate ? -magnitude.unscaled : magnitude.unscaled, scale: scale)
    }

    /// Spark's `parseDigitGroups`: digits, commas and white space from `start`; each comma-separated group
    /// checked against the format's (exact `0…` groups before the point need exactly that many digits).
    private func digits(
        _ parts: [Token], _ characters: [Character], from start: Int, afterPoint: Bool, into before: inout String,
        _ after: inout String
    ) -> Int? {
        var index = start
        var sizes: [Int] = []
        var current = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
            } else if character.isASCII, character.isNumber {
                current += 1
                if afterPoint { after.append(character) } else { before.append(character) }
            } else if character == "," {
                sizes.insert(current, at: 0)
                current = 0
            } else {
                break
            }
            index += 1
        }
        sizes.insert(current, at: 0)
        let expected = parts.filter { $0 != .comma }
        guard sizes.count <= expected.count else { return nil }
        for (position, part) in expected.enumerated() {
            guard case .digits(let count, let exact) = part else { continue }
            let actual = position < sizes.count ? sizes[position] : 0
            if exact ? actual != count : actual > count { return nil }
        }
        return index
    }

    /// Spark's INVALID_FORMAT.MISMATCH_INPUT for `input`.
    func mismatch(_ input: String) -> EngineError {
        .classified(
            errorClass: "INVALID_FORMAT.MISMATCH_INPUT", sqlState: "42601",
            message: "The format is invalid: \(text). The input \"STRING\" \(input) does not match the format.")
    }
}
