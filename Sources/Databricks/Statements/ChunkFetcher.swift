import DBAPICore
import Foundation

/// Delivers a result's chunks in order while fetching up to `prefetch` later chunks in parallel.
/// Follows `next_chunk_internal_link` (or `next_chunk_index`); external links are downloaded
/// without the workspace `Authorization` header, and an expired link is refreshed through the
/// chunk endpoint.
actor ChunkFetcher {
    private let statementID: String
    private let decoders: [ColumnDecoder]
    private let client: APIClient
    private let downloads: any HTTPTransport
    private let prefetch: Int
    private let totalChunks: Int
    private var pendingFirst: JSONValue?
    private var nextIndex = 0
    private var nextLink: String?
    private var finished = false
    private var inFlight: [Int: Task<JSONValue, any Error>] = [:]

    init(
        statementID: String, first: JSONValue, totalChunks: Int, decoders: [ColumnDecoder], client: APIClient,
        downloads: any HTTPTransport, prefetch: Int
    ) {
        self.statementID = statementID
        self.pendingFirst = first
        self.totalChunks = totalChunks
        self.decoders = decoders
        self.client = client
        self.downloads = downloads
        self.prefetch = max(0, prefetch)
    }

    private func chunkPath(_ index: Int) -> String {
        "/api/2.0/sql/statements/\(statementID)/result/chunks/\(index)"
    }

    /// The next chunk's rows, or nil when the result is exhausted.
    func next() async throws -> [Row]? {
        if finished { return nil }
        let chunk: JSONValue
        if let first = pendingFirst {
            pendingFirst = nil
            chunk = first
        } else if let task = inFlight.removeValue(forKey: nextIndex) {
            chunk = try await task.value
        } else if let link = nextLink {
            chunk = try await client.get(link)
        } else {
            finished = true
            return nil
        }
        let index = StatementRunner.int(chunk["chunk_index"]) ?? nextIndex
        nextLink = chunk["next_chunk_internal_link"]?.string
        if nextLink == nil, let following = StatementRunner.int(chunk["next_chunk_index"]) { nextLink = chunkPath(following) }
        nextIndex = index + 1
        if nextLink == nil { finished = true }
        schedulePrefetch()
        let rows = try await rows(of: chunk, index: index)
        if finished, rows.isEmpty { return nil }
        return rows
    }

    /// Starts fetching the next few chunks (by index, which the API guarantees are consecutive).
    private func schedulePrefetch() {
        guard !finished, totalChunks > 0 else { return }
        let upper = min(totalChunks, nextIndex + prefetch)
        guard nextIndex < upper else { return }
        for index in nextIndex..<upper where inFlight[index] == nil {
            let path = chunkPath(index)
            let client = self.client
            inFlight[index] = Task { try await client.get(path) }
        }
    }

    private func rows(of chunk: JSONValue, index: Int) async throws -> [Row] {
        if let data = chunk["data_array"] {
            guard let rows = data.array else { throw DatabricksError.malformedResponse("chunk \(index): data_array is not an array") }
            return decode(rows)
        }
        guard let link = chunk["external_links"]?.array?.first else { return [] }
        return decode(try await download(link, index: index, refreshed: false))
    }

    private func download(_ link: JSONValue, index: Int, refreshed: Bool) async throws -> [JSONValue] {
        guard let address = link["external_link"]?.string, let url = URL(string: address) else {
            throw DatabricksError.malformedResponse("chunk \(index) has no external_link")
        }
        var headers: [String: String] = [:]
        for (name, value) in link["http_headers"]?.object?.members ?? [] { headers[name] = value.string }
        let response = try await downloads.send(HTTPRequest(method: "GET", url: url, headers: headers, isIdempotent: true))
        if response.status == 403 || response.status == 404 || response.status == 410, !refreshed {
            // Expired presigned link: ask the chunk endpoint for a fresh one.
            let fresh = try await client.get(chunkPath(index))
            guard let renewed = fresh["external_links"]?.array?.first else {
                throw DatabricksError.malformedResponse("chunk \(index) refresh returned no external_links")
            }
            return try await download(renewed, index: index, refreshed: true)
        }
        guard response.status == 200 else {
            throw DatabricksError.http(
                status: response.status, errorCode: nil, message: "external link download failed", method: "GET",
                path: "(external link for chunk \(index))", attempts: 1)
        }
        guard case .array(let rows) = try JSONParser.parse(bytes: [UInt8](response.body)) else {
            throw DatabricksError.malformedResponse("chunk \(index) external link did not hold a JSON array")
        }
        return rows
    }

    private func decode(_ data: [JSONValue]) -> [Row] {
        data.map { item in
            let cells = item.array ?? []
            var row: Row = []
            row.reserveCapacity(decoders.count)
            for (position, decoder) in decoders.enumerated() {
                row.append(decoder.value(position < cells.count ? cells[position].string : nil))
            }
            return row
        }
    }
}
