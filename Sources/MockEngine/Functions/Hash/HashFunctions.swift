import DBAPICore

/// Spark's hash function families: how a 4-byte int, an 8-byte long and a byte string hash under a seed.
protocol SparkHashFunction: Sendable {
    static func hashInt(_ value: Int32, seed: Int64) -> Int64
    static func hashLong(_ value: Int64, seed: Int64) -> Int64
    static func hashBytes(_ bytes: [UInt8], seed: Int64) -> Int64
}

/// `hash(a, …)` (Murmur3, INT) and `xxhash64(a, …)` (BIGINT): each argument hashed with the previous one's
/// hash as seed, starting from 42, as Spark's `HashExpression` does it. A NULL (also inside an array, map or
/// struct) leaves the seed unchanged. Maps are refused as Spark refuses them.
enum HashFunctions {
    static let declarations: [ScalarDeclaration] = [
        declaration("hash", Murmur3.self, returns: .int),
        declaration("xxhash64", XXHash64.self, returns: .bigint),
    ]

    private static let seed: Int64 = 42

    private static func declaration<Function: SparkHashFunction>(_ name: String, _ function: Function.Type, returns type: SQLType)
        -> ScalarDeclaration
    {
        ScalarDeclaration(names: [name], arity: 0...Int.max) { call throws(EngineError) in
            guard call.count > 0 else {
                throw EngineError.classified(
                    errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", sqlState: "42605",
                    message: "The `\(name)` requires > 0 parameters but the actual number is 0. Please, refer to "
                        + "'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.")
            }
            let types = call.arguments.map(\.type)
            if types.contains(where: \.containsMap) {
                throw call.mismatch(
                    "HASH_MAP_TYPE",
                    "Input to the function `\(name)` cannot contain elements of the \"MAP\" type. In Spark, same maps may have "
                        + "different hashcode, thus hash expressions are prohibited on \"MAP\" elements. To restore previous "
                        + "behavior set \"spark.sql.legacy.allowHashOnMapType\" to \"true\"")
            }
            let evaluators = call.arguments.map(\.evaluate)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                var hash = seed
                for (evaluate, type) in zip(evaluators, types) {
                    hash = try value(try evaluate(row, context), type, seed: hash, Function.self)
                }
                return .int(hash)
            }
        }
    }

    /// `value` of `type` hashed under `seed`.
    static func value<Function: SparkHashFunction>(_ value: SQLValue, _ type: SQLType, seed: Int64, _ function: Function.Type)
        throws(EngineError) -> Int64
    {
        switch (value, type) {
        case (.null, _): return seed
        case (.bool(let flag), _): return Function.hashInt(flag ? 1 : 0, seed: seed)
        case (.int(let number), .bigint), (.timestamp(let number), _), (.timestampNTZ(let number), _):
            return Function.hashLong(number, seed: seed)
        case (.int(let number), _): return Function.hashInt(Int32(truncatingIfNeeded: number), seed: seed)
        case (.date(let days), _): return Function.hashInt(days, seed: seed)
        case (.double(let number), .float):
            let single = Float(number)
            return Function.hashInt(single == 0 ? 0 : Int32(bitPattern: single.isNaN ? 0x7fc0_0000 : single.bitPattern), seed: seed)
        case (.double(let number), _):
            let bits = number == 0 ? 0 : number.isNaN ? 0x7ff8_0000_0000_0000 : number.bitPattern
            return Function.hashLong(Int64(bitPattern: bits), seed: seed)
        case (.decimal(let number), .decimal(let precision, let scale)):
            guard let unscaled = number.withScale(scale)?.unscaled else { break }
            if precision <= 18 { return Function.hashLong(Int64(truncatingIfNeeded: unscaled), seed: seed) }
            return Function.hashBytes(unscaled.bigEndianTwosComplement, seed: seed)
        case (.string(let text), _): return Function.hashBytes(Array(text.utf8), seed: seed)
        case (.binary(let bytes), _): return Function.hashBytes(bytes, seed: seed)
        case (.interval(let interval), .interval(let start, _)):
            return start.isYearMonth
                ? Function.hashInt(Int32(truncatingIfNeeded: interval.amount), seed: seed) : Function.hashLong(interval.amount, seed: seed)
        case (.array(let elements), .array(let element)):
            var hash = seed
            for item in elements { hash = try self.value(item, element, seed: hash, function) }
            return hash
        case (.struct(let fields), .struct(let declared)) where fields.count == declared.count:
            var hash = seed
            for (field, declaration) in zip(fields, declared) { hash = try self.value(field.value, declaration.type, seed: hash, function) }
            return hash
        default: break
        }
        throw EngineError.unsupported("hashing a value of type \(type)")
    }
}

extension SQLType {
    /// Whether this is a MAP or a nested type holding one.
    var containsMap: Bool {
        switch self {
        case .map: true
        case .array(let element): element.containsMap
        case .struct(let fields): fields.contains { $0.type.containsMap }
        default: false
        }
    }
}

extension Int128 {
    /// Java's `BigInteger.toByteArray`: the shortest big-endian two's complement bytes holding the value.
    var bigEndianTwosComplement: [UInt8] {
        var bytes = withUnsafeBytes(of: bigEndian, Array.init)
        while bytes.count > 1, (bytes[0] == 0 && bytes[1] < 0x80) || (bytes[0] == 0xFF && bytes[1] >= 0x80) {
            bytes.removeFirst()
        }
        return bytes
    }
}
