#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Java's `StrictMath` results where they differ from the C library's: Spark computes `exp`, `cbrt`, `cosh` and
/// the logarithms with fdlibm's algorithms, which are not correctly rounded the same way (`exp(1)` is
/// 2.7182818284590455, not `e`'s 2.718281828459045; glibc's `cbrt(27)` is 3.0000000000000004, Java's 3.0), and
/// a mock must give the same last digit.
enum JavaMath {
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let inverseLn2 = 1.44269504088896338700e+00
    private static let p1 = 1.66666666666666019037e-01
    private static let p2 = -2.77777777770155933842e-03
    private static let p3 = 6.61375632143793436117e-05
    private static let p4 = -1.65339022054652515390e-06
    private static let p5 = 4.13813679705723846039e-08
    private static let twoToMinus1000 = 9.33263618503218878990e-302

    /// fdlibm's `__ieee754_exp` (Java's `StrictMath.exp`).
    static func exp(_ value: Double) -> Double {
        var x = value
        let high = UInt32(truncatingIfNeeded: x.bitPattern >> 32)
        let isNegative = high >> 31 == 1
        let magnitude = high & 0x7fff_ffff
        if magnitude >= 0x4086_2E42 {  // |x| >= 709.78…, or not finite
            if x.isNaN { return x }
            if x.isInfinite { return isNegative ? 0 : x }
            if x > 7.09782712893383973096e+02 { return .infinity }
            if x < -7.45133219101941108420e+02 { return 0 }
        }
        var k = 0
        var high2 = 0.0
        var low = 0.0
        if magnitude > 0x3fd6_2e42 {  // |x| > 0.5 ln2: reduce to x - k ln2
            if magnitude < 0x3FF0_A2B2 {  // and |x| < 1.5 ln2
                high2 = isNegative ? x + ln2High : x - ln2High
                low = isNegative ? -ln2Low : ln2Low
                k = isNegative ? -1 : 1
            } else {
                k = Int(inverseLn2 * x + (isNegative ? -0.5 : 0.5))
                let t = Double(k)
                high2 = x - t * ln2High
                low = t * ln2Low
            }
            x = high2 - low
        } else if magnitude < 0x3e30_0000 {  // |x| < 2^-28
            return 1 + x
        }
        let t = x * x
        let c = x - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
        if k == 0 { return 1 - ((x * c) / (c - 2) - x) }
        let y = 1 - ((low - (x * c) / (2 - c)) - high2)
        if k >= -1021 { return Double(bitPattern: y.bitPattern &+ (UInt64(bitPattern: Int64(k)) << 52)) }
        return Double(bitPattern: y.bitPattern &+ (UInt64(bitPattern: Int64(k + 1000)) << 52)) * twoToMinus1000
    }

    /// fdlibm's `cbrt` (Java's `StrictMath.cbrt`, which `Math.cbrt` calls).
    static func cbrt(_ value: Double) -> Double {
        let bits = value.bitPattern
        let sign = UInt32(truncatingIfNeeded: bits >> 32) & 0x8000_0000
        let high = UInt32(truncatingIfNeeded: bits >> 32) ^ sign
        if high >= 0x7ff0_0000 { return value + value }  // NaN, ±Infinity
        if value == 0 { return value }
        let x = Double(bitPattern: UInt64(high) << 32 | (bits & 0xffff_ffff))  // |value|
        var t: Double
        if high < 0x0010_0000 {  // subnormal
            t = Double(bitPattern: UInt64(0x4350_0000) << 32) * x
            t = withHigh(t, highWord(t) / 3 + 696_219_795)
        } else {
            t = withHigh(0, high / 3 + 715_094_163)
        }
        var r = t * t / x
        var s = 5.42857142857142815906e-01 + r * t
        t *= 3.57142857142857150787e-01 + 1.60714285714285720630e+00 / (s + 1.41428571428571436819e+00 + -7.05306122448979611050e-01 / s)
        t = withHigh(Double(bitPattern: t.bitPattern & 0xffff_ffff_0000_0000), highWord(t) + 1)
        s = t * t
        r = x / s
        let w = t + t
        r = (r - t) / (w + r)
        t += t * r
        return withHigh(t, highWord(t) | sign)
    }

