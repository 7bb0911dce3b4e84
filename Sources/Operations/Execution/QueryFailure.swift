import DBAPICore

/// A backend error, labelled with the query that raised it.
public struct QueryFailure: ReportableError {
    public let query: String
    public let underlying: any ReportableError

    public var code: ErrorCode { underlying.code }
    public var isRetryable: Bool { underlying.isRetryable }
    public var description: String { "query \(query): \(underlying.description)" }
    public var details: [String: JSONValue] {
        var details = underlying.details
        details["query"] = .string(query)
        return details
    }
}

/// A response-mapping expression that failed at run time, labelled with its key.
public struct MappingFailure: ReportableError {
    public let key: String
    public let underlying: MappingError

    public var code: ErrorCode { .configuration }
    public var description: String { "response_mapping.\(key): \(underlying.description)" }
    public var details: [String: JSONValue] { ["mapping_key": .string(key)] }
}
