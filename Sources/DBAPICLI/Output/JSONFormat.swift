import DBAPICore
import Operations

/// The whole envelope as one JSON document (indented with `pretty`).
struct JSONFormat: OutputFormat {
    var pretty = false

    func write(_ envelope: Envelope, to out: inout String) {
        JSONWriter(pretty: pretty).write(envelope.json, to: &out)
        out += "\n"
    }
}
