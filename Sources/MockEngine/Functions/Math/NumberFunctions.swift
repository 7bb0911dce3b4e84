import DBAPICore

/// `factorial`, `width_bucket`, `conv` and `to_number`/`try_to_number`, with Spark's NULL results for arguments
/// outside their domain.
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
        parsing("to_number", tolerant: false),
        parsing("try_to_number", tolerant: true),
        .strict(["conv"], .string, .int, .int, returns: .string) { number, from, to throws(EngineError) in
            try NumberConversion.convert(number.text, from: Int(from.integerValue), to: Int(to.integerValue))
        },
    ]

    /// `to_number(text, format)`: the DECIMAL the constant format describes; text that does not match is
    /// INVALID_FORMAT.MISMATCH_INPUT, or NULL for `try_to_number`. A NULL format is a NULL DECIMAL(10,0).
    private static func parsing(_ name: String, tolerant: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...2) { call throws(EngineError) in
            let text = try call.argument(0, as: .string)
            if call.constant(1)?.isNull == true { return CompiledExpr(constant: .null, type: .decimal(precision: 10, scale: 0)) }
            guard call.type(1) == .string, case .string(let pattern)? = call.constant(1) else {
                throw EngineError.unsupported("\(name) with a format that is not a constant string")
            }
            let format = try NumberFormat(pattern)
            return CompiledExpr(type: .decimal(precision: format.precision, scale: format.scale)) { row, context throws(EngineError) in
                guard case .string(let input) = try text(row, context) else { return .null }
                if let value = format.parse(input) { return .decimal(value) }
                if tolerant { return .null }
                throw format.mismatch(input)
            }
        }
    }

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
