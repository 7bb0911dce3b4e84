/// Serialises `JSONValue`s: compact by default, or indented with `pretty`.
public struct JSONWriter: Sendable {
    public var pretty: Bool

    public init(pretty: Bool = false) { self.pretty = pretty }

    /// Returns the JSON text of `value`.
    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: 0)
        return out
    }

    /// Appends the JSON text of `value` to `out`.
    public func write(_ value: JSONValue, to out: inout String, indent: Int = 0) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .number(let text): out += text
        case .double(let number): out += Self.formatDouble(number)
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                newline(&out, indent + 1)
                write(item, to: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out += "]"
        case .object(let object):
            if object.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 { out += "," }
                newline(&out, indent + 1)
                Self.writeString(member.key, to: &out)
                out += pretty ? ": " : ":"
                write(member.value, to: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: Int) {
        guard pretty else { return }
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    /// The JSON text of a double. Integral values keep a ".0" (and `-0.0` its sign). NaN and the
    /// infinities, which a JSON number cannot hold, are the strings `"NaN"`, `"Infinity"` and
    /// `"-Infinity"`, as Databricks writes them in results.
    public static func formatDouble(_ number: Double) -> String {
        guard number.isFinite else { return "\"" + SQLValue.sparkDouble(number) + "\"" }
        if number == 0 { return number.sign == .minus ? "-0.0" : "0.0" }
        if number == number.rounded(), abs(number) < 1e16 { return String(Int64(number)) + ".0" }
        return "\(number)"
    }

    /// Appends `text` as a quoted JSON string, escaping quotes, backslashes and control characters.
    public static func writeString(_ text: String, to out: inout String) {
        // Most values need no escaping: append them whole instead of re-encoding them.
        if !text.utf8.contains(where: needsEscape) {
            out += "\""
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a quoted JSON string in UTF-8, escaping as `writeString` does.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &bytes) }
    }

    /// Appends UTF-8 bytes as a quoted JSON string.
    public static func appendString(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var pending = 0
        for position in 0..<utf8.count where needsEscape(utf8[position]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending..<position]))
            let byte = utf8[position]
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)],
                ])
            }
            pending = position + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
    }
}
