import DBAPICore

/// A non-negative decimal number as digits before and after the point, with its sign kept apart: the
/// common ground of format_number (Java's DecimalFormat, HALF_EVEN on the exact value) and format_string
/// (Java's Formatter, HALF_UP on the shortest decimal that reads back as the double).
struct DecimalText: Equatable {
    var integer: [UInt8]
    var fraction: [UInt8]
    var isNegative: Bool

    init(integer: [UInt8], fraction: [UInt8], isNegative: Bool) {
        self.integer = Array(integer.drop { $0 == 0 })
        self.fraction = fraction
        self.isNegative = isNegative
    }

    init(_ number: Int64) {
        self.init(integer: Self.digits(String(number.magnitude)), fraction: [], isNegative: number < 0)
    }

    init(_ number: SQLDecimal) {
        let digits = Self.digits(String(number.unscaled.magnitude))
        let padded = [UInt8](repeating: 0, count: max(0, number.scale - digits.count + 1)) + digits
        let split = padded.count - number.scale
        self.init(integer: Array(padded[..<split]), fraction: Array(padded[split...]), isNegative: number.unscaled < 0)
    }

    /// The shortest digits that read back as `number` (finite), as Java's Double.toString chooses them.
    init(shortest number: Double) {
        let text = "\(number.magnitude)"
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Self.digits(String(parts[0]))
        let fraction = parts.count > 1 ? Self.digits(String(parts[1])) : []
        self.init(shifting: whole + fraction, point: whole.count + exponent, isNegative: number.sign == .minus)
    }

    /// The exact value of `number` (finite): significand · 2^power written out in decimal.
    init(exact number: Double) {
        let magnitude = number.magnitude
        var significand = magnitude.significandBitPattern
        var power = -1074
        if magnitude.isNormal {
            significand |= 1 << 52
            power = Int(magnitude.exponent) - 52
        }
        while significand != 0, significand & 1 == 0, power < 0 {
            significand >>= 1
            power += 1
        }
        var big = BigDigits(significand)
        if power >= 0 {
            big.multiply(byPowerOf2: power)
            self.init(shifting: big.digits, point: big.digits.count, isNegative: number.sign == .minus)
        } else {
            // s · 2^-k = s · 5^k / 10^k
            big.multiply(byPowerOf5: -power)
            self.init(shifting: big.digits, point: big.digits.count + power, isNegative: number.sign == .minus)
        }
    }

    /// `digits` with the decimal point after `point` of them (before them when negative).
    init(shifting digits: [UInt8], point: Int, isNegative: Bool) {
        if point <= 0 {
            self.init(integer: [], fraction: [UInt8](repeating: 0, count: -point) + digits, isNegative: isNegative)
        } else if point >= digits.count {
            self.init(integer: digits + [UInt8](repeating: 0, count: point - digits.count), fraction: [], isNegative: isNegative)
        } else {
            self.init(integer: Array(digits[..<point]), fraction: Array(digits[point...]), isNegative: isNegative)
        }
    }

    private static func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 &- 48 } }

    var isZero: Bool { integer.isEmpty && !fraction.contains { $0 != 0 } }

    /// How a value exactly halfway between two results rounds.
    enum Tie {
        case up, even, down
    }

    /// Whether rounding to `places` fraction digits drops exactly a half.
    func isTie(atPlaces places: Int) -> Bool {
        fraction.count > places && fraction[places] == 5 && !fraction[(places + 1)...].contains { $0 != 0 }
    }

    /// Rounded to `places` fraction digits (exactly that many), halves as `tie` says.
    func rounded(toPlaces places: Int, tie: Tie) -> DecimalText {
        var kept = integer + fraction.prefix(places) + [UInt8](repeating: 0, count: max(0, places - fraction.count))
        let dropped = fraction.count > places ? Array(fraction[places...]) : []
        var up = false
        if let first = dropped.first {
            if first > 5 || (first == 5 && dropped.dropFirst().contains { $0 != 0 }) {
                up = true
            } else if first == 5 {
                up = tie == .up || (tie == .even && (kept.last ?? 0) % 2 == 1)
            }
        }
        if up {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        let split = kept.count - places
        return DecimalText(integer: Array(kept[..<split]), fraction: Array(kept[split...]), isNegative: isNegative)
    }

    /// The integer digits as text, grouped by `groupSize` with commas (0: no grouping), at least
    /// `minimumDigits` long.
    func integerText(grouping groupSize: Int, minimumDigits: Int) -> String {
        let digits = [UInt8](repeating: 0, count: max(0, minimumDigits - integer.count)) + integer
        var out = ""
        for (index, digit) in digits.enumerated() {
            if groupSize > 0, index > 0, (digits.count - index) % groupSize == 0 { out += "," }
            out.unicodeScalars.append(Unicode.Scalar(digit + 48))
        }
        return out
    }

    /// Compares magnitudes: negative when `self` is smaller, 0 when equal.
    func compareMagnitude(_ other: DecimalText) -> Int {
        if integer.count != other.integer.count { return integer.count < other.integer.count ? -1 : 1 }
        for (a, b) in zip(integer, other.integer) where a != b { return a < b ? -1 : 1 }
        for index in 0..<max(fraction.count, other.fraction.count) {
            let a = index < fraction.count ? fraction[index] : 0
            let b = index < other.fraction.count ? other.fraction[index] : 0
            if a != b { return a < b ? -1 : 1 }
        }
        return 0
    }

    var fractionText: String { String(decoding: fraction.map { $0 + 48 }, as: UTF8.self) }
}
