import DBAPICore

/// A path into a JSON document, as snapshot diffs print it and an example's `ignore` lists it:
/// `data.warehouses[0].qty`, `data["odd key"]`, and (in `ignore` only) `[*]` for every element.
///
///     let path = try JSONPath(parsing: "data.warehouses[*].updated_at")
///     path.description == "data.warehouses[*].updated_at"
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    /// One step: an object member, an array element, or every element.
    public enum Segment: Sendable, Equatable {
        case key(String)
        case index(Int)
        case anyIndex
    }

    public private(set) var segments: [Segment]

    public init(_ segments: [Segment] = []) { self.segments = segments }

    /// Reads `name`, `.name`, `[N]`, `[*]` and `["any key"]` steps; the first step is a bare name.
    ///
    /// - Throws: `JSONPathError` naming the column where the text stops being a path.
    public init(parsing text: String) throws(JSONPathError) {
        let characters = Array(text)
        var segments: [Segment] = []
        var position = 0
        func bareName() -> String {
            let start = position
            while position < characters.count, !".[]\"".contains(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }
        while position < characters.count || segments.isEmpty {
            let column = position + 1
            if segments.isEmpty || characters[position] == "." {
                if !segments.isEmpty { position += 1 }
                let name = bareName()
                guard !name.isEmpty else { throw JSONPathError(text: text, column: column) }
                segments.append(.key(name))
                continue
            }
            guard characters[position] == "[", let close = characters[position...].firstIndex(of: "]") else {
                throw JSONPathError(text: text, column: column)
            }
            let inner = String(characters[(position + 1)..<close])
            if inner == "*" {
                segments.append(.anyIndex)
            } else if let index = Int(inner), index >= 0, inner.allSatisfy(\.isASCII) {
                segments.append(.index(index))
            } else if inner.hasPrefix("\""), case .string(let key)? = try? JSONParser.parse(inner) {
                segments.append(.key(key))
            } else {
                throw JSONPathError(text: text, column: column)
            }
            position = close + 1
        }
        self.segments = segments
    }

    /// The path one step further.
    public func appending(_ segment: Segment) -> JSONPath { JSONPath(segments + [segment]) }

    public var description: String {
        guard !segments.isEmpty else { return "$" }
        var text = ""
        for segment in segments {
            switch segment {
            case .key(let key) where Self.isBare(key): text += text.isEmpty ? key : "." + key
            case .key(let key): text += "[" + JSONWriter().string(.string(key)) + "]"
            case .index(let index): text += (text.isEmpty ? "$" : "") + "[\(index)]"
            case .anyIndex: text += "[*]"
            }
        }
        return text
    }

    private static func isBare(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-") }
    }

    /// `value` with every member or element this path reaches replaced by `replacement`.
    public func replacing(in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        Self.replace(segments[...], in: value, with: replacement)
    }

    private static func replace(_ rest: ArraySlice<Segment>, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let first = rest.first else { return replacement }
        let remaining = rest.dropFirst()
        switch (first, value) {
        case (.key(let key), .object(var object)):
            guard let member = object[key] else { return value }
            object[key] = replace(remaining, in: member, with: replacement)
            return .object(object)
        case (.index(let index), .array(var items)) where index < items.count:
            items[index] = replace(remaining, in: items[index], with: replacement)
            return .array(items)
        case (.anyIndex, .array(let items)):
            return .array(items.map { replace(remaining, in: $0, with: replacement) })
        default:
            return value
        }
    }
}

/// Text that is not a JSON path.
public struct JSONPathError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let column: Int

    public var description: String {
        "\(JSONWriter().string(.string(text))) is not a path like data.items[0].name (at character \(column))"
    }
}
