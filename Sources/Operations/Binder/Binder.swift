import DBAPICore
import SQLText

/// A value ready to bind to a marker: the typed value, its declared kind, the one Spark type it is
/// bound as (inline literal and native parameter alike), and the parameter it came from (for
/// error messages).
public struct Binding: Sendable, Equatable {
    public var value: SQLValue
    public var type: ParamType
    public var sqlType: SQLType
    public var param: String

    /// - Parameter sqlType: the declaration's Spark type (`ParamSpec.sqlType(for:)`); by default the
    ///   kind's own rule.
    public init(value: SQLValue, type: ParamType, sqlType: SQLType? = nil, param: String) {
        self.value = value
        self.type = type
        self.sqlType = sqlType ?? type.sqlType(for: value)
        self.param = param
    }
}

/// Binds typed values into a template, producing both forms a backend may run.
///
/// - Inlined: each marker replaced by an escaped Spark literal (`SparkLiteral`); arrays become
///   `(a, b)` after `IN` and `array(a, b)` elsewhere; identifiers become back-quoted names.
/// - Native: markers kept; an array marker expands to `:ids_0, :ids_1, …`; an identifier marker
///   becomes `IDENTIFIER(:name)`; each value goes in `parameters` with its Spark type. The expanded
///   names never reuse another marker's name: with a marker `:ids_0` beside `:ids`, the elements
///   become `:ids__0, :ids__1, …` (`ElementNames`).
public enum Binder {
    /// Binds `bindings` (by marker name) into `template`.
    ///
    /// - Throws: `ParamError` for a marker without a value, a NULL identifier or an empty IN list.
    public static func bind(_ template: Template, name: String, bindings: [String: Binding]) throws(ParamError) -> BoundStatement {
        let (rendered, parameters) = try renderMarkers(template, bindings: bindings)
        let inlined = template.render { rendered[key($0)]?.inline ?? "" }
        let native = template.render { rendered[key($0)]?.native ?? "" }
        return BoundStatement(name: name, inlinedSQL: inlined, nativeSQL: native, parameters: parameters)
    }

    /// Each marker's inline literal, in the order the markers appear (what `bind` puts in their place
    /// in `inlinedSQL`).
    static func inlineTexts(_ template: Template, bindings: [String: Binding]) throws(ParamError) -> [String] {
        try markerForms(template, bindings: bindings).map(\.inline)
    }

    /// One marker's two forms: its inline literal, and its native text with the `parameters` entries it adds.
    public struct MarkerForm: Sendable, Equatable {
        public let marker: Template.Marker
        public let inline: String
        public let native: String
        public let parameters: [BoundStatement.Parameter]
    }

    /// Each marker's forms, in the order the markers appear (`render --explain`).
    public static func markerForms(_ template: Template, bindings: [String: Binding]) throws(ParamError) -> [MarkerForm] {
        let rendered = try renderMarkers(template, bindings: bindings).rendered
        return template.markers.map { marker in
            let forms = rendered[key(marker)]
            return MarkerForm(
                marker: marker, inline: forms?.inline ?? "", native: forms?.native ?? "", parameters: forms?.parameters ?? [])
        }
    }

    private static func renderMarkers(_ template: Template, bindings: [String: Binding]) throws(ParamError) -> (
        rendered: [String: (inline: String, native: String, parameters: [BoundStatement.Parameter])],
        parameters: [BoundStatement.Parameter]
    ) {
        var rendered: [String: (inline: String, native: String, parameters: [BoundStatement.Parameter])] = [:]
        var parameters: [BoundStatement.Parameter] = []
        var seen = Set<String>()
        var elementNames = ElementNames(markers: template.markers)
        for marker in template.markers {
            guard let binding = bindings[marker.name] else {
                throw ParamError.unbound(marker: marker.name, line: marker.line, column: marker.column)
            }
            let (inlineText, nativeText, markerParameters) = try render(marker, binding, elementNames: &elementNames)
            rendered[key(marker)] = (inlineText, nativeText, markerParameters)
            for parameter in markerParameters where seen.insert(parameter.name).inserted { parameters.append(parameter) }
        }
        return (rendered, parameters)
    }

    private static func key(_ marker: Template.Marker) -> String { "\(marker.name)@\(marker.line):\(marker.column)" }

    private static func render(
        _ marker: Template.Marker, _ binding: Binding, elementNames: inout ElementNames
    ) throws(ParamError) -> (String, String, [BoundStatement.Parameter]) {
        let sqlType = binding.sqlType
        if binding.type == .identifier {
            guard case .string(let name) = binding.value else {
                throw ParamError.invalid(param: binding.param, expected: "an identifier", received: "null")
            }
            let parts = name.split(separator: ".").map(String.init)
            return (
                SparkLiteral.identifier(parts), "IDENTIFIER(:\(marker.name))",
                [.init(name: marker.name, value: .string(SparkLiteral.identifier(parts)), type: .string)]
            )
        }
        let inlined: String
        do {
            inlined = try SparkLiteral.render(binding.value, type: sqlType, inList: marker.followsIn)
        } catch {
            throw ParamError.emptyList(param: binding.param)
        }
        if case .array = sqlType, binding.value.isNull {
            // Array types cannot be bound natively; a NULL array carries no user data, so write it.
            return (inlined, "CAST(NULL AS \(sqlType))", [])
        }
        guard case .array(let items) = binding.value, case .array(let elementType) = sqlType else {
            return (inlined, ":" + marker.name, [.init(name: marker.name, value: binding.value, type: sqlType)])
        }
        let names = elementNames.names(for: marker.name, count: items.count)
        let list = names.map { ":" + $0 }.joined(separator: ", ")
        let native = marker.followsIn ? "(" + list + ")" : (names.isEmpty ? "CAST(array() AS \(sqlType))" : "array(" + list + ")")
        let parameters = zip(names, items).map { BoundStatement.Parameter(name: $0, value: $1, type: elementType) }
        return (inlined, native, parameters)
    }
}
