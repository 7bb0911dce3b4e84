import DBAPICore

/// The bounds that keep string functions' memory and time finite whatever the input: a result longer
/// than `maxResultScalars` and quadratic work beyond `maxQuadraticSteps` are refused as UNSUPPORTED_FEATURE
/// (Spark would build them, the mock does not).
enum StringLimits {
    /// The longest string a function builds, in code points (16 Mi).
    static let maxResultScalars = 1 << 24
    /// The most cells a quadratic algorithm (levenshtein) may visit.
    static let maxQuadraticSteps = 1 << 27

    /// Throws unless a result of `count` code points is within bounds.
    static func checkResult(_ count: Int, _ function: String) throws(EngineError) {
        guard count <= maxResultScalars else {
            throw EngineError.unsupported("\(function) results longer than \(maxResultScalars) characters")
        }
    }
}

extension String {
    /// A string made of the given code points.
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
