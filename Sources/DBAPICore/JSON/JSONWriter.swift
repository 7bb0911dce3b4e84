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

    /// JSON has no NaN or infinity: they are written as null; integral doubles keep a ".0".
    public static func formatDouble(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e16 { return String(Int64(number)) + ".0" }
        return "\(number)"
    }

    /// Appends `text` as a quoted JSON string, escaping quotes, backslashes and control characters.
    public static func writeString(_ text: String, to out: inout String) {
        out += "\""
        let utf8 = text.utf8
        // Most values need no escaping: append them whole instead of re-decoding pieces.
        if !utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            out += text
            out += "\""
            return
        }
        var pending = utf8.startIndex
        var position = utf8.startIndex
        while position != utf8.endIndex {
            let byte = utf8[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                out += String(decoding: utf8[pending..<position], as: UTF8.self)
                switch byte {
                case UInt8(ascii: "\""): out += "\\\""
                case UInt8(ascii: "\\"): out += "\\\\"
                case UInt8(ascii: "\n"): out += "\\n"
                case UInt8(ascii: "\r"): out += "\\r"
                case UInt8(ascii: "\t"): out += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                pending = utf8.index(after: position)
            }
            position = utf8.index(after: position)
        }
        out += String(decoding: utf8[pending..<utf8.endIndex], as: UTF8.self)
        out += "\""
    }
}
