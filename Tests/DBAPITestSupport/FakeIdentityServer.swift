import DBAPICore
import Foundation

/// scripts/fake_identity.py on 127.0.0.1: a fake Entra ID token endpoint and a fake GitHub Actions
/// OIDC endpoint (see the script's doc comment), stopped when released.
public final class FakeIdentityServer {
    public let port: Int
    private let script: ScriptServer
    private let directory = TemporaryDirectory()

    /// The tenant, client id and client secret the Entra endpoint accepts, and GitHub's request token.
    public let tenant = "tenant-1"
    public let clientID = "arm-client-PLANTED-1"
    public let clientSecret = "arm-secret-PLANTED-2"
    public let requestToken = "gh-request-PLANTED-3"

    /// The Entra ID authority (`DBAPI_TEST_ENTRA_URL`).
    public var entraURL: String { "http://127.0.0.1:\(port)/" }

    /// GitHub's `ACTIONS_ID_TOKEN_REQUEST_URL` (with a query, as GitHub's has).
    public var githubURL: String { "http://127.0.0.1:\(port)/github-oidc?api-version=2.0" }

    public init() throws {
        script = try ScriptServer(
            script: "fake_identity.py",
            arguments: [
                "--tenant", tenant, "--client-id", clientID, "--client-secret", clientSecret, "--request-token", requestToken, "--log",
                directory.path + "/requests.jsonl",
            ])
        guard script.firstLine.hasPrefix("PORT "), let port = Int(script.firstLine.dropFirst(5)) else {
            throw DBAPIError(.internal, "fake identity server did not start: \(script.firstLine)")
        }
        self.port = port
    }

    /// Every request received so far (`method`, `path`, `authorization`, `body`).
    public func requests() throws -> [JSONValue] {
        let text = (try? String(contentsOfFile: directory.path + "/requests.jsonl", encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }
}
