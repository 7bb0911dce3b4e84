import DBAPICore
import Foundation

/// A small JSON Schema (draft 2020-12) validator for the keywords `OperationConfigSchema` uses: `type`,
/// `enum`, `properties`, `required`, `additionalProperties`, `items`, `minItems`, `maxItems`,
/// `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`, `oneOf`, and local `$ref`s into `$defs`.
/// An unknown keyword is itself an error, so the schema cannot use one this validator ignores.
struct JSONSchemaValidator {
    let root: JSONValue

    private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "default", "$defs"]
    private static let keywords: Set<String> = [
        "type", "enum", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength",
        "pattern", "minimum", "maximum", "oneOf", "$ref",
    ]

    /// Every violation of `instance`, as `path: problem`.
    func errors(_ instance: JSONValue) -> [String] {
        var errors: [String] = []
        validate(instance, root, at: "$", into: &errors)
        return errors
    }

    private func validate(_ value: JSONValue, _ schema: JSONValue, at path: String, into errors: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(path): not allowed") }
            return
        }
        guard let schema = schema.object else { return errors.append("\(path): schema is not an object") }
        for key in schema.keys where !Self.annotations.contains(key) && !Self.keywords.contains(key) {
            errors.append("\(path): the schema uses '\(key)', which this validator does not know")
        }
        if let reference = schema["$ref"]?.string {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?[name] else { return errors.append("\(path): unresolved \(reference)") }
            validate(value, target, at: path, into: &errors)
        }
        if let type = schema["type"]?.string, !Self.matches(value, type) {
            errors.append("\(path): expected \(type), got \(value.kindName)")
            return
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            errors.append("\(path): \(JSONWriter().string(value)) is not one of \(JSONWriter().string(.array(allowed)))")
        }
        if let branches = schema["oneOf"]?.array {
            let passing = branches.filter { branch in
                var branchErrors: [String] = []
                validate(value, branch, at: path, into: &branchErrors)
                return branchErrors.isEmpty
            }
            if passing.count != 1 { errors.append("\(path): matches \(passing.count) of the oneOf branches, not 1") }
        }
        switch value {
        case .object(let object):
            let properties = schema["properties"]?.object ?? JSONObject()
            for key in schema["required"]?.array?.compactMap(\.string) ?? [] where object[key] == nil {
                errors.append("\(path): '\(key)' is required")
            }
            for (key, member) in object.members {
                if let property = properties[key] {
                    validate(member, property, at: "\(path).\(key)", into: &errors)
                } else if let additional = schema["additionalProperties"] {
                    validate(member, additional, at: "\(path).\(key)", into: &errors)
                }
            }
        case .array(let items):
            if let minimum = schema["minItems"], case .int(let count) = minimum, items.count < count {
                errors.append("\(path): fewer than \(count) items")
            }
            if let maximum = schema["maxItems"], case .int(let count) = maximum, items.count > count {
                errors.append("\(path): more than \(count) items")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { validate(item, itemSchema, at: "\(path)[\(index)]", into: &errors) }
            }
        case .string(let text):
            if case .int(let minimum)? = schema["minLength"], text.count < minimum { errors.append("\(path): shorter than \(minimum)") }
            if case .int(let maximum)? = schema["maxLength"], text.count > maximum { errors.append("\(path): longer than \(maximum)") }
            if let pattern = schema["pattern"]?.string {
                let expression = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if expression?.firstMatch(in: text, range: range) == nil { errors.append("\(path): does not match \(pattern)") }
            }
        case .int, .number, .double:
            let number = Self.number(value)
            if let minimum = schema["minimum"].flatMap(Self.number), let number, number < minimum {
                errors.append("\(path): less than \(minimum)")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), let number, number > maximum {
                errors.append("\(path): more than \(maximum)")
            }
        default:
            break
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        case .number(let text): Double(text)
        default: nil
        }
    }

    private static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): true
        case ("integer", .int): true
        case ("integer", .number(let text)): !text.contains(".") && !text.lowercased().contains("e")
        case ("number", .int), ("number", .number), ("number", .double): true
        default: false
        }
    }
}
