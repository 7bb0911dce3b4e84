import DBAPICore

/// A regular expression for `pattern` constraints, matched in time linear in the value's length,
/// so no parameter value can make matching blow up, and no ICU start-up cost is paid.
///
/// Syntax: literals, `.`, classes `[a-z_]` / `[^…]`, escapes `\d \w \s \D \W \S` and escaped
/// punctuation, anchors `^ $`, groups `( )` / `(?: )`, alternation `|`, quantifiers `* + ? {n} {n,}
/// {n,m}` (a trailing `?` for laziness is accepted; it does not change whether a string matches).
/// JSON Schema semantics: the pattern is searched anywhere in the value unless anchored.
///
/// The pattern compiles to a Thompson NFA (counted repetition expanded, at most `maxInstructions`
/// instructions). Matching runs the NFA as a lazily built DFA (`PatternMatcher`): one pass over the
/// value, each step a table lookup once its state is known; building a state costs at most the
/// program size, so a value of n characters takes O(n × program) in the worst case, whatever the
/// pattern, and the DFA cache is bounded.
///
///     try Pattern("^[A-Z0-9-]{1,32}$").matches("KIT-1001") == true
public struct Pattern: Sendable {
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public let offset: Int
        public var description: String { "\(message) at offset \(offset)" }
    }

    enum Instruction: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case any
        case set(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    public let source: String
    /// The program in the form the matcher runs.
    let program: PatternProgram

    /// The longest pattern accepted, in characters.
    static let maxLength = 4_096
    /// The largest program a pattern may compile to (counted repetition is expanded).
    static let maxInstructions = 5_000
    /// The largest count in `{n}`, `{n,}` and `{n,m}`.
    static let maxRepetition = 1_000

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= Self.maxLength else {
            throw SyntaxError(message: "pattern longer than \(Self.maxLength) characters", offset: Self.maxLength)
        }
        var compiler = PatternCompiler(scalars)
        program = PatternProgram(try compiler.compile())
    }

    /// Whether the pattern occurs anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        var matcher = PatternMatcher(self)
        return matcher.matches(text)
    }
}
