import DBAPICore

/// What the server says about one chunk of a result: where it stands and what follows it.
///
/// Read from a statement's `result` object or a chunk response (INLINE: the object itself), or
/// from one object of `external_links` (EXTERNAL_LINKS: each link describes its own chunk).
struct ChunkHeader: Sendable, Equatable {
    var index: Int?
    var rowOffset: Int?
    var rowCount: Int?
    /// `next_chunk_index`, nil on the last chunk.
    var nextIndex: Int?
    /// `next_chunk_internal_link`, nil on the last chunk.
    var nextPath: String?

    init(index: Int? = nil, rowOffset: Int? = nil, rowCount: Int? = nil, nextIndex: Int? = nil, nextPath: String? = nil) {
        self.index = index
        self.rowOffset = rowOffset
        self.rowCount = rowCount
        self.nextIndex = nextIndex
        self.nextPath = nextPath
    }

    init(_ object: JSONValue) {
        self.init(
            index: Self.int(object["chunk_index"]), rowOffset: Self.int(object["row_offset"]),
            rowCount: Self.int(object["row_count"]), nextIndex: Self.int(object["next_chunk_index"]),
            nextPath: object["next_chunk_internal_link"]?.string)
    }

    /// Whether the server says another chunk follows this one.
    var hasNext: Bool { nextIndex != nil || nextPath != nil }

    /// int64 fields may arrive as numbers or strings.
    static func int(_ value: JSONValue?) -> Int? {
        switch value {
        case .int(let number)?: Int(exactly: number)
        case .string(let text)?: Int(text)
        default: nil
        }
    }
}

/// One object of a result page's `external_links`: its chunk's header and the link itself.
struct ExternalLink: Sendable {
    let header: ChunkHeader
    let link: JSONValue

    /// The links of a page (a statement's `result` or a chunk response), each with its header.
    ///
    /// The API puts `chunk_index`, `row_offset`, `row_count` and the next-chunk pointers inside each
    /// link. A page with one link whose fields stand beside `external_links` instead is read too.
    static func links(of page: JSONValue) -> [ExternalLink]? {
        guard let objects = page["external_links"]?.array else { return nil }
        let outer = ChunkHeader(page)
        return objects.map { object in
            var header = ChunkHeader(object)
            if objects.count == 1 {
                header.index = header.index ?? outer.index
                header.rowOffset = header.rowOffset ?? outer.rowOffset
                header.rowCount = header.rowCount ?? outer.rowCount
                if !header.hasNext {
                    header.nextIndex = outer.nextIndex
                    header.nextPath = outer.nextPath
                }
            }
            return ExternalLink(header: header, link: object)
        }
    }
}
