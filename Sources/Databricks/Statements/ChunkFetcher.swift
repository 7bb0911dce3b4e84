import DBAPICore

/// Delivers a result's chunks in order, each checked against `ResultIntegrity`, while fetching and
/// decoding up to `prefetch` later chunks in parallel.
///
/// The chunks' next-chunk pointers are what the result follows: chunks are prefetched by index (the
/// API allows any order), and a prefetched chunk is used only when it was fetched from the path the
/// previous chunk points to. Links that a page carries for later chunks are downloaded, not asked
/// for again.
actor ChunkFetcher {
    private let loader: ChunkLoader
    private let prefetch: Int
    private var integrity: ResultIntegrity
    /// The statement response's `result` object (chunk 0), until it is read.
    private var firstPage: (page: JSONValue, response: APIResponse)?
    /// Where the next chunk is fetched from when it was not prefetched: the last chunk's pointer.
    private var nextPath: String?
    /// External links already received for chunks not yet delivered.
    private var knownLinks: [Int: ExternalLink] = [:]
    /// Prefetches by chunk index, with the path they were fetched from (nil: a known link).
    private var inFlight: [Int: (path: String?, task: Task<ChunkLoader.Loaded, any Error>)] = [:]
    private var finished = false

    /// - Parameters:
    ///   - first: the statement response and its `result` object, which holds chunk 0.
    ///   - integrity: the manifest's announced chunk and row totals.
    init(first: (result: JSONValue, response: APIResponse), integrity: ResultIntegrity, loader: ChunkLoader, prefetch: Int) {
        self.firstPage = (first.result, first.response)
        self.integrity = integrity
        self.loader = loader
        self.prefetch = max(0, prefetch)
    }

    /// The next chunk's rows, or nil when the result is complete. Throws when the result breaks
    /// its completeness invariant: it never ends early without an error.
    func next() async throws -> RowBatch? {
        do {
            while !finished {
                let index = integrity.expectedIndex
                guard let loaded = try await load(index) else {
                    try integrity.finish()
                    finished = true
                    return nil
                }
                remember(loaded.laterLinks)
                let header = loaded.chunk.header
                if try integrity.accept(header, rows: loaded.chunk.rows.count) {
                    nextPath = header.nextPath ?? header.nextIndex.map(loader.chunkPath)
                    schedulePrefetch()
                } else {
                    finish()
                }
                if loaded.chunk.rows.count > 0 { return loaded.chunk.rows }
            }
            return nil
        } catch {
            finish()
            throw error
        }
    }

    /// Chunk `index`, or nil when the statement's result holds no chunk at all (zero rows).
    private func load(_ index: Int) async throws -> ChunkLoader.Loaded? {
        if let first = firstPage {
            firstPage = nil
            if Self.isEmpty(first.page) { return nil }
            remember(ExternalLink.links(of: first.page)?.filter { ($0.header.index ?? 0) > index } ?? [])
            schedulePrefetch(after: index)  // the next chunks are requested while this one is scanned
            return try await loader.chunk(index, of: first.page, response: first.response)
        }
        if let prefetched = inFlight.removeValue(forKey: index) {
            if prefetched.path == nil || prefetched.path == nextPath { return try await prefetched.task.value }
            prefetched.task.cancel()  // the previous chunk points elsewhere: follow the pointer
        }
        if let link = knownLinks.removeValue(forKey: index) {
            return ChunkLoader.Loaded(chunk: try await loader.download(link, index: index), laterLinks: [])
        }
        guard let path = nextPath else { return nil }
        return try await loader.fetch(path: path, index: index)
    }

    /// A statement `result` without rows: `{}` (no chunk, as for an empty result).
    private static func isEmpty(_ page: JSONValue) -> Bool {
        ["chunk_index", "row_count", "data_array", "external_links"].allSatisfy { page[$0] == nil }
    }

    private func remember(_ links: [ExternalLink]) {
        for link in links {
            guard let index = link.header.index, index >= integrity.expectedIndex, inFlight[index] == nil else { continue }
            knownLinks[index] = link
        }
    }

    /// Starts fetching and decoding the chunks after `index` (by index: the manifest announces how
    /// many there are) on other threads while the caller writes the current one.
    private func schedulePrefetch(after index: Int? = nil) {
        guard !finished, let total = integrity.totalChunks else { return }
        let lower = (index ?? integrity.expectedIndex - 1) + 1
        let upper = min(total, lower + prefetch)
        guard lower < upper else { return }
        for index in lower..<upper where inFlight[index] == nil {
            let loader = self.loader
            if let link = knownLinks.removeValue(forKey: index) {
                let task = Task.detached { ChunkLoader.Loaded(chunk: try await loader.download(link, index: index), laterLinks: []) }
                inFlight[index] = (nil, task)
            } else {
                let path = loader.chunkPath(index)
                inFlight[index] = (path, Task.detached { try await loader.fetch(path: path, index: index) })
            }
        }
    }

    private func finish() {
        finished = true
        for prefetched in inFlight.values { prefetched.task.cancel() }
        inFlight = [:]
        knownLinks = [:]
    }

    deinit {
        for prefetched in inFlight.values { prefetched.task.cancel() }
    }
}
