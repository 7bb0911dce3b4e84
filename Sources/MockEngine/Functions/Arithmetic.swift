import DBAPICore

/// `+ - * / % div` with Spark's result types and ANSI errors: integer overflow and division by
/// zero raise errors; decimals are exact and sized by `DecimalRules`; `/` on integers is DOUBLE.
enum Arithmetic {
    private enum Domain { case integral(ClosedRange<Int64>), floating, decimal(precision: Int, scale: Int) }

    static func compile(
        _ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, leftExpr: Expr, rightExpr: Expr, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        if let dateResult = try DateArithmetic.compile(op, left, right, leftExpr: leftExpr, rightExpr: rightExpr, expr) {
            return dateResult
        }
        if let datetime = try DatetimeArithmetic.compile(op, left, right, expr) { return datetime }
        if let scaled = try IntervalArithmetic.scale(op, left, right, expr) { return scaled }
        if left.type == .string || right.type == .string {
            return try compileWithString(op, left, right, leftExpr: leftExpr, rightExpr: rightExpr, expr)
        }
        if let error = EngineError.binaryOperandsDiffer(expr, left.type, right.type) { throw error }
        if op == .integerDivide, [left.type, right.type].contains(.null),
            [left.type, right.type].contains(where: { $0 == .double || $0 == .float })
        {
            throw EngineError.incompatibleOperands(expr, left.type, right.type)  // NULL is not cast beside a type div refuses
        }
        let leftType = left.type == .null ? right.type : left.type
        let rightType = right.type == .null ? left.type : right.type
        guard leftType.isNumeric || leftType == .null, rightType.isNumeric || rightType == .null else {
            throw EngineError.operandTypes(expr, left.type, right.type, requires: numericInput)
        }
        let resultType = try self.resultType(op, leftType, rightType, leftExpr, rightExpr, expr)
        let domain: Domain
        switch resultType {
        case .double, .float: domain = .floating
        case let .decimal(precision, scale): domain = .decimal(precision: precision, scale: scale)
        default: domain = .integral(resultType.integralRange ?? Int64.min...Int64.max)
        }
        // Division of integers or decimals into DOUBLE computes in the operands' domain first.
        let (l, r) = (left.evaluate, right.evaluate)
        let name = expr.sqlName
        if op == .integerDivide, [leftType, rightType].contains(where: \.isDecimal) {
            return CompiledExpr(type: resultType) { row, context throws(EngineError) in
                guard let a = try l(row, context).asDecimal, let b = try r(row, context).asDecimal else { return .null }
                guard let quotient = a.integralQuotientLow64(dividingBy: b) else { throw EngineError.divideByZero }
                return .int(quotient)
            }
        }
        switch domain {
        case .integral(let range):
            return CompiledExpr(type: resultType) { row, context throws(EngineError) in
                guard case .int(let a) = try l(row, context), case .int(let b) = try r(row, context) else { return .null }
                let (value, overflow): (Int64, Bool)
                switch op {
                case .add: (value, overflow) = a.addingReportingOverflow(b)
                case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
                case .multiply: (value, overflow) = a.multipliedReportingOverflow(by: b)
                case .remainder:
                    guard b != 0 else { throw EngineError.remainderByZero }
                    (value, overflow) = a.remainderReportingOverflow(dividingBy: b)
                default:
                    guard b != 0 else { throw EngineError.divideByZero }
                    (value, overflow) = a.dividedReportingOverflow(by: b)
                }
                guard !overflow, range.contains(value) else {
                    if resultType == .tinyint || resultType == .smallint, let error = smallIntegerOverflow(op, a, b) { throw error }
                    throw EngineError.overflow("\(name) overflows \(resultType)")
                }
                return .int(value)
            }
        case .floating:
            let isFloat = resultType == .float  // computed in single precision, as Java's float arithmetic is
            return CompiledExpr(type: resultType) { row, context throws(EngineError) in
                let a = try l(row, context)
                let b = try r(row, context)
                guard let x = a.asDouble, let y = b.asDouble else { return .null }
                let result: Double
                switch op {
                case .add: result = isFloat ? Double(Float(x) + Float(y)) : x + y
                case .subtract: result = isFloat ? Double(Float(x) - Float(y)) : x - y
                case .multiply: result = isFloat ? Double(Float(x) * Float(y)) : x * y
                case .divide:
                    guard y != 0 else { throw EngineError.divideByZero }
                    result = x / y
                default:
                    guard y != 0 else { throw EngineError.remainderByZero }
                    result = isFloat ? Double(Float(x).truncatingRemainder(dividingBy: Float(y))) : x.truncatingRemainder(dividingBy: y)
                }
                return .double(result)
            }
        case let .decimal(precision, scale):
            return CompiledExpr(type: resultType) { row, context throws(EngineError) in
                guard let a = try l(row, context).asDecimal, let b = try r(row, context).asDecimal else { return .null }
                let exact: SQLDecimal?
                switch op {
                case .add: exact = a.adding(b)
                case .subtract: exact = a.subtracting(b)
                case .multiply: exact = a.multiplied(by: b, roundedTo: scale)
                case .divide:
                    guard b.unscaled != 0 else { throw EngineError.divideByZero }
                    exact = a.divided(by: b, scale: scale)
                default:
                    guard b.unscaled != 0 else { throw EngineError.remainderByZero }
                    exact = a.remainder(dividingBy: b)
                }
                guard let exact, let fitted = exact.fitted(precision: precision, scale: scale) else {
                    let shown = op == .multiply ? a.productDescription(b) : exact?.description ?? name
                    throw EngineError.decimalOutOfRange(shown, precision: precision, scale: scale)
                }
                return .decimal(fitted)
            }
        }
    }

