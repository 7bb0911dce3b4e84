import DBAPICore

extension SQLValue {
    /// The value as a double, for numeric values.
    var asDouble: Double? {
        switch self {
        case .int(let number): Double(number)
        case .double(let number): number
        case .decimal(let number): number.doubleValue
        default: nil
        }
    }

    /// The value as an exact decimal, for integer and decimal values.
    var asDecimal: SQLDecimal? {
        switch self {
        case .int(let number): SQLDecimal(number)
        case .decimal(let number): number
        default: nil
        }
    }
}

extension SQLType {
    var isDecimal: Bool {
        if case .decimal = self { return true }
        return false
    }
}