    /// fdlibm's `__ieee754_cosh` (Java's `StrictMath.cosh`, which `Math.cosh` calls), on fdlibm's `exp`; the
    /// branch for |x| < ln2/2 uses the C library's `expm1`.
    static func cosh(_ value: Double) -> Double {
        let magnitude = highWord(value) & 0x7fff_ffff
        let x = abs(value)
        if magnitude >= 0x7ff0_0000 { return value * value }
        if magnitude < 0x3fd6_2e43 {
            let t = expm1(x)
            let w = 1 + t
            return magnitude < 0x3c80_0000 ? w : 1 + (t * t) / (w + w)
        }
        if magnitude < 0x4036_0000 {
            let t = exp(x)
            return 0.5 * t + 0.5 / t
        }
        if magnitude < 0x4086_2E42 { return 0.5 * exp(x) }
        let w = exp(0.5 * x)
        return 0.5 * w * w
    }

    private static func highWord(_ x: Double) -> UInt32 { UInt32(truncatingIfNeeded: x.bitPattern >> 32) }

    private static func withHigh(_ x: Double, _ high: UInt32) -> Double {
        Double(bitPattern: UInt64(high) << 32 | (x.bitPattern & 0xffff_ffff))
    }

    /// fdlibm's `__ieee754_log` (Java's `StrictMath.log`) for a positive finite argument or +Infinity.
    static func log(_ value: Double) -> Double {
        var x = value
        var high = Int32(bitPattern: highWord(x))
        var k: Int32 = 0
        if high < 0x0010_0000 {  // subnormal (the caller keeps x > 0)
            k -= 54
            x *= 1.80143985094819840000e+16
            high = Int32(bitPattern: highWord(x))
        }
        if high >= 0x7ff0_0000 { return x + x }
        k += (high >> 20) - 1023
        high &= 0x000f_ffff
        let i = (high &+ 0x95f64) & 0x10_0000
        x = withHigh(x, UInt32(bitPattern: high | (i ^ 0x3ff0_0000)))  // normalize x or x/2
        k += i >> 20
        let f = x - 1
        let dk = Double(k)
        if (0x000f_ffff & (2 &+ high)) < 3 {  // |f| < 2^-20
            if f == 0 { return k == 0 ? 0 : dk * ln2High + dk * ln2Low }
            let r = f * f * (0.5 - 0.33333333333333333 * f)
            return k == 0 ? f - r : dk * ln2High - ((r - dk * ln2Low) - f)
        }
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        if ((high &- 0x6147a) | (0x6b851 &- high)) > 0 {
            let halfSquare = 0.5 * f * f
            return k == 0
                ? f - (halfSquare - s * (halfSquare + r)) : dk * ln2High - ((halfSquare - (s * (halfSquare + r) + dk * ln2Low)) - f)
        }
        return k == 0 ? f - s * (f - r) : dk * ln2High - ((s * (f - r) - dk * ln2Low) - f)
    }

    /// fdlibm's `__ieee754_log10` (Java's `StrictMath.log10`) for a positive finite argument or +Infinity.
    static func log10(_ value: Double) -> Double {
        var x = value
        var high = Int32(bitPattern: highWord(x))
        var k: Int32 = 0
        if high < 0x0010_0000 {
            k -= 54
            x *= 1.80143985094819840000e+16
            high = Int32(bitPattern: highWord(x))
        }
        if high >= 0x7ff0_0000 { return x + x }
        k += (high >> 20) - 1023
        let i = Int32(bitPattern: (UInt32(bitPattern: k) & 0x8000_0000) >> 31)
        high = (high & 0x000f_ffff) | ((0x3ff - i) << 20)
        let y = Double(k + i)
        x = withHigh(x, UInt32(bitPattern: high))
        let z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * log(x)
        return z + y * 3.01029995663611771306e-01
    }

    private static let lg1 = 6.666666666666735130e-01
    private static let lg2 = 3.999999999940941908e-01
    private static let lg3 = 2.857142874366239149e-01
    private static let lg4 = 2.222219843214978396e-01
    private static let lg5 = 1.818357216161805012e-01
    private static let lg6 = 1.531383769920937332e-01
    private static let lg7 = 1.479819860511658591e-01
}
