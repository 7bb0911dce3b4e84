import DBAPICore

/// Payload accessors for kernels, which see values already cast to their parameter types.
extension SQLValue {
    /// A STRING's text (any other value's printed form).
    var text: String {
        if case .string(let value) = self { return value }
        return description
    }

    /// An integral value (0 for anything else).
    var integer: Int64 {
        if case .int(let value) = self { return value }
        return 0
    }
}
