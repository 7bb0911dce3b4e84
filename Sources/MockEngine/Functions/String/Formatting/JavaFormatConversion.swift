import DBAPICore

/// One specifier applied to one Spark value, as `java.util.Formatter` prints the Java object Spark passes.
struct JavaFormatConversion {
    let specifier: JavaFormatSpecifier
    let function: String

    init(_ specifier: JavaFormatSpecifier, _ function: String) {
        self.specifier = specifier
        self.function = function
    }

    private var conversion: Character { specifier.conversion }

    func text(_ value: SQLValue, _ type: SQLType) throws(EngineError) -> String {
        let lower = Character(conversion.lowercased())
        let isUpper = conversion.isUppercase
        var text: String
        switch lower {
        case "s": text = try plain(value, type)
        case "b":
            if case .bool(let flag) = value { text = flag ? "true" : "false" } else { text = value.isNull ? "false" : "true" }
        case "c": text = try character(value, type)
        case "d", "o", "x": text = try integral(value, type, lower)
        case "e", "f": text = try floating(value, type, lower)
        case "g", "a", "h", "t": throw EngineError.unsupported("\(function) conversion '%\(conversion)'")
        default: throw FormatString.invalid(function, "Conversion = '\(conversion)'")
        }
        if lower == "s" || lower == "b", let precision = specifier.precision {
            text = String(scalars: text.unicodeScalars.prefix(precision))
        }
        if isUpper { text = text.uppercased() }
        return specifier.justified(text)
    }

    /// `%s`: Java's toString of the object Spark passes.
    private func plain(_ value: SQLValue, _ type: SQLType) throws(EngineError) -> String {
        switch value {
        case .null: return "null"
        case .string(let text): return text
        case .bool, .int: return value.description
        case .date(let days): return String(days)
        case .timestamp(let micros), .timestampNTZ(let micros): return String(micros)
        case .double(let number):
            guard type != .float else { throw EngineError.unsupported("\(function) '%s' of a FLOAT") }
            return SQLValue.sparkDouble(number)
        case .decimal(let number):
            let digits = number.digitCount
            guard number.unscaled == 0 || digits - number.scale - 1 >= -6 else {
                throw EngineError.unsupported("\(function) '%s' of a DECIMAL written in scientific notation")
            }
            return number.description
        default: throw EngineError.unsupported("\(function) of \(type) values")
        }
    }

