#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Byte-wise (code point) equality, unlike `==`, which compares canonical equivalence.
    @inlinable
    package func hasSameBytes(as other: String) -> Bool {
        // `==` is fast (small ASCII strings compare as raw bits) and never says "different" for equal
        // bytes; only when it says "equal" can two spellings of the same text still differ.
        guard self == other else { return false }
        return compareBytes(with: other) == 0
    }

    /// Byte-wise (code point) order: negative, zero or positive.
    @inlinable
    package func compareBytes(with other: String) -> Int {
        var left = self
        var right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = Swift.min(a.count, b.count)
                if let x = a.baseAddress, let y = b.baseAddress, common > 0 {
                    let order = memcmp(x, y, common)
                    if order != 0 { return Int(order) }
                }
                return a.count - b.count
            }
        }
    }
}
