import DBAPICore

/// Reads a parameter declaration (`{"type": "integer", "minimum": 0, …}`) and reports problems.
struct ParamSpecParser {
    let file: String
    let operation: String
    var issues: [ConfigIssue] = []

    mutating func parse(name: String, json: JSONValue, line: Int?) -> ParamSpec? {
        func issue(_ message: String) {
            issues.append(ConfigIssue(file: file, line: line, operation: operation, message: "params.\(name): \(message)"))
        }
        let object: JSONObject
        switch json {
        case .object(let value): object = value
        case .string(let typeName): object = JSONObject([("type", .string(typeName))])
        default:
            issue("expected an object like {\"type\": \"string\"}, got \(json.kindName)")
            return nil
        }
        var items: ParamSpec?
        if let itemsJSON = object["items"] {
            var nested = ParamSpecParser(file: file, operation: operation)
            items = nested.parse(name: "\(name).items", json: itemsJSON, line: line)
            issues += nested.issues
            if items?.type.isArray == true { issue("array items must be a scalar type") }
        }
        let typeName = object["type"]?.string ?? "string"
        guard var type = ParamType(name: typeName, items: items?.type) else {
            let hint = typeName.lowercased() == "array" ? " (an array needs \"items\": \"<type>\")" : ""
            issue(
                "unknown type '\(typeName)'\(hint); expected one of string, integer, number, decimal, boolean, date, timestamp, array, identifier"
            )
            return nil
        }
        if case .decimal(nil, _) = type, let precision = integer(object, "precision") {
            let scale = integer(object, "scale") ?? 0
            guard (1...38).contains(precision), (0...precision).contains(scale) else {
                issue("decimal precision must be 1…38 and scale 0…precision")
                return nil
            }
            type = .decimal(precision: precision, scale: scale)
        }
        for bound in ["minimum", "maximum"] where object[bound] != nil && number(object, bound) == nil {
            issue("\(bound) must be a number of at most 38 digits, got \(JSONWriter().string(object[bound] ?? .null))")
        }
        if case .array(let element) = type, items == nil { items = ParamSpec.implicit("\(name).items", type: element) }
        var pattern: Pattern?
        if let source = object["pattern"]?.string {
            do {
                pattern = try Pattern(source)
            } catch {
                issue("invalid regular expression in pattern \(source): \(error.description)")
            }
        }
        var allowed: [JSONValue]?
        if let values = object["enum"] {
            if let array = values.array, !array.isEmpty { allowed = array } else { issue("enum must be a non-empty array") }
        }
        let (minimum, maximum) = (number(object, "minimum"), number(object, "maximum"))
        if let named = object["sql_type"], named.string == nil { issue("sql_type must be a Spark type name like \"INT\"") }
        var sqlType: SQLType?
        switch SparkTypeRule.resolve(
            kind: type, sqlTypeName: object["sql_type"]?.string, minimum: minimum, maximum: maximum, allowed: allowed)
        {
        case .success(let resolved): sqlType = resolved
        case .failure(let failure): issue(failure.message)
        }
        if case .decimal(nil, _) = type, case let .decimal(precision, scale)? = sqlType {
            type = .decimal(precision: precision, scale: scale)
        }
        let spec = ParamSpec(
            name: name, type: type, isRequired: object["required"] == .bool(true), isNullable: object["nullable"] == .bool(true),
            defaultValue: object["default"], summary: object["description"]?.string, isSensitive: object["sensitive"] == .bool(true),
            pattern: pattern,
            minLength: integer(object, "min_length", "minLength"), maxLength: integer(object, "max_length", "maxLength"),
            allowed: allowed, minimum: minimum, maximum: maximum,
            minItems: integer(object, "min_items", "minItems"), maxItems: integer(object, "max_items", "maxItems"), items: items,
            sqlType: sqlType)
        if let flag = object["sensitive"], flag != .bool(true), flag != .bool(false) { issue("sensitive must be true or false") }
        if let defaultValue = spec.defaultValue {
            do {
                _ = try spec.coerce(.json(defaultValue))
            } catch {
                var sensitive = SensitiveValues()
                if spec.isSensitive { sensitive.add(defaultValue) }
                issue(sensitive.redact("default \(JSONWriter().string(defaultValue)) is not valid: \(error.description)"))
            }
        }
        return spec
    }

    private func integer(_ object: JSONObject, _ keys: String...) -> Int? {
        for key in keys { if case .int(let value)? = object[key] { return Int(clamping: value) } }
        return nil
    }

    private func number(_ object: JSONObject, _ key: String) -> SQLDecimal? {
        switch object[key] {
        case .int(let value)?: SQLDecimal(value)
        case .number(let text)?: SQLDecimal(string: text)
        default: nil
        }
    }
}
