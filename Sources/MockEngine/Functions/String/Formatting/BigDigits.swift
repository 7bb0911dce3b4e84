/// A non-negative integer of any size in base-10⁹ limbs, just enough to write a double's exact value.
struct BigDigits {
    private var limbs: [UInt64]
    private static let base: UInt64 = 1_000_000_000

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.base)
            rest /= Self.base
        } while rest > 0
    }

    /// Multiplies by `factor` (below 2^33, so no limb product overflows).
    private mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * factor + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    mutating func multiply(byPowerOf2 count: Int) {
        var left = count
        while left > 0 {
            let step = min(left, 32)
            multiply(by: 1 << UInt64(step))
            left -= step
        }
    }

    mutating func multiply(byPowerOf5 count: Int) {
        var left = count
        while left > 0 {
            let step = min(left, 13)
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 5 }
            multiply(by: factor)
            left -= step
        }
    }

    /// The decimal digits, most significant first (`[0]` for zero).
    var digits: [UInt8] {
        var out: [UInt8] = []
        for (index, limb) in limbs.enumerated().reversed() {
            let text = String(limb)
            let padding = index == limbs.count - 1 ? 0 : 9 - text.utf8.count
            out += [UInt8](repeating: 0, count: padding) + text.utf8.map { $0 - 48 }
        }
        return out
    }
}
