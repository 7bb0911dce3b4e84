import DBAPICore

/// instr, locate/position, substring_index, split_part, startswith, endswith, contains: searches for a
/// literal substring; positions count code points from 1.
enum StringSearch {
    static let declarations: [ScalarDeclaration] = [
        .strict(["instr"], .string, .string, returns: .int) { text, part in
            .int(Int64(firstIndex(of: Array(part.text.unicodeScalars), in: Array(text.text.unicodeScalars), from: 0).map { $0 + 1 } ?? 0))
        },
        locate("locate"),
        locate("position"),
        .strict(["substring_index"], .string, .string, .int, returns: .string) { text, delimiter, count in
            .string(substringIndex(text.text, delimiter.text, count.integer))
        },
        .strict(["split_part"], .string, .string, .int, returns: .string) { text, delimiter, part throws(EngineError) in
            guard part.integer != 0 else {
                throw EngineError.classified(
                    errorClass: "INVALID_INDEX_OF_ZERO", sqlState: "22003",
                    message: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).")
            }
            let parts = delimiter.text.isEmpty ? [text.text] : text.text.split(byScalars: delimiter.text)
            let index = part.integer > 0 ? part.integer - 1 : Int64(parts.count) + part.integer
            return .string(index >= 0 && index < parts.count ? parts[Int(index)] : "")
        },
        .strict(["startswith"], .string, .string, returns: .boolean) { text, part in
            .bool(text.text.unicodeScalars.starts(with: part.text.unicodeScalars))
        },
        .strict(["endswith"], .string, .string, returns: .boolean) { text, part in
            .bool(text.text.unicodeScalars.reversed().starts(with: part.text.unicodeScalars.reversed()))
        },
        .strict(["contains"], .string, .string, returns: .boolean) { text, part in .bool(text.text.contains(scalars: part.text)) },
    ]

    /// locate(substr, str[, pos = 1]), position(…): the 1-based position of `substr` in `str` at or after
    /// `pos`; 0 when absent, when `pos` < 1 and when `pos` is NULL (as Spark does).
    private static func locate(_ name: String) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 2...3, printer: ScalarDeclaration.fillingDefaults(["1"], arity: 3)) {
            call throws(EngineError) in
            let (part, text) = (try call.argument(0, as: .string), try call.argument(1, as: .string))
            let start = call.count == 3 ? try call.argument(2, as: .int) : nil
            return CompiledExpr(type: .int) { row, context throws(EngineError) in
                var from: Int64 = 1
                if let start {
                    guard case .int(let given) = try start(row, context) else { return .int(0) }
                    from = given
                }
                guard case .string(let needle) = try part(row, context), case .string(let haystack) = try text(row, context) else {
                    return .null
                }
                guard from >= 1 else { return .int(0) }
                let scalars = Array(haystack.unicodeScalars)
                if needle.isEmpty { return .int(1) }
                guard from <= scalars.count else { return .int(0) }
                let found = firstIndex(of: Array(needle.unicodeScalars), in: scalars, from: Int(from - 1))
                return .int(Int64(found.map { $0 + 1 } ?? 0))
            }
        }
    }

    /// The 0-based code point index of the first occurrence of `part` in `scalars` at or after `start`.
    static func firstIndex(of part: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        if part.isEmpty { return start <= scalars.count ? start : nil }
        guard start <= scalars.count else { return nil }
        let text = String(scalars: scalars[start...])
        guard let offset = occurrences(of: String(scalars: part), in: text, limit: 1).first else { return nil }
        return start + String(decoding: text.utf8.prefix(offset), as: UTF8.self).unicodeScalars.count
    }

    /// The UTF-8 offsets of the occurrences of `part` (not empty) in `text`, overlapping ones included
    /// (each search starts one byte past the last match, as Spark's does), at most `limit`.
    static func occurrences(of part: String, in text: String, limit: Int = .max) -> [Int] {
        var search = ByteSearch(Array(part.utf8))
        var text = text
        return text.withUTF8 { bytes in
            var found: [Int] = []
            var start = 0
            while found.count < limit, let offset = search.firstOffset(in: bytes, from: start) {
                found.append(offset)
                start = offset + 1
            }
            return found
        }
    }

    /// Spark's substring_index: the text before the `count`-th occurrence of `delimiter` (after the
    /// `-count`-th from the end when negative); occurrences may overlap, as Spark's search steps one
    /// byte past each match.
    static func substringIndex(_ text: String, _ delimiter: String, _ count: Int64) -> String {
        guard count != 0, !delimiter.isEmpty else { return "" }
        let limit = count > 0 ? Int(clamping: count) : Int.max
        let found = occurrences(of: delimiter, in: text, limit: limit)
        let bytes = Array(text.utf8)
        if count > 0 {
            guard found.count == limit, let last = found.last else { return text }
            return String(decoding: bytes[..<last], as: UTF8.self)
        }
        // From the right Spark steps back one byte from each match, so it sees every match, overlapping
        // ones included, right to left.
        let index = found.count + Int(clamping: count)
        guard index >= 0 else { return text }
        return String(decoding: bytes[(found[index] + delimiter.utf8.count)...], as: UTF8.self)
    }
}
