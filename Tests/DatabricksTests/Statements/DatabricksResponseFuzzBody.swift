import DBAPICore
import Foundation

@testable import Databricks

#if canImport(DBAPITestSupport)
    import DBAPITestSupport
#endif

/// One input of the `databricks-response` fuzz target (`scripts/fuzz.sh databricks-response`, and
/// `DatabricksResponseFuzzPropertyTests`): the input is the warehouse's side of one statement,
/// response bodies separated by `\n--next--\n` (the execute answer, then polls, chunks and link
/// downloads in the order they are requested; every request past the last body gets a 404).
/// Each body must also survive the JSON parser (what it accepts is written back and re-read
/// unchanged), the error-body reader, and a `data_array` scan with a fixed set of column types.
enum DatabricksResponseFuzzBody {
    static let separator = Array("\n--next--\n".utf8)
    /// A column of each kind the scanner decodes.
    static let decoder = ResultChunkDecoder(columns: [
        ("i", "INT", "INT"), ("l", "LONG", "BIGINT"), ("m", "DECIMAL", "DECIMAL(10,2)"), ("w", "DECIMAL", "DECIMAL(38,38)"),
        ("d", "DOUBLE", "DOUBLE"), ("f", "FLOAT", "FLOAT"), ("b", "BOOLEAN", "BOOLEAN"), ("day", "DATE", "DATE"),
        ("ts", "TIMESTAMP", "TIMESTAMP"), ("s", "STRING", "STRING"), ("a", "ARRAY", "ARRAY<INT>"),
        ("n", "MAP", "MAP<STRING,ARRAY<DECIMAL(5,1)>>"),
    ])
    static let config = try? DatabricksConfig.resolve(
        DatabricksSettings(),
        environment: ["DATABRICKS_HOST": "https://fuzz.invalid", "DATABRICKS_TOKEN": "fuzz", "DATABRICKS_WAREHOUSE_ID": "w"],
        homeDirectory: "/nonexistent")

    /// A JSON document that did not read back as itself after being written.
    struct RoundTripMismatch: Error {
        let parsed: JSONValue
        let written: String
    }

    static func run(_ bytes: [UInt8]) throws {
        let bodies = split(bytes)
        for body in bodies {
            try roundTrip(body)
            _ = APIClient.errorBody(HTTPResponse(status: 500, headers: [:], body: body))
            do {
                _ = try decoder.batch(body).rows.map { $0.map(\.description) }
            } catch {
                _ = error.description
            }
        }
        guard let config else { throw DBAPIError(.internal, "the fuzz Databricks configuration did not resolve") }
        var options = StatementOptions()
        options.waitTimeout = 0
        let backend = DatabricksBackend(
            config: config, options: options, version: "fuzz", transport: ScriptedTransport(bodies: bodies), clock: StoppedClock())
        let statement = BoundStatement(name: "fuzz", inlinedSQL: "SELECT 1", nativeSQL: "SELECT 1", parameters: [])
        let outcome = blockingWait { () -> Result<ResultSet, any Error> in
            do {
                return .success(try await backend.execute(statement).collect())
            } catch {
                return .failure(error)
            }
        }
        _ = try outcome?.get().rows.map { $0.map(\.description) }
    }

    /// The bodies of an input, at most 16.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var bodies: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, bodies.count < 15 {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                bodies.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        bodies.append(Array(bytes[start...]))
        return bodies
    }

    private static func roundTrip(_ body: [UInt8]) throws {
        guard let parsed = try? JSONParser.parse(bytes: body) else { return }
        let written = JSONWriter().string(parsed)
        guard (try? JSONParser.parse(written)) == parsed else { throw RoundTripMismatch(parsed: parsed, written: written) }
    }

    /// Answers each request with the next body (status 200), then 404s.
    private struct ScriptedTransport: HTTPTransport {
        let bodies: [[UInt8]]
        let sent = LockedBox(0)

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let index = sent.withLock { count in
                defer { count += 1 }
                return count
            }
            guard index < bodies.count else { return HTTPResponse(status: 404, headers: [:], body: []) }
            return HTTPResponse(status: 200, headers: [:], body: bodies[index])
        }
    }

    /// A clock that stands still: polls and retries cost no time (no timeout is set).
    private struct StoppedClock: BackendClock {
        func now() -> Double { 0 }
        func wallTime() -> Double { ManualClock.epoch }
        func sleep(seconds: Double) async throws {}
    }
}
