import DBAPICore
import Foundation

/// scripts/hostile_databricks.py: a workspace on `port` that echoes credentials, redirects, or
/// points links at another origin on `otherPort` (see the script's doc comment), stopped when released.
public final class HostileDatabricksServer {
    public enum Mode: String {
        case echo401, echoFailed = "echo_failed", redirect, linkRedirect = "link_redirect", linkHost = "link_host"
    }

    /// The access token the script's token endpoint issues.
    public static let accessToken = "hostile-access-token-5150"

    public let port: Int
    public let otherPort: Int
    private let script: ScriptServer
    private let directory = TemporaryDirectory()

    public var host: String { "http://127.0.0.1:\(port)" }

    public init(_ mode: Mode) throws {
        script = try ScriptServer(script: "hostile_databricks.py", arguments: [mode.rawValue, directory.path + "/requests.jsonl"])
        let words = script.firstLine.split(separator: " ")
        guard words.count == 3, words[0] == "PORTS", let port = Int(words[1]), let otherPort = Int(words[2]) else {
            throw DBAPIError(.internal, "hostile Databricks server did not start: \(script.firstLine)")
        }
        self.port = port
        self.otherPort = otherPort
    }

    /// Every request received so far, by either server: `server` ("main" or "other"), `method`,
    /// `path`, `authorization` (null when absent).
    public func requests() throws -> [JSONValue] {
        let text = (try? String(contentsOfFile: directory.path + "/requests.jsonl", encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }
}
