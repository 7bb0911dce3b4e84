/// Finds the end of plain runs inside JSON strings eight bytes at a time: the inner loop of every
/// reader of large JSON (the `data_array` scanner, the parser's skip of a deferred array).
package enum JSONStringScan {
    /// The index of the first `"`, `\` or control character (< 0x20) at or after `index` in
    /// `bytes`, or `bytes.count` when there is none.
    @inlinable
    package static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = max(0, index)
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let special = specialMask(word)
                if special != 0 { return index &+ special.trailingZeroBitCount >> 3 }
                index &+= 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            index &+= 1
        }
        return bytes.count
    }

    /// High bit set in each byte lane of `word` that may be special; the lowest set lane always is,
    /// and the mask is zero only when no lane is.
    @inlinable
    package static func specialMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs
    }
}
