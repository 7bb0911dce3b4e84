extension Int64 {
    /// A base-10 integer with an optional `+` or `-` and any number of leading zeros (as Java's
    /// `Long.parseLong`, which Spark's CSV reader uses, and as a warehouse writes BIGINT), read straight
    /// from UTF-8; nil on anything else or outside Int64's range.
    package init?(decimalUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) =
                negative ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        self = value
    }
}
