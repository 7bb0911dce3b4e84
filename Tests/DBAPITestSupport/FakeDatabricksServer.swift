import DBAPICore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// scripts/fake_databricks.py running on 127.0.0.1 on a free port, stopped when released.
public final class FakeDatabricksServer {
    public let port: Int
    private let script: ScriptServer

    public var host: String { "http://127.0.0.1:\(port)" }

    /// Environment for the CLI to reach this server with a PAT.
    public var environment: [String: String] {
        ["DATABRICKS_HOST": host, "DATABRICKS_TOKEN": "dapi-test-token", "DATABRICKS_WAREHOUSE_ID": "wh-test", "HOME": "/nonexistent"]
    }

    public init(binary: URL = Fixtures.binary) throws {
        script = try ScriptServer(
            script: "fake_databricks.py", arguments: ["--dbapi", binary.path, "--root", Fixtures.packageRoot.path])
        guard script.firstLine.hasPrefix("PORT "), let port = Int(script.firstLine.dropFirst(5)) else {
            throw DBAPIError(.internal, "fake Databricks server did not start: \(script.firstLine)")
        }
        self.port = port
    }

    /// Sets behaviour for the following statements (see the script's doc comment).
    public func control(_ json: String) throws {
        _ = try call("POST", "/__control", body: json)
    }

    /// Clears behaviour settings and the request log.
    public func reset() throws {
        _ = try call("POST", "/__reset", body: "{}")
    }

    /// Every request the server received so far.
    public func requests() throws -> [JSONValue] {
        try call("GET", "/__requests", body: nil)["requests"]?.array ?? []
    }

    /// How many OAuth tokens the server issued.
    public func tokensIssued() throws -> Int64 { try counter("tokens_issued") }

    /// The most chunk and external link requests the server was serving at once.
    public func maxChunksInFlight() throws -> Int64 { try counter("max_chunks_in_flight") }

    private func counter(_ name: String) throws -> Int64 {
        if case .int(let count)? = try call("GET", "/__requests", body: nil)[name] { return count }
        return 0
    }

    private func call(_ method: String, _ path: String, body: String?) throws -> JSONValue {
        guard let url = URL(string: host + path) else { throw DBAPIError(.internal, "bad URL") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        let result = LockedBox<Data?>(nil)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result.withLock { $0 = data }
            done.signal()
        }.resume()
        done.wait()
        return try JSONParser.parse(bytes: [UInt8](result.withLock { $0 } ?? Data("{}".utf8)))
    }
}
