/// A parsed Java regular expression, restricted to what a linear-time matcher runs exactly as
/// `java.util.regex` does (no backreferences, lookaround, possessive or atomic groups).
indirect enum RegexNode: Sendable {
    case empty
    /// One code point from the set.
    case set(RegexCharSet)
    case concat([RegexNode])
    /// Alternatives, tried in order.
    case alternate([RegexNode])
    /// A capturing group (`index` from 1).
    case group(RegexNode, index: Int)
    /// `min` to `max` (nil: unbounded) repetitions, greedy or lazy.
    case repeated(RegexNode, min: Int, max: Int?, greedy: Bool)
    case assertion(RegexAssertion)

    /// Whether the node can match without consuming input.
    var isNullable: Bool {
        switch self {
        case .empty, .assertion: true
        case .set: false
        case .concat(let parts): parts.allSatisfy(\.isNullable)
        case .alternate(let options): options.contains(where: \.isNullable)
        case .group(let inner, _): inner.isNullable
        case .repeated(let inner, let min, _, _): min == 0 || inner.isNullable
        }
    }
}

/// The zero-width assertions, with Java's line-terminator rules.
enum RegexAssertion: Sendable {
    /// `^` without MULTILINE, `\A`: the start of the searched region.
    case start
    /// `^` with MULTILINE: the start, or after a line terminator that does not end the input.
    case lineStart
    /// `$` without MULTILINE, `\Z`: the end, or before a final line terminator.
    case endBeforeFinalTerminator
    /// `$` with MULTILINE: before any line terminator or at the end.
    case lineEnd
    /// `\z`: the very end.
    case end
    case wordBoundary
    case notWordBoundary
}

/// A set of code points: the union of ranges, Unicode general categories and complements of other sets
/// (`[a\D]`), possibly negated as a whole.
struct RegexCharSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var categories: [Unicode.GeneralCategory] = []
    var complements: [RegexCharSet] = []
    var isNegated = false

    init(ranges: [ClosedRange<UInt32>] = [], categories: [Unicode.GeneralCategory] = [], isNegated: Bool = false) {
        self.ranges = ranges
        self.categories = categories
        self.isNegated = isNegated
    }

    static func single(_ scalar: UInt32) -> RegexCharSet { RegexCharSet(ranges: [scalar...scalar]) }

    /// Whether the set holds the UTF-16 code unit or code point `value`, lone surrogates included (which
    /// Java's matcher meets inside a surrogate pair; they belong to the category Cs).
    func contains(value: UInt32) -> Bool {
        if let scalar = Unicode.Scalar(value) { return contains(scalar) }
        var found = ranges.contains { $0.contains(value) } || categories.contains(.surrogate)
        if !found, !complements.isEmpty { found = complements.contains { !$0.contains(value: value) } }
        return found != isNegated
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = ranges.contains { $0.contains(value) }
        if !found, !categories.isEmpty { found = categories.contains(scalar.properties.generalCategory) }
        if !found, !complements.isEmpty { found = complements.contains { !$0.contains(scalar) } }
        return found != isNegated
    }

    /// The set with the other ASCII case of every ASCII letter it holds (Java's CASE_INSENSITIVE without
    /// UNICODE_CASE folds ASCII only).
    func foldingASCIICase() -> RegexCharSet {
        var folded = self
        for (low, high) in [(UInt32(97), UInt32(122)), (UInt32(65), UInt32(90))] {
            let shift: Int64 = low == 97 ? -32 : 32
            for range in ranges {
                let lower = max(range.lowerBound, low)
                let upper = min(range.upperBound, high)
                if lower <= upper { folded.ranges.append(UInt32(Int64(lower) + shift)...UInt32(Int64(upper) + shift)) }
            }
        }
        folded.complements = complements.map { $0.foldingASCIICase() }
        return folded
    }

    static let digit = RegexCharSet(ranges: [48...57])
    static let word = RegexCharSet(ranges: [48...57, 65...90, 95...95, 97...122])
    static let space = RegexCharSet(ranges: [9...13, 32...32])
    /// Java's `\h`.
    static let horizontalSpace = RegexCharSet(
        ranges: [
            9...9, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x180E...0x180E, 0x2000...0x200A, 0x202F...0x202F,
            0x205F...0x205F, 0x3000...0x3000,
        ])
    /// Java's `\v`.
    static let verticalSpace = RegexCharSet(ranges: [10...13, 0x85...0x85, 0x2028...0x2029])
    /// The line terminators `.` does not match without DOTALL.
    static let lineTerminators = RegexCharSet(ranges: [10...10, 13...13, 0x85...0x85, 0x2028...0x2029])

    var negated: RegexCharSet {
        var copy = self
        copy.isNegated.toggle()
        return copy
    }

    /// Adds every code point of `other` to the set (which must not be negated).
    mutating func formUnion(_ other: RegexCharSet) {
        if other.isNegated {
            complements.append(other.negated)
        } else {
            ranges += other.ranges
            categories += other.categories
            complements += other.complements
        }
    }
}
