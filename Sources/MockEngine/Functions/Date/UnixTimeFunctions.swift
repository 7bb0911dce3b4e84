import DBAPICore

/// to_timestamp (_ltz, _ntz), unix_timestamp, to_unix_timestamp, from_unixtime, unix_seconds/millis/micros, timestamp_seconds/millis/micros:
/// TIMESTAMPs to and from counts since 1970-01-01 00:00:00 UTC, and text read in a datetime pattern.
enum UnixTimeFunctions {
    static let declarations: [ScalarDeclaration] = [
        parsing("to_timestamp", tolerant: false),
        parsing("to_timestamp_ltz", tolerant: false),
        parsing("to_timestamp_ntz", tolerant: false, type: .timestampNTZ),
        parsing("try_to_timestamp", tolerant: true),
        unixTimestamp(
            "unix_timestamp", arity: 0...2,
            printer: ScalarDeclaration.fillingDefaults(["current_timestamp()", "yyyy-MM-dd HH:mm:ss"], arity: 2)),
        // Spark prints to_unix_timestamp with the default pattern it fills in.
        unixTimestamp(
            "to_unix_timestamp", arity: 1...2, printer: ScalarDeclaration.fillingDefaults(["yyyy-MM-dd HH:mm:ss"], arity: 2)),
        ScalarDeclaration(
            names: ["from_unixtime"], arity: 1...2, printer: ScalarDeclaration.fillingDefaults(["yyyy-MM-dd HH:mm:ss"], arity: 2)
        ) {
            call throws(EngineError) in
            let seconds = try call.argument(0, as: .bigint)
            var pattern = "yyyy-MM-dd HH:mm:ss"
            if call.count == 2 {
                guard let text = try call.constantText(1, "format") else { return CompiledExpr(constant: .null, type: .string) }
                pattern = text
            }
            let format = try DateFormat(pattern)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .int(let value) = try seconds(row, context) else { return .null }
                let (micros, overflow) = value.multipliedReportingOverflow(by: 1_000_000)
                guard !overflow else { throw EngineError.overflow("long overflow") }
                return .string(format.format(micros))
            }
        },
        since(["unix_seconds"], 1_000_000),
        since(["unix_millis"], 1_000),
        since(["unix_micros"], 1),
        ScalarDeclaration(names: ["timestamp_seconds"], arity: 1...1) { call throws(EngineError) in
            let seconds = call.arguments[0]
            guard seconds.type.isNumeric || seconds.type == .null else { throw call.unexpected(0, "\"NUMERIC\"") }
            let value = seconds.evaluate
            return CompiledExpr(type: .timestamp) { row, context throws(EngineError) in
                switch try value(row, context) {
                case .int(let number): return .timestamp(try scaled(number, 1_000_000, "seconds"))
                case .decimal(let number):
                    guard let micros = number.multiplied(by: SQLDecimal(1_000_000))?.rounded(places: 0, .floor),
                        let whole = Int64(exactly: micros.unscaled)
                    else { throw EngineError.overflow("long overflow") }
                    return .timestamp(whole)
                case .double(let number):  // Java's double-to-long: toward zero, saturating, NaN is 0
                    let micros = (number * 1_000_000).rounded(.towardZero)
                    if micros.isNaN { return .timestamp(0) }
                    if micros >= 9.223372036854775807e18 { return .timestamp(Int64.max) }
                    return .timestamp(micros <= -9.223372036854775808e18 ? Int64.min : Int64(micros))
                default: return .null
                }
            }
        },
        .strict(["timestamp_millis"], .bigint, returns: .timestamp) { value throws(EngineError) in
            .timestamp(try scaled(value.integer, 1_000, "milliseconds"))
        },
        .strict(["timestamp_micros"], .bigint, returns: .timestamp) { value in .timestamp(value.integer) },
    ]

    /// unix_timestamp, to_unix_timestamp: seconds since the epoch of a TIMESTAMP or DATE, of text in a pattern
    /// (`yyyy-MM-dd HH:mm:ss` by default), or of now when called without arguments.
    private static func unixTimestamp(_ name: String, arity: ClosedRange<Int>, printer: ScalarDeclaration.Printer? = nil)
        -> ScalarDeclaration
    {
        ScalarDeclaration(names: [name], arity: arity, printer: printer) { call throws(EngineError) in
            guard call.count > 0 else {
                return CompiledExpr(type: .bigint) { _, context in .int(CivilTime.floorDivide(context.now, 1_000_000).0) }
            }
            let source: Evaluator
            if call.type(0) == .string || call.type(0) == .null {
                guard let parse = call.count == 2 ? try parser(call, 1) : try parser(pattern: "yyyy-MM-dd HH:mm:ss") else {
                    return CompiledExpr(constant: .null, type: .bigint)
                }
                let text = call.arguments[0].evaluate
                source = { row, context throws(EngineError) in
                    guard case .string(let value) = try text(row, context) else { return .null }
                    return .timestamp(try parse(value))
                }
            } else {
                source = try call.argument(0, as: .timestamp)
            }
            return CompiledExpr(type: .bigint) { row, context throws(EngineError) in
                guard case .timestamp(let micros) = try source(row, context) else { return .null }
                return .int(micros / 1_000_000)  // Java's long division, toward zero: 1969-12-31 23:59:59.5 is 0
            }
        }
    }

    /// unix_seconds, unix_millis, unix_micros: a TIMESTAMP as a count of units since the epoch (floored).
    private static func since(_ names: [String], _ unit: Int64) -> ScalarDeclaration {
        .strict(names, .timestamp, returns: .bigint) { value in
            guard case .timestamp(let micros) = value else { return .null }
            return .int(CivilTime.floorDivide(micros, unit).0)
        }
    }

    /// Microseconds from `value` `unit`s (`factor` microseconds each) since the epoch, or Spark's DATETIME_OVERFLOW.
    private static func scaled(_ value: Int64, _ factor: Int64, _ unit: String) throws(EngineError) -> Int64 {
        let (micros, overflow) = value.multipliedReportingOverflow(by: factor)
        guard !overflow else {
            throw EngineError.analysis(
                "DATETIME_OVERFLOW", "Datetime operation overflow: create a TIMESTAMP from \(value)L \(unit) since the epoch.")
        }
        return micros
    }

    /// `to_timestamp(x [, pattern])` (also `to_timestamp_ltz`; `to_timestamp_ntz` makes a TIMESTAMP_NTZ of `type`):
    /// text read as a cast reads it or in the pattern (the session's zone is UTC); DATE and timestamp values
    /// converted whatever the pattern (Spark reads no text for them); without a pattern, a number is seconds
    /// since the epoch, as `CAST(x AS TIMESTAMP)` reads it; any other value is read as its text. `try_to_timestamp` (`tolerant`) answers NULL for
    /// text that does not parse; a bad pattern is an error for both, a NULL pattern NULL.
    private static func parsing(_ name: String, tolerant: Bool, type: SQLType = .timestamp) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 1...2) { call throws(EngineError) in
            if [.date, .timestamp, .timestampNTZ].contains(call.type(0)) {
                return CompiledExpr(type: type, evaluate: call.nestedArgument(0, as: type))
            }
            if call.count == 2, call.constant(1)?.isNull == true { return call.nullAfterValue(type) }
            if call.count == 1, type == .timestamp, call.type(0).isNumeric {
                return ExpressionCompiler.coerce(call.arguments[0], to: .timestamp)
            }
            guard call.count == 2 || (tolerant && call.type(0) == .string) || call.castsToText(0) else {
                return CompiledExpr(type: type, evaluate: try call.argument(0, as: type))
            }
            let parse = call.count == 2 ? try parser(call, 1) : nil
            let text = try call.argument(0, as: .string)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                do throws(EngineError) {
                    if let parse { return type == .timestamp ? .timestamp(try parse(value)) : .timestampNTZ(try parse(value)) }
                    return try Cast.value(.string(value), from: .string, to: type)
                } catch {
                    if tolerant { return .null }
                    throw error
                }
            }
        }
    }

    /// A reader of text in the pattern given as argument `index` (a constant), nil for a NULL pattern.
    static func parser(_ call: ScalarCall, _ index: Int) throws(EngineError) -> (@Sendable (String) throws(EngineError) -> Int64)? {
        try call.constantText(index, "format").map { (pattern) throws(EngineError) in try parser(pattern: pattern) }
    }

    /// A reader of text in `pattern`; text that does not match is CANNOT_PARSE_TIMESTAMP, as in Spark's ANSI mode.
    static func parser(pattern: String) throws(EngineError) -> @Sendable (String) throws(EngineError) -> Int64 {
        let format = try DateFormat.forParsing(pattern)
        return { text throws(EngineError) in
            guard let micros = try format.parseTimestamp(text) else {
                throw unparsable(text, pattern, tolerantFunction: "try_to_timestamp")
            }
            return micros
        }
    }

    /// CANNOT_PARSE_TIMESTAMP for `text` that `pattern` does not read (Spark's message adds Java's reason,
    /// which the mock does not reproduce; the class and the advice are Spark's).
    static func unparsable(_ text: String, _ pattern: String, tolerantFunction: String) -> EngineError {
        .analysis(
            "CANNOT_PARSE_TIMESTAMP",
            "Text '\(text)' could not be parsed with the pattern '\(pattern)'. Use `\(tolerantFunction)` to tolerate invalid input "
                + "string and return NULL instead.")
    }
}
