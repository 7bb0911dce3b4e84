import DBAPICore

/// `overlay(input, replace, pos[, len])`, also written `OVERLAY(input PLACING replace FROM pos [FOR len])`:
/// `input` with `len` characters (bytes, for BINARY) from position `pos` replaced by `replace`; a negative or
/// omitted `len` is the length of `replace`. Printed with its default: `overlay(Spark SQL, _, 6, -1)`.
enum Overlay {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["overlay"], arity: 3...4, printer: ScalarDeclaration.fillingDefaults(["-1"], arity: 4)) {
            call throws(EngineError) in
            for index in 0..<2 where call.type(index).isNested { throw call.unexpected(index, "(\"STRING\" or \"BINARY\")") }
            // Spark casts anything but BINARY (a NULL literal too) to STRING, then requires both to agree.
            let (inputType, replaceType) = (castType(call.type(0)), castType(call.type(1)))
            guard inputType == replaceType else {
                throw call.mismatch(
                    "DATA_DIFF_TYPES", "Input to `overlay` should all be the same type, but it's (\"\(inputType)\" or \"\(replaceType)\")")
            }
            let (input, replace) = (try call.argument(0, as: inputType), try call.argument(1, as: inputType))
            let position = try call.intArgument(2)
            let length: Evaluator = call.count == 4 ? try call.intArgument(3) : { @Sendable _, _ in .int(-1) }
            return CompiledExpr(type: inputType) { row, context throws(EngineError) in
                let values = (try input(row, context), try replace(row, context), try position(row, context), try length(row, context))
                switch values {
                case let (.string(text), .string(replacement), .int(pos), .int(len)):
                    let (scalars, added) = (Array(text.unicodeScalars), Array(replacement.unicodeScalars))
                    let (head, tail) = ranges(count: scalars.count, replaced: len >= 0 ? len : Int64(added.count), at: pos)
                    var out = String.UnicodeScalarView()
                    out.append(contentsOf: scalars[head])
                    out.append(contentsOf: added)
                    out.append(contentsOf: scalars[tail])
                    return .string(String(out))
                case let (.binary(bytes), .binary(replacement), .int(pos), .int(len)):
                    let (head, tail) = ranges(count: bytes.count, replaced: len >= 0 ? len : Int64(replacement.count), at: pos)
                    return .binary(Array(bytes[head]) + replacement + Array(bytes[tail]))
                default:
                    return .null
                }
            }
        }
    ]

    private static func castType(_ type: SQLType) -> SQLType { type == .binary ? .binary : .string }

    /// The kept head and tail of a `count`-long input, as Spark takes them: `substring(input, 1, pos - 1)` and
    /// `substring(input, pos + replaced)`, each position clamped to INT's range (the tail's to -2147483647).
    private static func ranges(count: Int, replaced: Int64, at position: Int64) -> (head: Range<Int>, tail: Range<Int>) {
        let head = slice(count: count, position: 1, length: clamped(position - 1, lowest: Int64(Int32.min)))
        let tail = slice(count: count, position: clamped(position + replaced, lowest: -Int64(Int32.max)), length: Int64(Int32.max))
        return (head, tail)
    }

    private static func clamped(_ value: Int64, lowest: Int64) -> Int64 { min(max(value, lowest), Int64(Int32.max)) }

    /// Spark's `substringSQL(position, length)` as a range of elements: a positive position counts from 1, a
    /// negative one from the end, 0 is the start.
    private static func slice(count: Int, position: Int64, length: Int64) -> Range<Int> {
        let total = Int64(count)
        let start = position > 0 ? position - 1 : position < 0 ? total + position : 0
        let (lower, upper) = (max(start, 0), min(start + length, total))
        return lower < upper ? Int(lower)..<Int(upper) : 0..<0
    }
}
