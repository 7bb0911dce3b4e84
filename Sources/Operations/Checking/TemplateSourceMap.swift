import SQLText

/// Maps a place in a statement bound with inline literals back to its template: a position in the
/// template's own text is moved by the literals' lengths; one inside a literal is the marker's.
struct TemplateSourceMap {
    /// The template's text between markers (one more piece than markers).
    private let pieces: [[UInt8]]
    private let markers: [Template.Marker]
    private let literals: [[UInt8]]
    private let tokens: [Token]

    init(_ template: Template, literals: [String]) {
        let sentinel = "\u{0}\u{FFFF}\u{0}"
        let split = template.render { _ in sentinel }.components(separatedBy: sentinel)
        // A template holding the sentinel itself cannot be split this way: positions are then unknown.
        pieces = split.count == template.markers.count + 1 ? split.map { Array($0.utf8) } : []
        markers = template.markers
        self.literals = literals.map { Array($0.utf8) }
        tokens = (try? Lexer.tokenize(template.render { ":" + $0.name })) ?? []
    }

    /// The template's line and column for `place`, or its first token's when the place is unknown.
    func locate(_ place: PlanFailure.Place) -> (line: Int, column: Int)? {
        switch place {
        case let .position(line, column): return position(line: line, column: column) ?? firstToken
        case .name(let name):
            let last = name.split(separator: ".").last.map { String($0).lowercased() } ?? name.lowercased()
            return tokens.first { Self.text(of: $0)?.lowercased() == last }.map { ($0.line, $0.column) } ?? firstToken
        case .after(let keyword):
            guard let index = tokens.firstIndex(where: { $0.isWord(keyword) }), index + 1 < tokens.count else { return firstToken }
            return (tokens[index + 1].line, tokens[index + 1].column)
        case .unknown: return firstToken
        }
    }

    private var firstToken: (line: Int, column: Int)? {
        tokens.first.flatMap { if case .end = $0.kind { nil } else { ($0.line, $0.column) } }
    }

    private static func text(of token: Token) -> String? {
        switch token.kind {
        case .word(let text), .quotedIdentifier(let text): text
        default: nil
        }
    }

    /// A position in the bound statement, as a position in the template.
    private func position(line: Int, column: Int) -> (line: Int, column: Int)? {
        guard !pieces.isEmpty, line >= 1, column >= 1 else { return nil }
        // The statement's bytes, and the byte offset the position names.
        var bound: [UInt8] = []
        var segments: [(range: Range<Int>, piece: Int?, marker: Int?)] = []
        for (index, piece) in pieces.enumerated() {
            segments.append((bound.count..<(bound.count + piece.count), index, nil))
            bound += piece
            if index < literals.count {
                segments.append((bound.count..<(bound.count + literals[index].count), nil, index))
                bound += literals[index]
            }
        }
        var currentLine = 1
        var lineStart = 0
        for (offset, byte) in bound.enumerated() where currentLine < line && byte == UInt8(ascii: "\n") {
            currentLine += 1
            lineStart = offset + 1
        }
        guard currentLine == line else { return nil }
        let offset = lineStart + column - 1
        guard let segment = segments.first(where: { $0.range.contains(offset) }) ?? segments.last else { return nil }
        if let marker = segment.marker, marker < markers.count { return (markers[marker].line, markers[marker].column) }
        guard let piece = segment.piece else { return nil }
        // The same byte in the template: the pieces before it and the markers between them.
        var sourceOffset = max(0, min(offset - segment.range.lowerBound, pieces[piece].count))
        for earlier in 0..<piece { sourceOffset += pieces[earlier].count + 1 + markers[earlier].name.utf8.count }
        let source = Array(template(upTo: sourceOffset))
        let lineCount = source.filter { $0 == UInt8(ascii: "\n") }.count
        let lastBreak = source.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return (lineCount + 1, source.count - lastBreak + 1)
    }

    /// The template's first `count` bytes.
    private func template(upTo count: Int) -> ArraySlice<UInt8> {
        var source: [UInt8] = []
        for (index, piece) in pieces.enumerated() {
            source += piece
            if index < markers.count { source += Array((":" + markers[index].name).utf8) }
            if source.count >= count { break }
        }
        return source.prefix(count)
    }
}
