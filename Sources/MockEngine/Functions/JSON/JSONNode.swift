import DBAPICore

/// A JSON value as Spark's Jackson-based JSON functions read it: members in document order (a repeated key
/// is kept, and a lookup finds its first occurrence), numbers as their text. Parsing reads one value and
/// ignores what follows it, as Spark's parser does; malformed text or nesting deeper than `maxDepth` is nil.
indirect enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])

    static let maxDepth = 256

    /// What a reader accepts beyond strict JSON, as Jackson's features name it.
    struct Leniency: Sendable {
        /// Strings and keys in single quotes: `{'a':'x'}`.
        var singleQuotes = false
        /// `NaN`, `Infinity`, `+INF`, `-Infinity`… as numbers (read as `NaN`, `Infinity`, `-Infinity`).
        var nonNumericNumbers = false
        /// Integers written with leading zeros (`01`).
        var leadingZeros = true

        /// `get_json_object` and `json_tuple`.
        static let pathExtraction = Leniency()
        /// `from_json` and `schema_of_json` with Spark's default options.
        static let sparkReader = Leniency(singleQuotes: true, nonNumericNumbers: true, leadingZeros: false)
    }

    /// The first value in `text`, or nil when it does not start with a well-formed one.
    static func parse(_ text: String, _ leniency: Leniency = .pathExtraction) -> JSONNode? {
        var reader = Reader(bytes: Array(text.utf8), leniency: leniency)
        return reader.value(depth: 0)
    }

    /// The text of a non-numeric number (`NaN`, `Infinity`, `-Infinity`), which Jackson writes quoted.
    static func isNonNumeric(_ text: String) -> Bool { text == "NaN" || text == "Infinity" || text == "-Infinity" }

    /// The first member named `key` (compared exactly, or ignoring ASCII case).
    func member(_ key: String, ignoringCase: Bool) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        if ignoringCase { return members.first { $0.key.lowercased() == key.lowercased() }?.value }
        return members.first { $0.key == key }?.value
    }

    /// Compact JSON as Jackson writes it: numbers re-read (integers as written, others as Java doubles),
    /// strings escaped.
    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text) where Self.isNonNumeric(text): out += "\"" + text + "\""
        case .number(let text): out += Self.normalizedNumber(text)
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let items):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    var json: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// An integer's text as Jackson writes it back (`-0` is `0`); a number with a fraction or exponent
    /// becomes a Java double (`1.50` is `1.5`, `1e2` is `100.0`).
    static func normalizedNumber(_ text: String) -> String {
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            if let integer = Int64(text) { return String(integer) }
            return text
        }
        return SQLValue.sparkDouble(Double(text) ?? 0)
    }

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// A recursive-descent reader over UTF-8 bytes.
private struct Reader {
    let bytes: [UInt8]
    let leniency: JSONNode.Leniency
    var index = 0

    mutating func skipSpace() {
        while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) -> JSONNode? {
        guard depth < JSONNode.maxDepth else { return nil }
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "'") where leniency.singleQuotes: return string().map { .string($0) }
        case UInt8(ascii: "t"): return word("true", .bool(true))
        case UInt8(ascii: "f"): return word("false", .bool(false))
        case UInt8(ascii: "n"): return word("null", .null)
        case UInt8(ascii: "N") where leniency.nonNumericNumbers, UInt8(ascii: "I") where leniency.nonNumericNumbers,
            UInt8(ascii: "+") where leniency.nonNumericNumbers:
            return nonNumeric()
        case UInt8(ascii: "-") where leniency.nonNumericNumbers && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "I"):
            return nonNumeric()
        default: return number()
        }
    }

    mutating func word(_ text: String, _ node: JSONNode) -> JSONNode? {
        let expected = Array(text.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else { return nil }
        index += expected.count
        return node
    }

    /// `NaN`, `Infinity`, `+Infinity`, `-Infinity`, `+INF`, `-INF`, as Jackson's ALLOW_NON_NUMERIC_NUMBERS reads them.
    mutating func nonNumeric() -> JSONNode? {
        for (text, value) in [
            ("NaN", "NaN"), ("Infinity", "Infinity"), ("+Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("+INF", "Infinity"),
            ("-INF", "-Infinity"),
        ] {
            if let node = word(text, .number(value)) { return node }
        }
        return nil
    }

    mutating func number() -> JSONNode? {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { return nil }
        if !leniency.leadingZeros, index - digitsStart > 1, bytes[digitsStart] == UInt8(ascii: "0") { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > fraction else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponent = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > exponent else { return nil }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// A string from its opening quote (`"`, or `'` where single quotes are allowed) through its closing one.
    mutating func string() -> String? {
        let quote = bytes[index]
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                flush(index)
                index += 1
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { return nil }
                index += 1
                continue
            }
            flush(index)
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return nil }
                var code = unit
                if (0xD800..<0xDC00).contains(unit), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: scalars.append(Unicode.Scalar(escape))  // \" \\ \/ and any escaped character
            }
            run = index
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { return nil }
        index += 4
        return value
    }

    mutating func array(depth: Int) -> JSONNode? {
        index += 1
        var items: [JSONNode] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipSpace()
            guard index < bytes.count else { return nil }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        }
    }

    mutating func object(depth: Int) -> JSONNode? {
        index += 1
        var members: [(key: String, value: JSONNode)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || (leniency.singleQuotes && bytes[index] == UInt8(ascii: "'")),
                let key = string()
            else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let member = value(depth: depth + 1) else { return nil }
            members.append((key, member))
            skipSpace()
            guard index < bytes.count else { return nil }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        }
    }
}
