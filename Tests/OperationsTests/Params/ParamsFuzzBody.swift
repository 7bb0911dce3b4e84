import DBAPICore
import SQLText

@testable import MockEngine
@testable import Operations

/// One input of the `params` fuzz target (`scripts/fuzz.sh params`, and `ParamsFuzzPropertyTests`):
/// the first byte picks a declared parameter (every type, with and without constraints and Spark
/// types), the rest is the raw value. It is coerced as `--param` text and, when it parses, as a
/// JSON value; a value that coerces is bound into a template (inline and native) and the inlined
/// statement runs on the mock engine. A value refused in its only form throws the refusal.
enum ParamsFuzzBody {
    /// The declarations, as an operation's `params` would hold them.
    static let declarations = [
        #"{"type": "string"}"#, #"{"type": "string", "pattern": "^[A-Z0-9-]{1,32}$", "min_length": 2, "max_length": 8}"#,
        #"{"type": "string", "enum": ["a", "b", "O'Brien"], "nullable": true}"#, #"{"type": "identifier"}"#,
        #"{"type": "integer"}"#, #"{"type": "integer", "minimum": -5, "maximum": 1000}"#, #"{"type": "integer", "sql_type": "TINYINT"}"#,
        #"{"type": "integer", "sql_type": "SMALLINT"}"#, #"{"type": "integer", "sql_type": "INT"}"#,
        #"{"type": "integer", "sql_type": "BIGINT"}"#,
        #"{"type": "number"}"#, #"{"type": "number", "sql_type": "FLOAT"}"#, #"{"type": "number", "minimum": 0.5, "maximum": 1e300}"#,
        #"{"type": "decimal"}"#, #"{"type": "decimal", "precision": 10, "scale": 2}"#,
        #"{"type": "decimal", "sql_type": "DECIMAL(38,38)"}"#,
        #"{"type": "decimal", "sql_type": "DECIMAL(38,0)", "minimum": -1}"#, #"{"type": "boolean"}"#, #"{"type": "date"}"#,
        #"{"type": "date", "default": "2024-02-29"}"#, #"{"type": "timestamp"}"#, #"{"type": "timestamp", "nullable": true}"#,
        #"{"type": "array", "items": "string"}"#, #"{"type": "array", "items": "integer", "min_items": 1, "max_items": 5}"#,
        #"{"type": "array", "items": {"type": "decimal", "precision": 5, "scale": 1}}"#, #"{"type": "array", "items": "date"}"#,
        #"{"type": "array", "items": "timestamp"}"#, #"{"type": "array", "items": "boolean"}"#, #"{"type": "array", "items": "number"}"#,
        #"{"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}}"#,
    ]
    static let specs: [ParamSpec] = declarations.enumerated().compactMap { index, text in
        var parser = ParamSpecParser(file: "fuzz.json", operation: "fuzz")
        return (try? JSONParser.parse(text)).flatMap { parser.parse(name: "p\(index)", json: $0, line: 1) }
    }
    static let templates = ["SELECT :v AS v", "SELECT 1 AS one WHERE 1 IN :v", "SELECT * FROM :v"].compactMap { try? Template(parsing: $0) }
    static let engine = (try? MockCatalog(directory: nil)).map(SQLEngine.init)

    static func run(_ bytes: [UInt8]) throws {
        guard let selector = bytes.first, !specs.isEmpty else { return }
        let spec = specs[Int(selector) % specs.count]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        var raws: [RawParam] = [.text(text)]
        if let json = try? JSONParser.parse(text) { raws.append(.json(json)) }
        var refusal: ParamError?
        for raw in raws {
            let value: SQLValue
            do {
                value = try spec.coerce(raw)
            } catch {
                refusal = error
                continue
            }
            try bindAndRun(value, spec)
        }
        if let refusal, raws.count == 1 { throw refusal }
    }

    /// A value that came back from `SELECT :v` different from what was bound: the literal is wrong.
    struct RoundTripMismatch: Error {
        let bound: SQLValue
        let selected: SQLValue
        let sql: String
    }

    /// Binds `value` into each template and runs the inlined statement; binding and engine errors
    /// are expected for some (a scalar after IN, a non-identifier after FROM). What `SELECT :v`
    /// returns must be the bound value (FLOAT and identifiers aside).
    private static func bindAndRun(_ value: SQLValue, _ spec: ParamSpec) throws {
        let binding = Binding(value: value, type: spec.type, sqlType: spec.sqlType(for: value), param: spec.name)
        for template in templates {
            let statement: BoundStatement
            do {
                statement = try Binder.bind(template, name: "fuzz", bindings: ["v": binding])
            } catch {
                _ = error.description
                continue
            }
            let rows: [Row]
            do {
                rows = try engine?.execute(statement.inlinedSQL, now: 0).rows ?? []
            } catch {
                _ = error.description
                continue
            }
            guard template == templates.first, spec.type != .identifier, binding.sqlType != .float else { continue }
            if let selected = rows.first?.first, selected != value {
                throw RoundTripMismatch(bound: value, selected: selected, sql: statement.inlinedSQL)
            }
        }
    }
}
