import DBAPICore

/// `factorial`, `width_bucket` and `conv`, with Spark's NULL results for arguments outside their domain.
enum NumberFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["factorial"], .int, returns: .bigint) { value in
            let number = value.integerValue
            guard (0...20).contains(number) else { return .null }
            return .int((0...number).dropFirst().reduce(Int64(1), *))
        },
        ScalarDeclaration(names: ["width_bucket"], arity: 4...4) { call throws(EngineError) in
            let arguments = [
                try call.argument(0, as: .double), try call.argument(1, as: .double), try call.argument(2, as: .double),
                try call.argument(3, as: .bigint),
            ]
            return CompiledExpr(type: .bigint) { row, context throws(EngineError) in
                var values: [SQLValue] = []
                for argument in arguments {
                    let value = try argument(row, context)
                    if value.isNull { return .null }
                    values.append(value)
                }
                return bucket(values[0].kernelDouble, values[1].kernelDouble, values[2].kernelDouble, values[3].integerValue)
            }
        },
        .strict(["conv"], .string, .int, .int, returns: .string) { number, from, to throws(EngineError) in
            try NumberConversion.convert(number.text, from: Int(from.integerValue), to: Int(to.integerValue))
        },
    ]

    /// Spark's `WidthBucket.computeBucketNumber`: NULL for no buckets, a NaN value, equal or non-finite bounds.
    private static func bucket(_ value: Double, _ min: Double, _ max: Double, _ count: Int64) -> SQLValue {
        guard count > 0, count != Int64.max, !value.isNaN, min != max, min.isFinite, max.isFinite else { return .null }
        let (lower, upper) = (Swift.min(min, max), Swift.max(min, max))
        if min < max {
            if value < lower { return .int(0) }
            if value >= upper { return .int(count + 1) }
            return .int(javaLong(Double(count) * (value - lower) / (upper - lower)) &+ 1)
        }
        if value > upper { return .int(0) }
        if value <= lower { return .int(count + 1) }
        return .int(javaLong(Double(count) * (upper - value) / (upper - lower)) &+ 1)
    }

    /// Java's `(long) d` for a non-negative finite double: truncated, saturating at Long.MAX_VALUE.
    private static func javaLong(_ number: Double) -> Int64 {
        number >= 9.223372036854775807e18 ? Int64.max : Int64(number)
    }
}
