import DBAPICore
import Foundation

/// Fetches one chunk of a result and decodes its rows: the inline `data_array` of a page, or the
/// external link that describes the chunk, downloaded without the workspace `Authorization` header
/// (an expired or failing link is refreshed once through the chunk endpoint).
struct ChunkLoader: Sendable {
    struct Chunk: Sendable {
        let header: ChunkHeader
        let rows: RowBatch
    }

    /// A chunk, and the links its page carried for later chunks (a page may hold several).
    struct Loaded: Sendable {
        let chunk: Chunk
        let laterLinks: [ExternalLink]
    }

    let statementID: String
    let decoder: ResultChunkDecoder
    let client: APIClient
    let downloads: any HTTPTransport

    func chunkPath(_ index: Int) -> String {
        "/api/2.0/sql/statements/\(statementID)/result/chunks/\(index)"
    }

    /// Chunk `index` from the chunk response at `path`.
    func fetch(path: String, index: Int) async throws -> Loaded {
        let decoder = self.decoder
        let statementID = self.statementID
        let response: APIResponse
        do {
            response = try await client.get(path) { (body, start) throws(DatabricksError) in
                do throws(DatabricksError) {
                    return try decoder.batch(body, from: start)
                } catch {
                    throw Self.undecodable(error, statementID: statementID, index: index)
                }
            }
        } catch let error as DatabricksError {
            throw Self.undecodable(error, statementID: statementID, index: index)
        }
        return try await chunk(index, of: response.json, response: response)
    }

    /// Chunk `index` from a page (a chunk response, or a statement's `result` object): its inline
    /// rows, or the rows behind its external link.
    func chunk(_ index: Int, of page: JSONValue, response: APIResponse) async throws -> Loaded {
        if let links = ExternalLink.links(of: page) {
            guard let link = links.first(where: { $0.header.index == index }) ?? links.first else {
                throw DatabricksError.incompleteResult(
                    statementID: statementID, chunkIndex: index, reason: "chunk \(index): the page's external_links list is empty")
            }
            let later = links.filter { ($0.header.index ?? -1) > index }
            return Loaded(chunk: try await download(link, index: index), laterLinks: later)
        }
        let rows: RowBatch
        if let read = response.rows {
            rows = read
        } else if let range = response.dataArray {
            rows = try decode(response.body, range, index: index)
        } else if page["data_array"] != nil {
            throw undecodable(index, "data_array is not an array")
        } else {
            rows = .rows([])
        }
        return Loaded(chunk: Chunk(header: ChunkHeader(page), rows: rows), laterLinks: [])
    }

    /// Downloads and decodes the chunk behind `link`; a link the storage refuses (expired) or fails
    /// to serve is replaced by a fresh one from the chunk endpoint, once.
    func download(_ link: ExternalLink, index: Int, refreshed: Bool = false) async throws -> Chunk {
        guard let address = link.link["external_link"]?.string, let url = URL(string: address) else {
            throw undecodable(index, "its link has no external_link")
        }
        var headers: [String: String] = [:]
        for (name, value) in link.link["http_headers"]?.object?.members ?? [] { headers[name] = value.string }
        let request = HTTPRequest(method: "GET", url: url, headers: headers, isIdempotent: true)
        let response: HTTPResponse
        do {
            response = try await downloads.send(request)
        } catch let error as TransportError {
            guard refreshed else { return try await download(refreshedLink(index), index: index, refreshed: true) }
            throw DatabricksError.transport(error.message, method: "GET", path: "(external link for chunk \(index))", attempts: 2)
        }
        guard response.status == 200 else {
            if !refreshed, [403, 404, 410].contains(response.status) || response.status >= 500 {
                return try await download(refreshedLink(index), index: index, refreshed: true)
            }
            throw DatabricksError.http(
                status: response.status, errorCode: nil, message: "external link download failed", method: "GET",
                path: "(external link for chunk \(index))", attempts: refreshed ? 2 : 1)
        }
        let rows = try decode(response.body, 0..<response.body.count, index: index)
        return Chunk(header: link.header, rows: rows)
    }

    /// A fresh link for chunk `index`: each chunk request mints new presigned links.
    private func refreshedLink(_ index: Int) async throws -> ExternalLink {
        let page = try await client.get(chunkPath(index))
        guard let link = ExternalLink.links(of: page.json)?.first(where: { $0.header.index == index }) else {
            throw undecodable(index, "refreshing its expired link returned no external link for it")
        }
        return link
    }

    private func decode(_ bytes: [UInt8], _ range: Range<Int>, index: Int) throws(DatabricksError) -> RowBatch {
        do {
            return try decoder.batch(bytes, in: range)
        } catch {
            throw Self.undecodable(error, statementID: statementID, index: index)
        }
    }

    private func undecodable(_ index: Int, _ problem: String) -> DatabricksError {
        .incompleteResult(statementID: statementID, chunkIndex: index, reason: "chunk \(index) could not be read: \(problem)")
    }

    /// A chunk whose body is not the JSON it should be, or that is not found, makes the result
    /// incomplete; other failures (authentication, throttling) keep their class.
    private static func undecodable(_ error: DatabricksError, statementID: String, index: Int) -> DatabricksError {
        switch error {
        case .malformedResponse(let message):
            return .incompleteResult(statementID: statementID, chunkIndex: index, reason: "chunk \(index) could not be read: \(message)")
        case .http where error.code == .notFound:
            return .incompleteResult(statementID: statementID, chunkIndex: index, reason: "chunk \(index) could not be fetched: \(error)")
        default:
            return error
        }
    }
}
