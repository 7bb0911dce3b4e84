/// Decimal multiplication and division through a 256-bit intermediate, so that two 38-digit operands give
/// the result Spark's `BigDecimal` arithmetic gives once rounded to the result type's scale, even when the
/// exact product or the scaled dividend needs more than 128 bits (Spark's precision-loss rules).
extension SQLDecimal {
    /// `self × other` rounded half-up to `resultScale` digits; nil when the rounded result needs more than
    /// 128 bits (it then cannot fit any DECIMAL type either).
    public func multiplied(by other: SQLDecimal, roundedTo resultScale: Int) -> SQLDecimal? {
        let negative = (unscaled < 0) != (other.unscaled < 0)
        var product = WideMagnitude(unscaled.magnitude.multipliedFullWidth(by: other.unscaled.magnitude))
        let drop = scale + other.scale - resultScale
        if drop < 0 {
            guard let widened = product.timesPowerOfTen(-drop) else { return nil }
            product = widened
        } else if drop > 0 {
            product = product.dividedRoundingHalfUp(byPowerOfTen: drop)
        }
        return product.decimal(negative: negative, scale: resultScale)
    }

    /// `self ÷ other` to `resultScale` digits, rounded half-up, or truncated toward zero when `truncating`;
    /// nil when `other` is 0 or the result needs more than 128 bits.
    public func divided(by other: SQLDecimal, scale resultScale: Int, truncating: Bool) -> SQLDecimal? {
        guard other.unscaled != 0 else { return nil }
        let negative = (unscaled < 0) != (other.unscaled < 0)
        // self/other = (u1 / 10^s1) / (u2 / 10^s2); scaled to r digits: u1 * 10^(r - s1 + s2) / u2.
        guard let operands = aligned(dividingBy: other, shift: resultScale - scale + other.scale) else { return nil }
        guard let (numerator, denominator) = operands else {
            return SQLDecimal(unscaled: 0, scale: resultScale)  // the divisor exceeds any 38-digit dividend
        }
        var (quotient, remainder) = numerator.divided(by: denominator)
        if !truncating, remainder >= denominator - remainder { quotient = quotient.incremented }
        return quotient.decimal(negative: negative, scale: resultScale)
    }

    /// The exact product as Spark's `BigDecimal` multiplication (MathContext of 38 digits, half-up) writes it in
    /// a NUMERIC_VALUE_OUT_OF_RANGE message: plain digits, scaled by the operands' scales.
    public func productDescription(_ other: SQLDecimal) -> String {
        var product = WideMagnitude(unscaled.magnitude.multipliedFullWidth(by: other.unscaled.magnitude))
        var scale = self.scale + other.scale
        let excess = product.digitCount - 38
        if excess > 0 {
            product = product.dividedRoundingHalfUp(byPowerOfTen: excess)
            scale -= excess
        }
        var digits = product.digits
        if scale <= 0 {
            digits += String(repeating: "0", count: -scale)
        } else {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return ((unscaled < 0) != (other.unscaled < 0) && product.digits != "0" ? "-" : "") + digits
    }

    /// The integral part of `self ÷ other` as Java's `BigInteger.longValue()` gives it: the low 64 bits of the
    /// two's-complement quotient (Spark's `div` on decimals wraps that way); nil when `other` is 0.
    public func integralQuotientLow64(dividingBy other: SQLDecimal) -> Int64? {
        guard other.unscaled != 0, let operands = aligned(dividingBy: other, shift: other.scale - scale) else { return nil }
        guard let (numerator, denominator) = operands else { return 0 }  // the divisor exceeds any 38-digit dividend
        let negative = (unscaled < 0) != (other.unscaled < 0)
        let low = UInt64(truncatingIfNeeded: numerator.divided(by: denominator).quotient.low)
        return Int64(bitPattern: negative ? 0 &- low : low)
    }
}

extension SQLDecimal {
    /// The magnitudes of `self` and `other` as a division's numerator and denominator with the numerator
    /// scaled by 10^`shift` (a negative shift scales the denominator instead): nil when the numerator
    /// overflows 256 bits, `.some(nil)` when the scaled denominator exceeds 128 bits (the quotient is 0).
    fileprivate func aligned(dividingBy other: SQLDecimal, shift: Int) -> (WideMagnitude, UInt128)?? {
        let numerator = WideMagnitude(high: 0, low: unscaled.magnitude)
        let denominator = other.unscaled.magnitude
        if shift >= 0 {
            guard let widened = numerator.timesPowerOfTen(shift) else { return nil }
            return .some((widened, denominator))
        }
        guard let widened = WideMagnitude(high: 0, low: denominator).timesPowerOfTen(-shift), widened.high == 0 else {
            return .some(nil)
        }
        return .some((numerator, widened.low))
    }
}

/// An unsigned 256-bit magnitude as two 128-bit halves.
struct WideMagnitude {
    var high: UInt128
    var low: UInt128

