/// A key that appears more than once in one JSON object. Most parsers keep the last value
/// silently; in a configuration file that hides a mistake, so the config loader reports it.
public struct JSONDuplicateKey: Sendable, Equatable, CustomStringConvertible {
    /// The members leading to the object holding the key, from the top of the document: keys,
    /// and `[index]` for array elements (empty for a key of the top-level object).
    public let path: [String]
    public let key: String
    /// The 1-based line of the key's first appearance.
    public let firstLine: Int
    /// The 1-based line and (byte) column of the repeated key.
    public let line: Int
    public let column: Int

    /// `path` as text: `x.params`, `execution.queries[0]`.
    public var pathText: String {
        path.enumerated().map { $0.offset > 0 && !$0.element.hasPrefix("[") ? "." + $0.element : $0.element }.joined()
    }

    public var description: String {
        let place = path.isEmpty ? "" : " in \(pathText)"
        return "duplicate key \"\(key)\"\(place) at lines \(firstLine) and \(line)"
    }
}
