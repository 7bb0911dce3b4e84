import DBAPICore

/// Reads an operation's `examples` and checks them: each an object with a unique file-safe
/// `name`, `params` that the declaration accepts (unless `expect_error` names the error the
/// example must end with), and `ignore` paths that parse.
struct ExampleParser {
    let file: String
    let operation: Operation
    var issues: [ConfigIssue] = []

    private static let keys = ["name", "description", "params", "expect_error", "ignore"]

    init(file: String, operation: Operation) {
        self.file = file
        self.operation = operation
    }

    mutating func parse(_ json: JSONValue, line: Int?) -> [OperationExample] {
        guard let list = json.array else {
            issue("examples must be an array of {\"name\", \"params\"} objects", line: line)
            return []
        }
        var examples: [OperationExample] = []
        for (index, entry) in list.enumerated() {
            guard let example = parse(entry, index: index, line: line) else { continue }
            if let first = examples.first(where: { $0.name == example.name }) {
                issue(
                    "examples[\(index)]: the name '\(example.name)' is used twice (first at line \(first.line.map(String.init) ?? "?"))",
                    line: example.line)
                continue
            }
            examples.append(example)
        }
        return examples
    }

    private mutating func parse(_ entry: JSONValue, index: Int, line: Int?) -> OperationExample? {
        guard let object = entry.object else {
            issue("examples[\(index)] must be an object with a \"name\", got \(entry.kindName)", line: line)
            return nil
        }
        let exampleLine = object.keys.first.flatMap { object.line(of: $0) } ?? line
        let place = "examples[\(index)]"
        for key in object.keys where !Self.keys.contains(key) {
            issue("\(place): unknown key '\(key)'; expected \(Self.keys.joined(separator: ", "))", line: object.line(of: key))
        }
        guard let name = object["name"]?.string, Self.isFileSafe(name) else {
            issue(
                "\(place) needs a \"name\" of letters, digits, '.', '_' and '-' (not starting with '.'; at most 100), got \(JSONWriter().string(object["name"] ?? .null))",
                line: exampleLine)
            return nil
        }
        let label = "examples[\(name)]"
        var params = JSONObject()
        if let given = object["params"] {
            guard let paramsObject = given.object else {
                issue("\(label): params must be an object of name → value, got \(given.kindName)", line: object.line(of: "params"))
                return nil
            }
            params = paramsObject
        }
        var expectedError: ErrorCode?
        if let code = object["expect_error"] {
            guard let named = code.string.flatMap(ErrorCode.init(rawValue:)) else {
                let choices = ErrorCode.allCases.map(\.rawValue).joined(separator: ", ")
                issue(
                    "\(label): expect_error must be one of \(choices), got \(JSONWriter().string(code))",
                    line: object.line(of: "expect_error"))
                return nil
            }
            expectedError = named
        }
        var ignore: [JSONPath] = []
        if let given = object["ignore"] {
            for path in given.array ?? [given] {
                do throws(JSONPathError) {
                    guard let text = path.string else { throw JSONPathError(text: JSONWriter().string(path), column: 1) }
                    ignore.append(try JSONPath(parsing: text))
                } catch {
                    issue("\(label): ignore: \(error.description)", line: object.line(of: "ignore"))
                }
            }
        }
        let example = OperationExample(
            name: name, summary: object["description"]?.string, params: params, expectedError: expectedError, ignore: ignore,
            line: exampleLine)
        if expectedError == nil {
            do {
                _ = try ParameterResolver.resolve(operation, raw: example.rawParams)
            } catch {
                issue("\(label): params are not valid (add \"expect_error\" if that is the point): \(error.description)", line: exampleLine)
            }
        }
        return example
    }

    private mutating func issue(_ message: String, line: Int?) {
        issues.append(ConfigIssue(file: file, line: line, operation: operation.name, message: message))
    }

    /// Letters, digits, `.`, `_`, `-`; not starting with `.`; 1–100 characters: a file name on every system.
    static func isFileSafe(_ name: String) -> Bool {
        guard (1...100).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
    }
}
