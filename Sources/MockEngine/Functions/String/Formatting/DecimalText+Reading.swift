import DBAPICore

extension DecimalText {
    /// The most digits a reading materialises on either side of the point: a number written wider (`1e1000`)
    /// is held as one this wide, which fits no DECIMAL either way (or rounds to 0).
    static let maxReadDigits = 400

    /// Text in Java BigDecimal's syntax, as Spark's CAST to DECIMAL reads it: an optional sign, digits with
    /// at most one point (`12.5`, `.5`, `5.`), an optional exponent (`1e3`, `1E-2`); surrounding spaces
    /// trimmed, any number of digits, Unicode decimal digits (`１２`) as Java reads them. Nil for anything else.
    init?(reading text: String) {
        var characters = Substring(text.trimmingSpaces())
        var isNegative = false
        if let sign = characters.first, sign == "+" || sign == "-" {
            isNegative = sign == "-"
            characters = characters.dropFirst()
        }
        var digits: [UInt8] = []
        var point: Int?
        while let character = characters.first, character != "e", character != "E" {
            characters = characters.dropFirst()
            if character == ".", point == nil {
                point = digits.count
            } else if let digit = character.wholeNumberValue, character.unicodeScalars.count == 1, character.isNumber {
                digits.append(UInt8(digit))
            } else {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        var exponent = 0
        if !characters.isEmpty {
            guard let value = Int(characters.dropFirst()), abs(value) <= 1_000_000 else { return nil }
            exponent = value
        }
        let significant = digits.drop { $0 == 0 }
        let at = (point ?? digits.count) + exponent - (digits.count - significant.count)
        self.init(shifting: Array(significant), point: min(max(at, -Self.maxReadDigits), Self.maxReadDigits), isNegative: isNegative)
    }

    /// The plain decimal text (`1000`, `0.05`, `-12.5`), trailing fraction zeros kept.
    var plainText: String {
        (isNegative && !isZero ? "-" : "") + integerText(grouping: 0, minimumDigits: 1) + (fraction.isEmpty ? "" : "." + fractionText)
    }
}
