import DBAPICore

extension SQLValue {
    /// Whether every BINARY value in this value (itself or nested) is valid UTF-8, so that reading it as a
    /// STRING loses nothing.
    var binaryIsUTF8: Bool {
        switch self {
        case .binary(let bytes): StrictUTF8.firstInvalidOffset(bytes) == nil
        case .array(let items): items.allSatisfy(\.binaryIsUTF8)
        case .map(let entries): entries.allSatisfy { $0.key.binaryIsUTF8 && $0.value.binaryIsUTF8 }
        case .struct(let fields): fields.allSatisfy(\.value.binaryIsUTF8)
        default: true
        }
    }
}
