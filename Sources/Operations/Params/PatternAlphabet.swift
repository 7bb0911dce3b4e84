/// The Unicode scalars split into classes that every instruction of one pattern treats alike, so
/// the matcher's DFA has one transition per class instead of one per scalar.
struct PatternAlphabet: Sendable {
    /// Class `k` holds the scalar values from `starts[k]` up to the next start (the last up to U+10FFFF).
    let starts: [UInt32]
    /// The class of each ASCII value, looked up without a search.
    private let ascii: [Int32]

    init(_ program: [Pattern.Instruction]) {
        var bounds: Set<UInt32> = [0]
        for instruction in program {
            switch instruction {
            case .scalar(let scalar): bounds.formUnion([scalar.value, scalar.value + 1])
            case .any: bounds.formUnion([10, 11])  // `.` is every scalar but "\n"
            case .set(let set): for range in set.ranges { bounds.formUnion([range.lowerBound, range.upperBound &+ 1]) }
            default: break
            }
        }
        let starts = bounds.filter { $0 <= 0x10FFFF }.sorted()
        self.starts = starts
        ascii = (0..<128).map { Int32(Self.search(starts, $0)) }
    }

    /// The number of classes.
    var count: Int { starts.count }

    /// The class holding the scalar value.
    func classIndex(of value: UInt32) -> Int {
        value < 128 ? Int(ascii[Int(value)]) : Self.search(starts, value)
    }

    /// The index of the last start ≤ `value` (`starts[0]` is 0).
    private static func search(_ starts: [UInt32], _ value: UInt32) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= value {
                low = middle
            } else {
                high = middle
            }
        }
        return low
    }
}
