import DBAPICore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The DOUBLE-valued math functions: square and cube roots, exponentials and logarithms, powers, trigonometry,
/// `sign`, `pi`, `e`. Arguments are implicitly cast to DOUBLE. A logarithm of a number outside its domain is
/// NULL, as in Spark (`ln(0)`, `log2(-1)`); the other functions follow IEEE 754 (`sqrt(-1)` is NaN).
enum DoubleMathFunctions {
    static let declarations: [ScalarDeclaration] =
        unary + [
            .strict(["ln"], .double, returns: .double) { value in logarithm(value.kernelDouble, JavaMath.log) },
            .strict(["log10"], .double, returns: .double, printer: upper("LOG10")) { value in
                logarithm(value.kernelDouble, JavaMath.log10)
            },
            .strict(["log2"], .double, returns: .double, printer: upper("LOG2")) { value in
                logarithm(value.kernelDouble) { JavaMath.log($0) / JavaMath.log(2) }
            },
            .strict(["log1p"], .double, returns: .double, printer: upper("LOG1P")) { value in
                let number = value.kernelDouble
                return number <= -1 ? .null : .double(log1p(number))
            },
            ScalarDeclaration(names: ["log"], arity: 1...2, printer: logPrinter) { call throws(EngineError) in
                if call.count == 1 {
                    let operand = try call.argument(0, as: .double)
                    return CompiledExpr(type: .double) { row, context throws(EngineError) in
                        let value = try operand(row, context)
                        return value.isNull ? .null : logarithm(value.kernelDouble, JavaMath.log)
                    }
                }
                return try binary(call) { base, number in
                    base <= 0 || number <= 0 ? .null : .double(JavaMath.log(number) / JavaMath.log(base))
                }
            },
            binaryDouble(["power", "pow"], printed: ["power": "POWER"]) { .double(pow($0, $1)) },
            // Spark adds 0.0 to both sides first, so -0.0 is 0.0: atan2(-0.0, -0.0) is 0.0.
            binaryDouble(["atan2"], printed: ["atan2": "ATAN2"]) { .double(atan2($0 + 0.0, $1 + 0.0)) },
            binaryDouble(["hypot"], printed: ["hypot": "HYPOT"]) { .double(hypot($0, $1)) },
            constant("pi", Double.pi),
            constant("e", M_E),
        ]

    /// One-argument functions: (names, Spark's printed name per called name, kernel).
    private static let unary: [ScalarDeclaration] = [
        double(["sqrt"], ["sqrt": "SQRT"]) { sqrt($0) },
        double(["cbrt"], ["cbrt": "CBRT"]) { JavaMath.cbrt($0) },
        double(["exp"], ["exp": "EXP"]) { JavaMath.exp($0) },
        double(["expm1"], ["expm1": "EXPM1"]) { expm1($0) },
        double(["sign", "signum"], ["signum": "SIGNUM"]) { $0 == 0 || $0.isNaN ? $0 : ($0 > 0 ? 1 : -1) },
        double(["sin"], ["sin": "SIN"]) { sin($0) },
        double(["cos"], ["cos": "COS"]) { cos($0) },
        double(["tan"], ["tan": "TAN"]) { tan($0) },
        double(["asin"], ["asin": "ASIN"]) { asin($0) },
        double(["acos"], ["acos": "ACOS"]) { acos($0) },
        double(["atan"], ["atan": "ATAN"]) { atan($0) },
        double(["sinh"], ["sinh": "SINH"]) { sinh($0) },
        double(["cosh"], ["cosh": "COSH"]) { JavaMath.cosh($0) },
        double(["tanh"], ["tanh": "TANH"]) { tanh($0) },
        double(["asinh"], ["asinh": "ASINH"]) { asinh($0) },
        double(["acosh"], ["acosh": "ACOSH"]) { acosh($0) },
        double(["atanh"], ["atanh": "ATANH"]) { atanh($0) },
        double(["cot"], ["cot": "COT"]) { 1 / tan($0) },
        double(["sec"], ["sec": "SEC"]) { 1 / cos($0) },
        double(["csc"], ["csc": "CSC"]) { 1 / sin($0) },
        // Java's Math.toDegrees and toRadians: one multiplication by a rounded constant.
        double(["degrees"], ["degrees": "DEGREES"]) { $0 * 57.29577951308232 },
        double(["radians"], ["radians": "RADIANS"]) { $0 * 0.017453292519943295 },
        double(["rint"], [:]) { $0.rounded(.toNearestOrEven) },
    ]

    /// Spark's logarithms give NULL at and below 0.
    private static func logarithm(_ number: Double, _ function: (Double) -> Double) -> SQLValue {
        number <= 0 ? .null : .double(function(number))
    }

    /// `f(x)` on DOUBLE; `printed` maps a called name to the name Spark prints (called names not listed print
    /// as called, like `sign` next to `SIGNUM`).
    private static func double(_ names: [String], _ printed: [String: String], _ kernel: @escaping @Sendable (Double) -> Double)
        -> ScalarDeclaration
    {
        .strict(names, .double, returns: .double, printer: renaming(printed)) { value in .double(kernel(value.kernelDouble)) }
    }

    private static func binaryDouble(
        _ names: [String], printed: [String: String], _ kernel: @escaping @Sendable (Double, Double) -> SQLValue
    ) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: 2...2, printer: renaming(printed)) { call throws(EngineError) in
            try binary(call, kernel)
        }
    }

    private static func binary(_ call: ScalarCall, _ kernel: @escaping @Sendable (Double, Double) -> SQLValue) throws(EngineError)
        -> CompiledExpr
    {
        let (left, right) = (try call.argument(0, as: .double), try call.argument(1, as: .double))
        return CompiledExpr(type: .double) { row, context throws(EngineError) in
            let a = try left(row, context)
            if a.isNull { return .null }
            let b = try right(row, context)
            return b.isNull ? .null : kernel(a.kernelDouble, b.kernelDouble)
        }
    }

    private static func constant(_ name: String, _ value: Double) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 0...0, printer: upper(name.uppercased())) { _ in
            CompiledExpr(constant: .double(value), type: .double)
        }
    }

    /// `log(x)` prints as `LOG(E(), x)`, `log(b, x)` as `LOG(b, x)`.
    private static let logPrinter: ScalarDeclaration.Printer = { _, arguments in
        "LOG(" + (arguments.count == 1 ? ["E()"] + arguments : arguments).joined(separator: ", ") + ")"
    }

    static func upper(_ printed: String) -> ScalarDeclaration.Printer {
        { _, arguments in "\(printed)(\(arguments.joined(separator: ", ")))" }
    }

    /// Prints a call by the Spark name of the name it was called by, as written when that name is not listed.
    static func renaming(_ printed: [String: String]) -> ScalarDeclaration.Printer {
        { name, arguments in printed[name].map { "\($0)(\(arguments.joined(separator: ", ")))" } }
    }
}

extension SQLValue {
    /// The DOUBLE inside a value already cast to DOUBLE (0 for anything else, which a kernel never sees).
    var kernelDouble: Double {
        if case .double(let number) = self { return number }
        return asDouble ?? 0
    }
}