    /// A STRING next to a number is cast as Spark's ANSI coercion does: to BIGINT beside an integer, to DOUBLE
    /// beside a DECIMAL or DOUBLE (so `'apple' + 1` fails at run time with CAST_INVALID_INPUT). A STRING beside
    /// another STRING, NULL or anything else is BINARY_OP_WRONG_TYPE.
    private static func compileWithString(
        _ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, leftExpr: Expr, rightExpr: Expr, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        let other = left.type == .string ? right.type : left.type
        // Beside NULL or another STRING both sides are STRING, which no arithmetic takes.
        guard other.isNumeric else { throw EngineError.wrongOperandType(expr, requires: numericInput, .string) }
        // Beside a fraction both sides meet in DOUBLE (so `1.5BD div '4'` is DOUBLE div DOUBLE, which div refuses).
        let target: SQLType = other.isIntegral ? .bigint : .double
        func widened(_ side: CompiledExpr) -> CompiledExpr { ExpressionCompiler.coerce(side, to: target) }
        return try compile(op, widened(left), widened(right), leftExpr: leftExpr, rightExpr: rightExpr, expr)
    }

    /// What Spark's arithmetic operators take, as its BINARY_OP_WRONG_TYPE lists it.
    static let numericInput = "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")"

    /// The Spark result type of `left op right` for numeric operands.
    static func resultType(
        _ op: BinaryOperator, _ left: SQLType, _ right: SQLType, _ leftExpr: Expr, _ rightExpr: Expr, _ expr: Expr
    ) throws(EngineError) -> SQLType {
        if op == .integerDivide { return try integralDivideType(left, right, expr) }
        if left == .null, right == .null { return .double }  // NULL beside NULL is read as DOUBLE
        // FLOAT stays FLOAT only beside FLOAT (or NULL), and `/` always divides in DOUBLE.
        if op != .divide, [left, right].allSatisfy({ $0 == .float || $0 == .null }) { return .float }
        let isFloating = [left, right].contains { $0 == .double || $0 == .float }
        if isFloating { return .double }
        let isDecimal = [left, right].contains { if case .decimal = $0 { return true } else { return false } }
        if !isDecimal {
            if op == .divide { return .double }
            guard let common = TypeCoercion.common(left, right) else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "incompatible types \(left) and \(right)")
            }
            return common
        }
        guard case let .decimal(p1, s1) = decimalType(left, leftExpr), case let .decimal(p2, s2) = decimalType(right, rightExpr) else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "incompatible types \(left) and \(right)")
        }
        switch op {
        case .add, .subtract: return DecimalRules.add(p1, s1, p2, s2)
        case .multiply: return DecimalRules.multiply(p1, s1, p2, s2)
        case .divide: return DecimalRules.divide(p1, s1, p2, s2)
        default: return DecimalRules.remainder(p1, s1, p2, s2)
        }
    }

    /// `div` takes integers (as BIGINT) and decimals, nothing floating (Spark's `IntegralDivide`).
    private static func integralDivideType(_ left: SQLType, _ right: SQLType, _ expr: Expr) throws(EngineError) -> SQLType {
        let shown = { (type: SQLType) -> SQLType in type.isIntegral ? .bigint : type }
        if [left, right].contains(where: { $0 == .double || $0 == .float }) {
            if left != right { throw EngineError.incompatibleOperands(expr, shown(left), shown(right)) }
            throw EngineError.wrongOperandType(
                expr, requires: "(\"BIGINT\" or \"DECIMAL\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")", left)
        }
        return .bigint
    }

    /// An integer literal next to a decimal takes the precision of its digits (Spark's
    /// `DecimalPrecision` literal rule); other integers take their type's full precision.
    private static func decimalType(_ type: SQLType, _ expr: Expr) -> SQLType {
        if case .literal(.int(let number), _) = expr { return .decimal(precision: SQLDecimal(number).digitCount, scale: 0) }
        return type.asDecimal ?? type
    }

    /// Spark checks TINYINT and SMALLINT `+`, `-` and `*` itself (BINARY_ARITHMETIC_OVERFLOW, the operands
    /// written as SMALLINT literals); nil for the other operators.
    private static func smallIntegerOverflow(_ op: BinaryOperator, _ a: Int64, _ b: Int64) -> EngineError? {
        let (symbol, function): (String, String)
        switch op {
        case .add: (symbol, function) = ("+", "try_add")
        case .subtract: (symbol, function) = ("-", "try_subtract")
        case .multiply: (symbol, function) = ("*", "try_multiply")
        default: return nil
        }
        return .analysis(
            "BINARY_ARITHMETIC_OVERFLOW",
            "\(a)S \(symbol) \(b)S caused overflow. Use `\(function)` to ignore overflow problem and return NULL.")
    }
}
