/// One `%[index$][flags][width][.precision]conversion` of a `java.util.Formatter` string.
struct JavaFormatSpecifier {
    /// Where the argument comes from: the next ordinary one, an explicit index (from 1), or the previous (`<`).
    enum Source {
        case next, explicit(Int), previous
    }

    var source = Source.next
    var flags: Set<Character> = []
    var width: Int?
    var precision: Int?
    var conversion: Character = "s"

    /// The pieces of a format string: literal text and specifiers. Nil when Java would throw
    /// (UnknownFormatConversionException and the like).
    static func parse(_ format: String) -> [Piece]? {
        var pieces: [Piece] = []
        var literal = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            guard character == "%" else {
                literal.append(character)
                continue
            }
            guard let specifier = parseSpecifier(&characters) else { return nil }
            if !literal.isEmpty { pieces.append(.text(literal)) }
            literal = ""
            pieces.append(.specifier(specifier))
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }

    enum Piece {
        case text(String)
        case specifier(JavaFormatSpecifier)
    }

    private static func parseSpecifier(_ characters: inout ArraySlice<Character>) -> JavaFormatSpecifier? {
        var specifier = JavaFormatSpecifier()
        let start = characters
        if let number = digits(&characters), characters.first == "$" {
            characters.removeFirst()
            guard number > 0 else { return nil }
            specifier.source = .explicit(number)
        } else {
            characters = start
        }
        while let flag = characters.first, "-#+ 0,(<".contains(flag) {
            characters.removeFirst()
            if flag == "<" { specifier.source = .previous } else { specifier.flags.insert(flag) }
        }
        specifier.width = digits(&characters)
        if characters.first == "." {
            characters.removeFirst()
            guard let precision = digits(&characters) else { return nil }
            specifier.precision = precision
        }
        guard let conversion = characters.popFirst(), conversion.isASCII, conversion.isLetter || conversion == "%" else { return nil }
        specifier.conversion = conversion
        return specifier
    }

    /// Decimal digits, nil when there are none; at most 9 so a width never overflows.
    private static func digits(_ characters: inout ArraySlice<Character>) -> Int? {
        var value: Int?
        var count = 0
        while let character = characters.first, let digit = character.wholeNumberValue, character.isASCII {
            guard count < 9 else { return nil }
            value = (value ?? 0) * 10 + digit
            count += 1
            characters.removeFirst()
        }
        return value
    }

    /// `text` padded to the width with spaces, on the left unless the `-` flag is set.
    func justified(_ text: String) -> String {
        let count = text.unicodeScalars.count
        guard let width, width > count else { return text }
        let padding = String(repeating: " ", count: width - count)
        return flags.contains("-") ? text + padding : padding + text
    }
}
