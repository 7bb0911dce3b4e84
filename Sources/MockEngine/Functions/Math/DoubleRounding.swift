/// Rounds a DOUBLE as Spark's `round`/`bround` do: its shortest decimal form (Java's `Double.toString`, so
/// `round(2.675D, 2)` is 2.68 although the binary value is below 2.675) rounded half-up or half-even at
/// `places` digits after the point (left of it when negative), read back as a DOUBLE; zero has no sign.
enum DoubleRounding {
    static func round(_ number: Double, places: Int, halfEven: Bool) -> Double {
        guard number.isFinite, number != 0 else { return number.isFinite ? 0 : number }
        var (digits, exponent) = shortestDigits(abs(number))  // value = 0.d1d2… × 10^exponent
        let keep = exponent + places  // digits that stay
        if keep >= digits.count { return number }
        if keep < 0 { return 0 }
        let next = digits[keep]
        let restNonZero = digits[(keep + 1)...].contains { $0 != 0 }
        let lastKept = keep > 0 ? digits[keep - 1] : 0
        let roundsUp = halfEven ? (next > 5 || (next == 5 && (restNonZero || lastKept % 2 == 1))) : next >= 5
        digits.removeSubrange(keep...)
        if roundsUp {
            var index = keep - 1
            while index >= 0, digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                digits[index] += 1
            } else {
                digits.insert(1, at: 0)
                exponent += 1
            }
        }
        guard digits.contains(where: { $0 != 0 }) else { return 0 }
        let text = "0." + String(digits.map { Character(Unicode.Scalar($0 + 48)) }) + "e\(exponent)"
        let magnitude = Double(text) ?? 0
        return number < 0 ? -magnitude : magnitude
    }

    /// The shortest round-trip digits of a positive finite double and its exponent `e` with value 0.d… × 10^e.
    private static func shortestDigits(_ number: Double) -> ([UInt8], Int) {
        let text = "\(number)"
        var exponent = 0
        var mantissa = Substring(text)
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        var digits: [UInt8] = []
        var pointPosition: Int?
        for character in mantissa {
            if character == "." {
                pointPosition = digits.count
            } else if let value = character.wholeNumberValue {
                digits.append(UInt8(value))
            }
        }
        exponent += pointPosition ?? digits.count
        while digits.first == 0 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == 0 { digits.removeLast() }
        return (digits, exponent)
    }
}