    init(high: UInt128, low: UInt128) {
        self.high = high
        self.low = low
    }

    init(_ parts: (high: UInt128, low: UInt128)) { self.init(high: parts.high, low: parts.low) }

    /// 10^exponent for 0…38.
    static func powerOfTen(_ exponent: Int) -> UInt128 {
        var value: UInt128 = 1
        for _ in 0..<exponent { value &*= 10 }
        return value
    }

    /// The decimal digits, most significant first ("0" for zero).
    var digits: String {
        var chunks: [UInt128] = []
        var value = self
        let chunk = Self.powerOfTen(19)
        repeat {
            let (quotient, remainder) = value.divided(by: chunk)
            chunks.append(remainder)
            value = quotient
        } while value.high != 0 || value.low != 0
        var text = String(chunks.removeLast())
        for part in chunks.reversed() {
            let piece = String(part)
            text += String(repeating: "0", count: 19 - piece.count) + piece
        }
        return text
    }

    var digitCount: Int { digits.count }

    var incremented: WideMagnitude {
        let (sum, carry) = low.addingReportingOverflow(1)
        return WideMagnitude(high: carry ? high &+ 1 : high, low: sum)
    }

    /// self × 10^exponent, nil past 256 bits.
    func timesPowerOfTen(_ exponent: Int) -> WideMagnitude? {
        var value = self
        var left = exponent
        while left > 0 {
            let step = min(left, 38)
            let factor = Self.powerOfTen(step)
            let (carry, low) = value.low.multipliedFullWidth(by: factor)
            let (high, overflow) = value.high.multipliedReportingOverflow(by: factor)
            let (sum, overflow2) = high.addingReportingOverflow(carry)
            guard !overflow, !overflow2 else { return nil }
            value = WideMagnitude(high: sum, low: low)
            left -= step
        }
        return value
    }

    /// Long division by a non-zero 128-bit divisor.
    func divided(by divisor: UInt128) -> (quotient: WideMagnitude, remainder: UInt128) {
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, low))
        return (WideMagnitude(high: highQuotient, low: lowQuotient), remainder)
    }

    /// self ÷ 10^exponent rounded half-up (earlier steps truncate: only the last remainder decides a half).
    func dividedRoundingHalfUp(byPowerOfTen exponent: Int) -> WideMagnitude {
        var value = self
        var left = exponent
        while left > 0 {
            let step = min(left, 38)
            let divisor = Self.powerOfTen(step)
            let (quotient, remainder) = value.divided(by: divisor)
            value = quotient
            left -= step
            if left == 0, remainder >= divisor - remainder { value = value.incremented }
            if left > 0, value.high == 0, value.low == 0 { return value }
        }
        return value
    }

    /// The signed decimal, nil when the magnitude does not fit `Int128` (without reaching `Int128.min`).
    func decimal(negative: Bool, scale: Int) -> SQLDecimal? {
        guard high == 0, low <= UInt128(Int128.max) else { return nil }
        let value = Int128(low)
        return SQLDecimal(unscaled: negative ? -value : value, scale: scale)
    }
}
