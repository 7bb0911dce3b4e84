import DBAPICore

/// A LIKE pattern: `%` matches any run of characters, `_` exactly one code point, and the escape
/// character (`\` unless ESCAPE names another) makes the `_`, `%` or escape character after it
/// literal. As in Spark, the escape character before anything else, or at the end, is an error.
struct LikePattern: Sendable {
    enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case anyOne
        case anyRun
    }

    let pieces: [Piece]

    /// - Throws: Spark's `INVALID_FORMAT.ESC_IN_THE_MIDDLE` or `INVALID_FORMAT.ESC_AT_THE_END`.
    init(_ pattern: String, escape: Character = "\\") throws(EngineError) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal.removeAll()
        }
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            if character == escape {
                guard let escaped = characters.next() else {
                    throw EngineError.analysis(
                        "INVALID_FORMAT.ESC_AT_THE_END",
                        "The format is invalid: \(Self.quoted(pattern)). The escape character is not allowed to end with.")
                }
                guard escaped == "_" || escaped == "%" || escaped == escape else {
                    throw EngineError.analysis(
                        "INVALID_FORMAT.ESC_IN_THE_MIDDLE",
                        "The format is invalid: \(Self.quoted(pattern)). The escape character is not allowed to precede '\(escaped)'.")
                }
                literal.append(contentsOf: Array(String(escaped).utf8))
            } else if character == "%" {
                flush()
                if pieces.last != .anyRun { pieces.append(.anyRun) }
            } else if character == "_" {
                flush()
                pieces.append(.anyOne)
            } else {
                literal.append(contentsOf: Array(String(character).utf8))
            }
        }
        flush()
        self.pieces = pieces
    }

    /// The pattern as Spark shows it in messages: quoted, backslashes doubled.
    private static func quoted(_ pattern: String) -> String {
        "'" + pattern.replacingOccurrences(of: "\\", with: "\\\\") + "'"
    }

    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return match(bytes, 0, 0)
    }

    /// Iterative matching with backtracking to the most recent `%`.
    private func match(_ bytes: [UInt8], _ start: Int, _ first: Int) -> Bool {
        var position = start
        var piece = first
        var backtrack: (piece: Int, position: Int)?
        while true {
            if piece == pieces.count {
                if position == bytes.count { return true }
            } else {
                switch pieces[piece] {
                case .anyRun:
                    backtrack = (piece, position)
                    piece += 1
                    continue
                case .anyOne:
                    if position < bytes.count {
                        position += Self.scalarLength(bytes[position])
                        piece += 1
                        continue
                    }
                case .literal(let literal):
                    if position + literal.count <= bytes.count, bytes[position..<position + literal.count].elementsEqual(literal) {
                        position += literal.count
                        piece += 1
                        continue
                    }
                }
            }
            guard let (runPiece, runPosition) = backtrack, runPosition < bytes.count else { return false }
            let next = runPosition + Self.scalarLength(bytes[runPosition])
            backtrack = (runPiece, next)
            piece = runPiece + 1
            position = next
        }
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