    private func character(_ value: SQLValue, _ type: SQLType) throws(EngineError) -> String {
        if value.isNull { return "null" }
        guard case .int(let code) = value, type != .bigint, type.isIntegral, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code)),
            code >= 0
        else { throw mismatch(type) }
        return String(scalars: [scalar])
    }

    /// `%d`, `%o`, `%x` of Byte, Short, Integer and Long (DATE and TIMESTAMP pass as Integer and Long).
    private func integral(_ value: SQLValue, _ type: SQLType, _ conversion: Character) throws(EngineError) -> String {
        var number: Int64
        var bits = 64
        switch value {
        case .null: return "null"
        case .int(let integer) where type.isIntegral:
            number = integer
            bits = type == .tinyint ? 8 : type == .smallint ? 16 : type == .int ? 32 : 64
        case .date(let days): (number, bits) = (Int64(days), 32)
        case .timestamp(let micros), .timestampNTZ(let micros): number = micros
        default: throw mismatch(type)
        }
        let flags = specifier.flags
        guard specifier.precision == nil else { throw FormatString.invalid(function, "precision with '%\(self.conversion)'") }
        if conversion == "d" {
            var digits = DecimalText(number).integerText(grouping: flags.contains(",") ? 3 : 0, minimumDigits: 1)
            return signed(&digits, isNegative: number < 0)
        }
        guard flags.isDisjoint(with: ["+", " ", ",", "("]) else { throw FormatString.invalid(function, "flags with '%\(self.conversion)'") }
        let pattern = bits == 64 ? UInt64(bitPattern: number) : UInt64(bitPattern: number) & ((1 << UInt64(bits)) - 1)
        var digits = String(pattern, radix: conversion == "o" ? 8 : 16)
        if flags.contains("#") { digits = (conversion == "o" ? "0" : "0x") + digits }
        return zeroPadded(digits, prefix: "")
    }

    /// `%e`, `%f` of Double and Float: the shortest digits of the value rounded HALF_UP, as Java does.
    private func floating(_ value: SQLValue, _ type: SQLType, _ conversion: Character) throws(EngineError) -> String {
        guard case .double(let raw) = value else {
            if value.isNull { return "null" }
            throw mismatch(type)
        }
        let number = type == .float ? Double(Float(raw)) : raw
        let flags = specifier.flags
        if !number.isFinite {
            var text = number.isNaN ? "NaN" : "Infinity"
            if !number.isNaN { return signed(&text, isNegative: number < 0, padZeros: false) }
            return text
        }
        let places = specifier.precision ?? 6
        try StringLimits.checkResult(places, function)
        var text: String
        if conversion == "f" {
            let rounded = DecimalText(shortest: number).rounded(toPlaces: places, tie: .up)
            text = rounded.integerText(grouping: flags.contains(",") ? 3 : 0, minimumDigits: 1)
            if places > 0 || flags.contains("#") { text += "." + rounded.fractionText }
        } else {
            text = scientific(DecimalText(shortest: number), places: places)
        }
        return signed(&text, isNegative: number.sign == .minus)
    }

    /// d.ddde±xx with `places` fraction digits, HALF_UP.
    private func scientific(_ number: DecimalText, places: Int) -> String {
        let digits = number.integer + number.fraction
        guard let first = digits.firstIndex(where: { $0 != 0 }) else {
            return "0" + (places > 0 ? "." + String(repeating: "0", count: places) : "") + "e+00"
        }
        var exponent = number.integer.count - 1 - first
        let significant = Array(digits[first...])
        var mantissa = DecimalText(integer: [significant[0]], fraction: Array(significant.dropFirst()), isNegative: false)
            .rounded(toPlaces: places, tie: .up)
        if mantissa.integer.count > 1 {
            exponent += 1
            mantissa = DecimalText(integer: [1], fraction: [UInt8](repeating: 0, count: places), isNegative: false)
        }
        let fraction = places > 0 ? "." + mantissa.fractionText : ""
        let magnitude = String(abs(exponent))
        return mantissa.integerText(grouping: 0, minimumDigits: 1) + fraction + "e" + (exponent < 0 ? "-" : "+")
            + (magnitude.count < 2 ? "0" : "") + magnitude
    }

    /// Sign flags (`+`, space, `(`) and zero padding applied to a magnitude.
    private func signed(_ digits: inout String, isNegative: Bool, padZeros: Bool = true) -> String {
        let flags = specifier.flags
        var prefix = ""
        var suffix = ""
        if isNegative {
            if flags.contains("(") { (prefix, suffix) = ("(", ")") } else { prefix = "-" }
        } else if flags.contains("+") {
            prefix = "+"
        } else if flags.contains(" ") {
            prefix = " "
        }
        return padZeros ? zeroPadded(digits, prefix: prefix) + suffix : prefix + digits + suffix
    }

    /// `prefix` then `digits`, zeros between them up to the width when the `0` flag is set.
    private func zeroPadded(_ digits: String, prefix: String) -> String {
        guard specifier.flags.contains("0"), let width = specifier.width else { return prefix + digits }
        let missing = width - prefix.count - digits.count
        return prefix + String(repeating: "0", count: max(0, missing)) + digits
    }

    /// Java's IllegalFormatConversionException: `d != java.lang.Double`.
    private func mismatch(_ type: SQLType) -> EngineError {
        let javaClass =
            switch type {
            case .string: "org.apache.spark.unsafe.types.UTF8String"
            case .double: "java.lang.Double"
            case .float: "java.lang.Float"
            case .decimal: "org.apache.spark.sql.types.Decimal"
            case .boolean: "java.lang.Boolean"
            case .bigint, .timestamp, .timestampNTZ: "java.lang.Long"
            case .int, .date: "java.lang.Integer"
            case .smallint: "java.lang.Short"
            case .tinyint: "java.lang.Byte"
            default: "\(type)"
            }
        return FormatString.invalid(function, "\(conversion) != \(javaClass)")
    }
}
