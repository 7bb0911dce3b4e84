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

/// Rows handed to a format: a slice of a backend's batch as it arrives, or the rows of a collected
/// envelope's table.
enum OutputRows {
    case batch(RowBatch, Range<Int>)
    case json([[JSONValue]])
}

/// How a successful result is written to stdout, in GRDB's `DumpFormat` shape: `begin` a result,
/// `write` its rows batch by batch as they arrive, `finish` with the envelope's `meta`. A collected
/// envelope whose `data` is a table is written by the same three calls; other `data` (a mapped
/// document, `describe`, `list`) is written whole. Errors are always JSON, written by the caller.
protocol OutputFormat {
    /// Starts a result whose rows sit in `data` as `placement` says.
    mutating func begin(_ placement: RowPlacement, to out: inout [UInt8])
    /// Writes rows of the result begun.
    mutating func write(_ rows: OutputRows, to out: inout [UInt8])
    /// Ends the result begun; `meta` is the envelope's.
    mutating func finish(meta: JSONObject, to out: inout [UInt8])
    /// Writes a collected successful envelope.
    mutating func write(_ envelope: Envelope, to out: inout [UInt8])
    /// Whether the output is one document, only of use once complete (it is then held until the
    /// result is; line formats are written as rows arrive).
    var isOneDocument: Bool { get }
}

extension OutputFormat {
    var isOneDocument: Bool { false }

    /// Writes the envelope's table, when `data` is one, as a result streamed whole; false otherwise.
    mutating func writeTable(of envelope: Envelope, to out: inout [UInt8]) -> Bool {
        guard let table = envelope.table else { return false }
        writeRows(columns: table.columns, table.rows, meta: envelope.meta, to: &out)
        return true
    }

    /// Writes collected rows through `begin`, `write` and `finish`.
    mutating func writeRows(columns: [String], _ rows: [[JSONValue]], meta: JSONObject, to out: inout [UInt8]) {
        begin(.objects(key: "rows", columns: columns), to: &out)
        write(.json(rows), to: &out)
        finish(meta: meta, to: &out)
    }

    /// The text of a collected envelope (tests and small outputs).
    func text(of envelope: Envelope) -> String {
        var format = self
        var out: [UInt8] = []
        format.write(envelope, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension OutputRows {
    /// The rows as JSON values (for formats that lay out whole tables).
    var jsonRows: [[JSONValue]] {
        switch self {
        case .json(let rows): rows
        case .batch(let batch, let range):
            batch.rows(range).map { row in row.map(\.json) }
        }
    }
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
