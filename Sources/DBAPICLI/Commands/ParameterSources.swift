import DBAPICore
import Foundation
import Operations

/// Collects parameters from `--param k=v`, `--params-json`, and `--params-file F|-`, in the order
/// given on the command line: a later source overrides an earlier one.
struct ParameterSources {
    /// Raw values by key as typed (`name` or `name:TYPE`).
    private(set) var values: [String: RawParam] = [:]
    private(set) var order: [String] = []
    /// Where each value came from, by key: `--param`, `--params-json`, `--params-file FILE`.
    private(set) var sources: [String: String] = [:]

    init(_ arguments: ParsedArguments, io: IO) throws {
        for (option, value) in arguments.options {
            guard let value else { continue }
            switch option {
            case .param:
                guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                    throw UsageError.invalidValue(option: "--param", value: value, expected: "NAME=VALUE")
                }
                set(String(value[..<equals]), .text(String(value[value.index(after: equals)...])), source: "--param")
            case .paramsJSON:
                try merge(Array(value.utf8), source: "--params-json")
            case .paramsFile:
                let bytes: [UInt8]
                if value == "-" {
                    bytes = [UInt8](io.stdin())
                } else {
                    let path = value.hasPrefix("/") ? value : io.currentDirectory + "/" + value
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw DBAPIError(.invalidParameter, "--params-file \(value): cannot be read", details: ["file": .string(value)])
                    }
                    bytes = [UInt8](data)
                }
                try merge(bytes, source: "--params-file \(value)")
            default:
                continue
            }
        }
    }

    private mutating func set(_ key: String, _ value: RawParam, source: String) {
        let name = key.split(separator: ":", maxSplits: 1).first.map(String.init) ?? key
        if let existing = order.firstIndex(where: { ($0.split(separator: ":", maxSplits: 1).first.map(String.init) ?? $0) == name }) {
            values[order[existing]] = nil
            order.remove(at: existing)
        }
        values[key] = value
        sources[key] = source
        order.append(key)
    }

    private mutating func merge(_ bytes: [UInt8], source: String) throws {
        do {
            try StrictUTF8.validate(bytes)
        } catch {
            throw DBAPIError(.invalidParameter, "\(source): \(error.description)")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes: bytes)
        } catch {
            throw DBAPIError(.invalidParameter, "\(source): invalid JSON: \(error.description)")
        }
        guard let object = json.object else {
            throw DBAPIError(.invalidParameter, "\(source): expected a JSON object of name → value, got \(json.kindName)")
        }
        for (key, value) in object.members { set(key, .json(value), source: source) }
    }

    /// Plain `name → value` for operations; a typed key is an error there.
    func forOperation() throws(ParamError) -> [String: RawParam] {
        if let typed = order.first(where: { $0.contains(":") }) { throw ParamError.typedParameterNotAllowed(typed) }
        return values
    }

    /// `name → (type, value)` for ad-hoc queries.
    func forQuery() throws(ParamError) -> [String: (type: AdHocQuery.DeclaredType?, raw: RawParam)] {
        var typed: [String: (type: AdHocQuery.DeclaredType?, raw: RawParam)] = [:]
        for key in order {
            guard let raw = values[key] else { continue }
            let (name, type) = try AdHocQuery.splitKey(key)
            typed[name] = (type, raw)
        }
        return typed
    }
}
