/// The completeness invariant of a result: chunks arrive as the manifest announced them, or the
/// result fails. Checked on every result, INLINE or EXTERNAL_LINKS, collected or streamed.
///
/// - chunk indexes arrive 0, 1, … `total_chunk_count − 1`, each once, and each chunk's next-chunk
///   pointer names the chunk after it (none on the last one);
/// - each chunk's `row_offset` equals the rows delivered before it, and its decoded rows equal its
///   `row_count`;
/// - the rows of all chunks add up to `manifest.total_row_count` (which counts the rows kept when
///   `truncated` is set).
struct ResultIntegrity: Sendable {
    let statementID: String
    /// `manifest.total_chunk_count`, when present.
    let totalChunks: Int?
    /// `manifest.total_row_count`, when present.
    let totalRows: Int?
    /// The index the next chunk must have.
    private(set) var expectedIndex = 0
    /// Rows delivered so far.
    private(set) var rowsDelivered = 0
    /// Set once the last chunk was accepted.
    private(set) var isComplete = false

    init(statementID: String, totalChunks: Int?, totalRows: Int?) {
        self.statementID = statementID
        self.totalChunks = totalChunks
        self.totalRows = totalRows
    }

    /// Accepts the next chunk, which decoded to `rows` rows; returns whether another chunk follows.
    mutating func accept(_ header: ChunkHeader, rows: Int) throws(DatabricksError) -> Bool {
        let index = header.index ?? expectedIndex
        guard !isComplete else { throw violation(index, "arrived after the last chunk") }
        guard index == expectedIndex else {
            let kind = index < expectedIndex ? "repeats an earlier chunk" : "skips chunk \(expectedIndex)"
            throw violation(
                expectedIndex, "chunk \(index) arrived where chunk \(expectedIndex) was expected (the result \(kind))", naming: false)
        }
        if let totalChunks, index >= totalChunks {
            throw violation(index, "is beyond the \(totalChunks) chunk(s) the manifest announced")
        }
        guard let offset = header.rowOffset, let count = header.rowCount else {
            throw violation(index, "has no row_offset or row_count")
        }
        guard offset == rowsDelivered else {
            throw violation(index, "starts at row_offset \(offset), but \(rowsDelivered) rows came before it")
        }
        guard count == rows else { throw violation(index, "announced row_count \(count) but held \(rows) rows") }
        if let next = header.nextIndex, next != index + 1 {
            throw violation(index, "points to chunk \(next) as the next one instead of chunk \(index + 1)")
        }
        rowsDelivered += rows
        expectedIndex = index + 1
        if let totalChunks, header.hasNext != (expectedIndex < totalChunks) {
            throw violation(
                index,
                header.hasNext
                    ? "points to a next chunk, but the manifest announced \(totalChunks) chunk(s)"
                    : "is the last chunk, but the manifest announced \(totalChunks) chunk(s)")
        }
        if !header.hasNext { try finish() }
        return header.hasNext
    }

    /// Checks a result that ended: every announced chunk and row arrived.
    mutating func finish() throws(DatabricksError) {
        if let totalChunks, expectedIndex != totalChunks {
            throw violation(nil, "ended after \(expectedIndex) of the \(totalChunks) chunk(s) the manifest announced")
        }
        if let totalRows, rowsDelivered != totalRows {
            throw violation(nil, "has \(rowsDelivered) rows, but the manifest announced total_row_count \(totalRows)")
        }
        isComplete = true
    }

    /// - Parameters:
    ///   - chunk: the chunk the result broke at (nil: the result as a whole), reported in `details`;
    ///   - naming: whether `problem` follows "chunk N " (or "the result ") or stands alone.
    private func violation(_ chunk: Int?, _ problem: String, naming: Bool = true) -> DatabricksError {
        let subject = naming ? (chunk.map { "chunk \($0) " } ?? "the result ") : ""
        return .incompleteResult(statementID: statementID, chunkIndex: chunk, reason: subject + problem)
    }
}
