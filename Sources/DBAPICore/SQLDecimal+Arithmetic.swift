/// Exact decimal arithmetic. Every operation returns nil on 128-bit overflow (a result of
/// `Int128.min` counts as overflow, so results can always be negated); callers turn that into
/// Spark's `NUMERIC_VALUE_OUT_OF_RANGE` error.
extension SQLDecimal {
    /// The decimal `value` at `scale`, or nil when the operation overflowed or gave `Int128.min`.
    private static func checked(_ value: Int128, overflow: Bool, scale: Int) -> SQLDecimal? {
        overflow || value == .min ? nil : SQLDecimal(unscaled: value, scale: scale)
    }

    public func adding(_ other: SQLDecimal) -> SQLDecimal? {
        let scale = max(self.scale, other.scale)
        guard let left = withScale(scale), let right = other.withScale(scale) else { return nil }
        let (sum, overflow) = left.unscaled.addingReportingOverflow(right.unscaled)
        return Self.checked(sum, overflow: overflow, scale: scale)
    }

    public func subtracting(_ other: SQLDecimal) -> SQLDecimal? {
        let scale = max(self.scale, other.scale)
        guard let left = withScale(scale), let right = other.withScale(scale) else { return nil }
        let (difference, overflow) = left.unscaled.subtractingReportingOverflow(right.unscaled)
        return Self.checked(difference, overflow: overflow, scale: scale)
    }

    public func multiplied(by other: SQLDecimal) -> SQLDecimal? {
        let (product, overflow) = unscaled.multipliedReportingOverflow(by: other.unscaled)
        return Self.checked(product, overflow: overflow, scale: scale + other.scale)
    }

    /// `self / other` rounded half-up to `resultScale` digits; nil on overflow or division by zero.
    public func divided(by other: SQLDecimal, scale resultScale: Int) -> SQLDecimal? {
        divided(by: other, scale: resultScale, truncating: false)
    }

    /// The remainder with the sign of the dividend (Java `BigDecimal.remainder`).
    public func remainder(dividingBy other: SQLDecimal) -> SQLDecimal? {
        guard other.unscaled != 0 else { return nil }
        let scale = max(self.scale, other.scale)
        guard let left = withScale(scale), let right = other.withScale(scale), left.unscaled != .min else { return nil }
        return SQLDecimal(unscaled: left.unscaled % right.unscaled, scale: scale)
    }

    /// The value with the opposite sign. Parsing and arithmetic never produce `Int128.min`, so this is
    /// exact for all their results; a raw `init(unscaled: .min, …)`, which has no negation in 128
    /// bits, stays as it is rather than trap.
    public var negated: SQLDecimal { SQLDecimal(unscaled: unscaled == .min ? unscaled : -unscaled, scale: scale) }

    /// Rounds to `places` digits after the point (negative places round left of the point) as `mode` says.
    public func rounded(places: Int, _ mode: RoundingMode = .halfUp) -> SQLDecimal? {
        guard places < scale else { return self }
        var divisor: Int128 = 1
        for _ in 0..<(scale - places) {
            let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow { return SQLDecimal(unscaled: 0, scale: max(places, 0)) }
            divisor = next
        }
        var quotient = unscaled / divisor
        let remainder = unscaled % divisor
        switch mode {
        case .halfUp: quotient = Self.divideRoundingHalfUp(unscaled, divisor)
        case .halfEven:
            let twice = remainder.magnitude * 2
            if twice > divisor.magnitude || (twice == divisor.magnitude && quotient % 2 != 0) {
                quotient += unscaled < 0 ? -1 : 1
            }
        case .ceiling: if remainder != 0, unscaled > 0 { quotient += 1 }
        case .floor: if remainder != 0, unscaled < 0 { quotient -= 1 }
        case .towardZero: break
        }
        if places >= 0 { return SQLDecimal(unscaled: quotient, scale: places) }
        return SQLDecimal(unscaled: quotient, scale: 0).withScale(0).flatMap { value in
            var widened = value.unscaled
            for _ in 0..<(-places) {
                let (next, overflow) = widened.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                widened = next
            }
            return SQLDecimal(unscaled: widened, scale: 0)
        }
    }
}

/// How `SQLDecimal.rounded` settles digits it drops.
public enum RoundingMode: Sendable {
    /// To the nearest, a tie away from zero (Spark's `round`, casts to DECIMAL).
    case halfUp
    /// To the nearest, a tie to the even neighbour (banker's rounding: `bround`).
    case halfEven
    /// Toward +∞ (`ceil`).
    case ceiling
    /// Toward −∞ (`floor`).
    case floor
    /// Toward zero: the dropped digits are cut off (casts to integers).
    case towardZero
}
