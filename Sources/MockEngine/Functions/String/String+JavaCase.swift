extension String {
    /// Lower case as Java's `String.toLowerCase` (and so Spark's `lower`) makes it: Unicode's full mapping
    /// with the final-sigma rule, which Swift's `lowercased()` leaves out (`ΣΑΣ` is `σας`, not `σασ`).
    func javaLowercased() -> String {
        let lowered = lowercased()
        guard unicodeScalars.contains("\u{03A3}") else { return lowered }
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}", Self.isFinalSigma(scalars, at: index) {
                out.append("\u{03C2}")
            } else {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    /// Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorable ones) and none after.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        func casedNeighbour(_ indices: some Sequence<Int>) -> Bool {
            for other in indices {
                let properties = scalars[other].properties
                if properties.isCaseIgnorable { continue }
                return properties.isCased
            }
            return false
        }
        return casedNeighbour((0..<index).reversed()) && !casedNeighbour((index + 1)..<scalars.count)
    }
}
