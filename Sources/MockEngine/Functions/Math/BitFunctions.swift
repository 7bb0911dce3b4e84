import DBAPICore

/// `bin`, `bit_count`, `getbit`/`bit_get`, `shiftleft`, `shiftright`, `shiftrightunsigned`, on two's-complement integers as Java
/// computes them: an INT shifts by its count modulo 32, a BIGINT modulo 64.
enum BitFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["bin"], .bigint, returns: .string) { value in
            .string(String(UInt64(bitPattern: value.integerValue), radix: 2))
        },
        ScalarDeclaration(names: ["bit_count"], arity: 1...1) { call throws(EngineError) in
            let type = call.type(0)
            guard type.isIntegral || type == .boolean || type == .null else {
                throw call.unexpected(0, "(\"INTEGRAL\" or \"BOOLEAN\")")
            }
            let operand = call.arguments[0].evaluate
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                switch try operand(row, context) {
                case .int(let number): return .int(Int64(number.nonzeroBitCount))
                case .bool(let flag): return .int(flag ? 1 : 0)
                default: return .null
                }
            }
        },
        shift("shiftleft") { value, count, isLong in
            isLong ? value << (count & 63) : Int64(Int32(truncatingIfNeeded: value) << Int32(count & 31))
        },
        shift("shiftright") { value, count, isLong in
            isLong ? value >> (count & 63) : Int64(Int32(truncatingIfNeeded: value) >> Int32(count & 31))
        },
        shift("shiftrightunsigned") { value, count, isLong in
            isLong
                ? Int64(bitPattern: UInt64(bitPattern: value) >> UInt64(count & 63))
                : Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: value) >> UInt32(count & 31)))
        },
        getbit("getbit"),
        getbit("bit_get"),
    ]

    /// `getbit(x, pos)`: bit `pos` (0 the lowest) of an integer, as a TINYINT 0 or 1; `pos` outside the type's
    /// width is Spark's INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE.
    private static func getbit(_ name: String) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2) { call throws(EngineError) in
            let width: Int64
            switch call.type(0) {
            case .tinyint: width = 8
            case .smallint: width = 16
            case .int, .null: width = 32
            case .bigint: width = 64
            default: throw call.unexpected(0, "\"INTEGRAL\"")
            }
            let (value, position) = (call.arguments[0].evaluate, try call.argument(1, as: .int))
            return CompiledExpr(type: .tinyint) { row, context throws(EngineError) in
                guard case .int(let number) = try value(row, context), case .int(let bit) = try position(row, context) else {
                    return .null
                }
                guard bit >= 0, bit < width else {
                    throw EngineError.classified(
                        errorClass: "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", sqlState: "22023",
                        message: "The value of parameter(s) `pos` in `\(name)` is invalid: expects an integer value in [0, \(width)), "
                            + "but got \(bit).")
                }
                return .int(number >> bit & 1)
            }
        }
    }

    /// A shift of an INT (smaller integers widen to it) or a BIGINT by an INT count.
    private static func shift(_ name: String, _ kernel: @escaping @Sendable (Int64, Int64, Bool) -> Int64) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2) { call throws(EngineError) in
            let isLong = call.type(0) == .bigint
            guard call.type(0).isIntegral || call.type(0) == .null || call.type(0) == .string else {
                throw call.unexpected(0, "(\"INT\" or \"BIGINT\")")
            }
            let type: SQLType = isLong ? .bigint : .int
            let (value, count) = (try call.argument(0, as: type), try call.argument(1, as: .int))
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .int(let number) = try value(row, context), case .int(let places) = try count(row, context) else {
                    return .null
                }
                return .int(kernel(number, places, isLong))
            }
        }
    }
}

extension SQLValue {
    /// The integer inside a value already cast to an integral type (0 for anything else, which a kernel never sees).
    var integerValue: Int64 {
        if case .int(let number) = self { return number }
        return 0
    }
}
