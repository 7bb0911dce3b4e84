import DBAPICore

extension SQLType {
    /// Spark's `catalogString`, the form `typeof` returns: lower case, no spaces, struct field names as they
    /// are (`map<string,struct<x:int>>`, `decimal(10,2)`, `interval day to second`).
    var catalogString: String {
        switch self {
        case .array(let element): "array<\(element.catalogString)>"
        case let .map(key, value): "map<\(key.catalogString),\(value.catalogString)>"
        case .struct(let fields): "struct<" + fields.map { "\($0.name):\($0.type.catalogString)" }.joined(separator: ",") + ">"
        case .nested(let typeText): typeText.lowercased()
        default: description.lowercased()
        }
    }
}
