extension SQLType {
    /// Whether values of this type can be ordered and compared (`=`, `<`, ORDER BY): not a MAP, nor
    /// anything holding one.
    public var isOrderable: Bool {
        switch self {
        case .map, .nested: false
        case .array(let element): element.isOrderable
        case .struct(let fields): fields.allSatisfy(\.type.isOrderable)
        default: true
        }
    }
}
