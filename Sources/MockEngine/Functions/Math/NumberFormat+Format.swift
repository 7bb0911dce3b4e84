import DBAPICore

/// `to_char(number, format)`: a DECIMAL written in a `to_number` format as Spark's `ToNumberParser.format`
/// writes it: digits right-aligned (leading spaces, or zeros under a `0` group), `#` in every digit place when
/// the value has more digits than the format, signs and brackets moved next to the digits.
extension NumberFormat {
    func format(_ value: SQLDecimal) -> String {
        let isNegative = value.unscaled < 0
        let (before, after) = digitTexts(value)
        var result: [Character] = []
        var (beforeIndex, afterIndex) = (0, 0)
        var reachedPoint = false
        for token in tokens {
            switch token {
            case .groups(let parts):
                for part in parts.reversed() {  // stored last group first
                    switch part {
                    case let .digits(count, exact):
                        for _ in 0..<count {
                            if reachedPoint {
                                if afterIndex < after.count { result.append(after[afterIndex]) }
                                afterIndex += 1
                                continue
                            }
                            let digit: Character = beforeIndex < before.count ? before[beforeIndex] : " "
                            beforeIndex += 1
                            if digit != " " {
                                result.append(digit)
                            } else if exact {
                                result.append("0")
                            } else {
                                Self.appendSpaceBeforeSigns(&result)
                            }
                        }
                    default:  // a grouping comma: kept between digits, else a space
                        if let last = result.last, last.isASCII, last.isNumber {
                            result.append(",")
                        } else {
                            Self.appendSpaceBeforeSigns(&result)
                        }
                    }
                }
            case .point:
                if result.last == " " { result[result.count - 1] = "0" }  // no integer part: `0.5`
                result.append(".")
                reachedPoint = true
            case .dollar: result.append("$")
            case .optionalSign:
                Self.stripLonePoint(&result)
                Self.appendSignAfterSpaces(&result, isNegative ? "-" : "+")
            case .optionalMinus:
                if isNegative {
                    Self.stripLonePoint(&result)
                    Self.appendSignAfterSpaces(&result, "-")
                } else {
                    result.append(" ")
                }
            case .openBracket: if isNegative { result.append("<") }
            case .closeBracket:
                Self.stripLonePoint(&result)
                if isNegative { Self.appendSignAfterSpaces(&result, ">") } else { result += [" ", " "] }
            case .comma, .digits, .invalid: break
            }
        }
        Self.stripLonePoint(&result)
        let text = String(result)
        return text.isEmpty || text == "+" || text == "-" ? "0" : text
    }

    /// The value's digits before and after the point, padded to the format's digit places (leading spaces,
    /// trailing zeros), or `#` in every place when the value does not fit.
    private func digitTexts(_ value: SQLDecimal) -> ([Character], [Character]) {
        let plain = value.description.split(separator: ".", omittingEmptySubsequences: false)
        var before = Array(plain[0].drop { $0 == "-" || $0 == "0" })
        var after = plain.count > 1 ? Array(plain[1]) : []
        while after.last == "0" { after.removeLast() }
        var (placesBefore, placesAfter) = (0, 0)
        var reachedPoint = false
        for token in tokens {
            if token == .point { reachedPoint = true }
            guard case .groups(let parts) = token else { continue }
            for case .digits(let count, _) in parts {
                if reachedPoint { placesAfter += count } else { placesBefore += count }
            }
        }
        if before.count > placesBefore || after.count > placesAfter {
            (before, after) = (Array(repeating: "#", count: placesBefore), Array(repeating: "#", count: placesAfter))
        }
        return (
            Array(repeating: " ", count: placesBefore - before.count) + before,
            after + Array(repeating: "0", count: placesAfter - after.count)
        )
    }

    /// Appends a sign or bracket, moved left past the spaces before it (`  -12`, not `-  12`).
    private static func appendSignAfterSpaces(_ result: inout [Character], _ character: Character) {
        result.append(character)
        var index = result.count - 1
        while index >= 1, result[index - 1] == " ", result[index] == character {
            result.swapAt(index, index - 1)
            index -= 1
        }
    }

    /// Appends a space, moved left past a sign or `<` before it, so the sign stays next to the digits.
    private static func appendSpaceBeforeSigns(_ result: inout [Character]) {
        result.append(" ")
        var index = result.count - 1
        while index >= 1, ["+", "-", "<"].contains(result[index - 1]), result[index] == " " {
            result.swapAt(index, index - 1)
            index -= 1
        }
    }

    /// A point with no digit after it becomes a space.
    private static func stripLonePoint(_ result: inout [Character]) {
        guard let point = result.firstIndex(of: "."), point == result.count - 1 || result[point + 1] == " " else { return }
        result[point] = " "
    }
}
