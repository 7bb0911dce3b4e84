/// An exact decimal number: an unscaled 128-bit integer and a scale (digits after the point).
///
/// Spark's DECIMAL(p,s) holds at most 38 digits, which always fits in `Int128`. Arithmetic is exact
/// and rounds half-up when a result has to lose scale, like Java's `BigDecimal` in Spark. Its results
/// may exceed 38 digits (a product is rounded to its result type by `fits` afterwards), but never
/// `Int128.min`: an operation that would leave the 128-bit range returns nil, so every value parsing
/// and arithmetic produce can be negated.
///
///     SQLDecimal(string: "12.50")!.description == "12.50"
public struct SQLDecimal: Sendable, Hashable, CustomStringConvertible {
    public var unscaled: Int128
    public var scale: Int

    public init(unscaled: Int128, scale: Int) {
        self.unscaled = unscaled
        self.scale = scale
    }

    /// Parses `123`, `-0.50`, `1.5e3`; nil when the text is not a number or needs more than 38 digits.
    public init?(string: String) {
        var text = string
        guard let value = text.withUTF8({ SQLDecimal(utf8: $0) }) else { return nil }
        self = value
    }

    /// `init(string:)` over UTF-8 bytes, without allocating.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var mantissa: Int128 = 0
        var scale = 0
        var digits = 0
        var sawDigit = false
        var sawPoint = false
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                sawDigit = true
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 38 else { return nil }
                mantissa = mantissa * 10 + Int128(byte - UInt8(ascii: "0"))
                if sawPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard sawDigit, let exponent = Self.exponent(UnsafeBufferPointer(rebasing: bytes[(index + 1)...])) else { return nil }
                scale -= exponent
                break
            } else {
                return nil
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if scale < 0 {
            guard let widened = SQLDecimal(unscaled: mantissa, scale: 0).rescaled(to: 0, shift: -scale) else { return nil }
            mantissa = widened
            scale = 0
        }
        self.init(unscaled: negative ? -mantissa : mantissa, scale: scale)
        guard scale <= 38, digitCount <= 38 else { return nil }  // `1e38` has 39 digits
    }

    /// A signed exponent of at most 76 in magnitude (larger ones cannot give a 38-digit decimal).
    private static func exponent(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var sign = 1
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            index = 1
        }
        guard index < bytes.count, bytes.count - index <= 3 else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return value <= 76 ? sign * value : nil
    }

    /// Creates the exact decimal of an integer.
    public init(_ integer: Int64) { self.init(unscaled: Int128(integer), scale: 0) }

    private func rescaled(to _: Int, shift: Int) -> Int128? {
        var value = unscaled
        for _ in 0..<shift {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }

    /// The number of significant digits (at least 1), i.e. the precision this value needs.
    public var digitCount: Int {
        var value = unscaled.magnitude
        var count = 1
        while value >= 10 {
            value /= 10
            count += 1
        }
        return count
    }

    /// The value at `newScale`, rounding half-up when digits are dropped; nil on overflow.
    public func withScale(_ newScale: Int) -> SQLDecimal? {
        if newScale == scale { return self }
        if newScale > scale {
            guard let value = rescaled(to: newScale, shift: newScale - scale) else { return nil }
            return SQLDecimal(unscaled: value, scale: newScale)
        }
        var divisor: Int128 = 1
        for _ in 0..<(scale - newScale) {
            let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow { return SQLDecimal(unscaled: 0, scale: newScale) }
            divisor = next
        }
        return SQLDecimal(unscaled: Self.divideRoundingHalfUp(unscaled, divisor), scale: newScale)
    }

    /// Integer division of `a` by `b` rounding half away from zero (`b` must not be 0).
    static func divideRoundingHalfUp(_ a: Int128, _ b: Int128) -> Int128 {
        let quotient = a / b
        let remainder = a % b
        if remainder.magnitude >= (b.magnitude - remainder.magnitude) {
            return (a < 0) != (b < 0) ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// The value rounded to `scale`, or nil when it does not fit DECIMAL(precision, scale).
    public func fitted(precision: Int, scale targetScale: Int) -> SQLDecimal? {
        guard let value = withScale(targetScale) else { return nil }
        return value.digitCount <= precision || value.unscaled == 0 ? value : nil
    }

    public var doubleValue: Double {
        Double(description) ?? 0
    }

    public var description: String {
        var bytes: [UInt8] = []
        appendDescription(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description`'s UTF-8 (`-12.50`, `0.05`) without building intermediate strings.
    public func appendDescription(to bytes: inout [UInt8]) {
        if unscaled < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = unscaled.magnitude
        // At most 39 digits; filled from the right, in 64-bit arithmetic once the rest fits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var start = 40
            while magnitude > UInt64.max {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            var small = UInt64(magnitude)
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(small % 10)
                small /= 10
            } while small > 0
            let count = 40 - start
            if scale <= 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<40]))
                return
            }
            if count <= scale {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "."))
                for _ in 0..<(scale - count) { bytes.append(UInt8(ascii: "0")) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<40]))
                return
            }
            let point = 40 - scale
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<point]))
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[point..<40]))
        }
    }

    /// Compares two decimals by value, whatever their scales.
    public static func compare(_ lhs: SQLDecimal, _ rhs: SQLDecimal) -> Int {
        let scale = max(lhs.scale, rhs.scale)
        if let left = lhs.withScale(scale), let right = rhs.withScale(scale) {
            return left.unscaled < right.unscaled ? -1 : (left.unscaled == right.unscaled ? 0 : 1)
        }
        let left = lhs.doubleValue
        let right = rhs.doubleValue
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    /// The same value with trailing fractional zeros removed (used for hashing and equality).
    public var normalized: SQLDecimal {
        var value = self
        while value.scale > 0, value.unscaled % 10 == 0 {
            value.unscaled /= 10
            value.scale -= 1
        }
        return value
    }

    public static func == (lhs: SQLDecimal, rhs: SQLDecimal) -> Bool { compare(lhs, rhs) == 0 }

    public func hash(into hasher: inout Hasher) {
        let value = normalized
        hasher.combine(value.unscaled)
        hasher.combine(value.scale)
    }
}
