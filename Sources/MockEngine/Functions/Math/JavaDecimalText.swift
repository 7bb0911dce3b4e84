import DBAPICore

/// Java's `BigDecimal.toString`, which Spark uses for decimal literals in generated names and for values in
/// messages: plain when the scale is at least 0 and the adjusted exponent at least -6, else scientific
/// (`1E-8`, `1.0E+38`).
enum JavaDecimalText {
    /// The text of `unscaled × 10^-scale` as Java writes a BigDecimal with that unscaled value and scale.
    static func text(unscaled: Int128, scale: Int) -> String {
        let digits = String(unscaled.magnitude)
        let sign = unscaled < 0 ? "-" : ""
        let adjusted = digits.count - 1 - scale
        if scale >= 0, adjusted >= -6 { return SQLDecimal(unscaled: unscaled, scale: scale).description }
        let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
        let exponent = adjusted == 0 ? "" : "E" + (adjusted > 0 ? "+" : "") + String(adjusted)
        return sign + String(digits.prefix(1)) + fraction + exponent
    }

    /// `value` (at any scale, already rounded to `scale` places, which may be negative) in Java's form.
    static func text(_ value: SQLDecimal, scale: Int) -> String {
        guard scale < 0 else { return text(unscaled: value.unscaled, scale: value.scale) }
        var unscaled = value.unscaled
        for _ in 0..<(-scale) { unscaled /= 10 }
        return text(unscaled: unscaled, scale: scale)
    }
}
