import DBAPICore

/// A parsed `.sql` template: literal text and `:name` markers, found by the lexer.
///
///     let template = try Template(parsing: "SELECT * FROM t WHERE id IN :ids -- :not_a_marker")
///     template.markerNames == ["ids"]
public struct Template: Sendable, Equatable {
    /// One marker occurrence.
    public struct Marker: Sendable, Equatable {
        public let name: String
        public let line: Int
        public let column: Int
        /// Whether the marker directly follows the keyword `IN` (so an array renders as `(a, b)`).
        public let followsIn: Bool
    }

    enum Piece: Sendable, Equatable {
        case text(String)
        case marker(Marker)
    }

    private(set) var pieces: [Piece]

    /// Splits `sql` into text and markers.
    ///
    /// - Throws: `LexError` for an unterminated string, comment or quoted identifier.
    public init(parsing sql: String) throws(LexError) {
        let tokens = try Lexer.tokenize(sql)
        let utf8 = Array(sql.utf8)
        var pieces: [Piece] = []
        var textStart = 0
        var previous: Token?
        for token in tokens {
            if case .marker(let name) = token.kind {
                if token.range.lowerBound > textStart {
                    pieces.append(.text(String(decoding: utf8[textStart..<token.range.lowerBound], as: UTF8.self)))
                }
                let followsIn = previous?.isWord(.in) ?? false
                pieces.append(.marker(Marker(name: name, line: token.line, column: token.column, followsIn: followsIn)))
                textStart = token.range.upperBound
            }
            previous = token
        }
        if textStart < utf8.count {
            pieces.append(.text(String(decoding: utf8[textStart...], as: UTF8.self)))
        }
        self.pieces = pieces
    }

    /// Every marker occurrence in order.
    public var markers: [Marker] {
        pieces.compactMap { piece in
            if case .marker(let marker) = piece { return marker }
            return nil
        }
    }

    /// The distinct marker names in order of first use.
    public var markerNames: [String] {
        var seen = Set<String>()
        return markers.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// Rebuilds the SQL, letting `render` produce the text for each marker.
    public func render(_ render: (Marker) throws -> String) rethrows -> String {
        var sql = ""
        for piece in pieces {
            switch piece {
            case .text(let text): sql += text
            case .marker(let marker): sql += try render(marker)
            }
        }
        return sql
    }
}
