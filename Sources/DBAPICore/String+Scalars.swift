extension String {
    /// The parts between occurrences of `separator`, matched by Unicode scalar (code point), not by
    /// Swift's canonical equivalence, as Spark and Python compare text. An empty separator gives `[self]`.
    /// Linear in the length of the string (`ByteSearch`).
    package func split(byScalars separator: String) -> [String] {
        let offsets = offsets(ofScalars: separator)
        guard !offsets.isEmpty else { return [self] }
        return split(atUTF8Offsets: offsets, width: separator.utf8.count)
    }

    /// The parts around separators `width` bytes wide at the ascending UTF-8 `offsets` (as
    /// `offsets(ofScalars:)` finds them).
    package func split(atUTF8Offsets offsets: [Int], width: Int) -> [String] {
        var text = self
        return text.withUTF8 { bytes in
            var parts: [String] = []
            parts.reserveCapacity(offsets.count + 1)
            var start = 0
            for offset in offsets + [bytes.count] {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
                start = offset + width
            }
            return parts
        }
    }

    /// Every occurrence of `old` (by code point) replaced with `new`; an empty `old` changes nothing.
    package func replacing(scalars old: String, with new: String) -> String {
        split(byScalars: old).joined(separator: new)
    }
}
