import DBAPICore

/// One declared example of an operation: the parameters to run it with and what to expect.
/// `dbapi test` runs it and compares the outcome with its snapshot file.
///
///     "examples": [{"name": "kit-1001", "params": {"sku": "KIT-1001"}},
///                  {"name": "bad-sku", "params": {"sku": "x"}, "expect_error": "INVALID_PARAMETER"}]
public struct OperationExample: Sendable {
    /// Unique within the operation; the snapshot file's name.
    public let name: String
    public let summary: String?
    /// The parameters, as `--params-json` would give them.
    public let params: JSONObject
    /// The error code the example must fail with, or nil when it must succeed.
    public let expectedError: ErrorCode?
    /// Parts of the snapshot left out (replaced by `"<ignored>"`), beside the volatile values
    /// dropped by rule.
    public let ignore: [JSONPath]
    /// The line of the example in its config file.
    public let line: Int?

    /// The parameters as the runner takes them.
    public var rawParams: [String: RawParam] {
        var raw: [String: RawParam] = [:]
        for (key, value) in params.members { raw[key] = .json(value) }
        return raw
    }
}
