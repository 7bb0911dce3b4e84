import DBAPICore
import Operations

/// The `--format` choices; the option's check and help come from this list.
enum OutputFormatKind: String, CaseIterable, Sendable {
    case json, ndjson, csv, table

    /// `json (default), ndjson, csv or table`.
    static var helpList: String {
        BackendRegistry.list(allCases.map { $0 == .json ? "\($0.rawValue) (default)" : $0.rawValue }, last: "or")
    }

    /// The format's writer.
    func make(pretty: Bool) -> any OutputFormat {
        switch self {
        case .json: JSONFormat(pretty: pretty)
        case .ndjson: NDJSONFormat()
        case .csv: CSVFormat()
        case .table: TableFormat()
        }
    }
}

/// How an envelope is written to stdout. One struct per format; none of them prints directly.
protocol OutputFormat: Sendable {
    /// Writes a successful envelope (errors are always written as JSON by the caller).
    func write(_ envelope: Envelope, to out: inout String)
}

extension OutputFormat where Self == JSONFormat {
    static func json(pretty: Bool = false) -> Self { JSONFormat(pretty: pretty) }
}

extension OutputFormat where Self == NDJSONFormat {
    static var ndjson: Self { NDJSONFormat() }
}

extension OutputFormat where Self == CSVFormat {
    static func csv(header: Bool = true, nullText: String = "") -> Self { CSVFormat(header: header, nullText: nullText) }
}

extension OutputFormat where Self == TableFormat {
    static var table: Self { TableFormat() }
}

/// The text of a cell in csv and table output: strings bare, NaN and infinities as `NaN`,
/// `Infinity`, `-Infinity`, nested values as JSON.
func cellText(_ value: JSONValue, nullText: String) -> String {
    switch value {
    case .null: nullText
    case .string(let text): text
    case .double(let number) where !number.isFinite: SQLValue.sparkDouble(number)
    default: JSONWriter().string(value)
    }
}
