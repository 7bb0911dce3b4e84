import DBAPICore

/// A successful JSON response. A `data_array` member is not parsed into `json`: its byte range in
/// `body` is kept for `DataArrayScanner`, which decodes it straight into typed rows.
struct APIResponse: Sendable {
    let json: JSONValue
    let body: [UInt8]
    let dataArray: Range<Int>?
    /// The `data_array` rows when a `DataArrayReader` read them during the parse.
    var rows: RowBatch? = nil

    subscript(key: String) -> JSONValue? { json[key] }
}
