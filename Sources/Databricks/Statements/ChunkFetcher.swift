import DBAPICore
import Foundation

/// Delivers a result's chunks in order while fetching and decoding up to `prefetch` later chunks in
/// parallel. Follows `next_chunk_internal_link` (or `next_chunk_index`).
actor ChunkFetcher {
    private let loader: ChunkLoader
    private let prefetch: Int
    private let totalChunks: Int
    private var pendingFirst: (result: JSONValue, response: APIResponse)?
    private var nextIndex = 0
    private var nextLink: String?
    private var finished = false
    private var inFlight: [Int: Task<ChunkLoader.Chunk, any Error>] = [:]

    /// - Parameters:
    ///   - first: the statement response and its `result` object, which holds chunk 0.
    init(first: (result: JSONValue, response: APIResponse), totalChunks: Int, loader: ChunkLoader, prefetch: Int) {
        self.pendingFirst = first
        self.totalChunks = totalChunks
        self.loader = loader
        self.prefetch = max(0, prefetch)
    }

    /// The next chunk's rows, or nil when the result is exhausted.
    func next() async throws -> RowBatch? {
        if finished { return nil }
        let chunk: ChunkLoader.Chunk
        if let first = pendingFirst {
            pendingFirst = nil
            nextIndex = 1
            schedulePrefetch()  // the next chunks are requested while this one is scanned
            chunk = try await loader.chunk(meta: first.result, response: first.response, expectedIndex: 0)
        } else if let task = inFlight.removeValue(forKey: nextIndex) {
            chunk = try await task.value
        } else if let link = nextLink {
            chunk = try await loader.load(path: link, expectedIndex: nextIndex)
        } else {
            finished = true
            return nil
        }
        nextLink = chunk.nextLink
        nextIndex = chunk.index + 1
        if nextLink == nil { finished = true }
        schedulePrefetch()
        if finished, chunk.rows.count == 0 { return nil }
        return chunk.rows
    }

    /// Starts fetching and decoding the next few chunks (by index, which the API guarantees are
    /// consecutive) on other threads while the caller writes the current one.
    private func schedulePrefetch() {
        guard !finished, totalChunks > 0 else { return }
        let upper = min(totalChunks, nextIndex + prefetch)
        guard nextIndex < upper else { return }
        for index in nextIndex..<upper where inFlight[index] == nil {
            let loader = self.loader
            inFlight[index] = Task.detached { try await loader.load(path: loader.chunkPath(index), expectedIndex: index) }
        }
    }

    deinit {
        for task in inFlight.values { task.cancel() }
    }
}

/// Fetches one chunk and decodes its rows: inline `data_array`, or the first external link,
/// downloaded without the workspace `Authorization` header (an expired link is refreshed through
/// the chunk endpoint).
struct ChunkLoader: Sendable {
    struct Chunk: Sendable {
        let index: Int
        let nextLink: String?
        let rows: RowBatch
    }

    let statementID: String
    let decoder: ResultChunkDecoder
    let client: APIClient
    let downloads: any HTTPTransport

    func chunkPath(_ index: Int) -> String {
        "/api/2.0/sql/statements/\(statementID)/result/chunks/\(index)"
    }

    func load(path: String, expectedIndex: Int) async throws -> Chunk {
        let decoder = self.decoder
        let response = try await client.get(path) { (body, start) throws(DatabricksError) in
            do throws(DatabricksError) {
                return try decoder.batch(body, from: start)
            } catch .malformedResponse(let message) {
                throw DatabricksError.malformedResponse("chunk \(expectedIndex): \(message)")
            }
        }
        return try await chunk(meta: response.json, response: response, expectedIndex: expectedIndex)
    }

    /// The chunk described by `meta` (a chunk response, or a statement's `result` object).
    func chunk(meta: JSONValue, response: APIResponse, expectedIndex: Int) async throws -> Chunk {
        let index = StatementRunner.int(meta["chunk_index"]) ?? expectedIndex
        var nextLink = meta["next_chunk_internal_link"]?.string
        if nextLink == nil, let following = StatementRunner.int(meta["next_chunk_index"]) { nextLink = chunkPath(following) }
        let rows: RowBatch
        if let read = response.rows {
            rows = read
        } else if let range = response.dataArray {
            rows = try decode(response.body, range, index: index)
        } else if meta["data_array"] != nil {
            throw DatabricksError.malformedResponse("chunk \(index): data_array is not an array")
        } else if let link = meta["external_links"]?.array?.first {
            let body = try await download(link, index: index, refreshed: false)
            rows = try decode(body, 0..<body.count, index: index)
        } else {
            rows = .rows([])
        }
        return Chunk(index: index, nextLink: nextLink, rows: rows)
    }

    private func decode(_ bytes: [UInt8], _ range: Range<Int>, index: Int) throws -> RowBatch {
        do {
            return try decoder.batch(bytes, in: range)
        } catch .malformedResponse(let message) {
            throw DatabricksError.malformedResponse("chunk \(index): \(message)")
        }
    }

    private func download(_ link: JSONValue, index: Int, refreshed: Bool) async throws -> [UInt8] {
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
        return response.body
    }
}
