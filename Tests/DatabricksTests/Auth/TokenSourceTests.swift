import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// Tokens from the CLIs, Entra ID and workload identity federation, on a manual clock: what each
/// source sends, when a token is fetched again, and what the redactor learns.
final class TokenSourceTests: XCTestCase {
    /// Answers every run with the next scripted output and records the command lines.
    private final class ScriptedLauncher: CommandLauncher {
        let outputs: LockedBox<[CommandOutput]>
        let lines = LockedBox<[String]>([])
        let whileRunning: @Sendable () async -> Void

        init(_ outputs: [CommandOutput], whileRunning: @escaping @Sendable () async -> Void = {}) {
            self.outputs = LockedBox(outputs)
            self.whileRunning = whileRunning
        }

        func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> CommandOutput {
            lines.withLock { $0.append(([executable] + arguments).joined(separator: " ")) }
            await whileRunning()
            return outputs.withLock { $0.isEmpty ? CommandOutput(status: 9, stdout: [], stderr: []) : $0.removeFirst() }
        }
    }

    private func config(_ authentication: DatabricksConfig.Authentication) throws -> DatabricksConfig {
        DatabricksConfig(
            host: try XCTUnwrap(URL(string: "https://h.example.com")), authentication: authentication, warehouseID: "w", catalog: nil,
            schema: nil, source: "test", environment: [:])
    }

    private static func printed(_ text: String) -> CommandOutput { CommandOutput(status: 0, stdout: Array(text.utf8), stderr: []) }

    /// The Databricks CLI's token is reused until 40 s before its expiry (read on the wall clock).
    func testDatabricksCLI_TokenIsReusedUntilFortySecondsBeforeExpiry() async throws {
        // ManualClock.epoch is 2027-01-15T08:00:00Z: the first token expires 100 s later.
        let launcher = ScriptedLauncher([
            Self.printed(#"{"access_token": "t-1", "token_type": "Bearer", "expiry": "2027-01-15T09:01:40+01:00"}"#),
            Self.printed(#"{"access_token": "t-2", "token_type": "Bearer", "expiry": "2027-01-15T08:02:40.123456789Z"}"#),
        ])
        let clock = ManualClock()
        let secrets = SecretRedactor(.personalAccessToken(""))
        let provider = AccessTokenProvider(
            config: try config(.databricksCLI(executable: "/bin/databricks", profile: "dev")), transport: ScriptedTransport(answers: []),
            secrets: secrets, clock: clock, launcher: launcher)
        let steps: [(advance: Double, header: String)] = [(0, "Bearer t-1"), (59, "Bearer t-1"), (1, "Bearer t-2"), (59, "Bearer t-2")]
        for (advance, header) in steps {
            clock.advance(by: advance)
            let headers = try await provider.headers()
            XCTAssertEqual(headers, ["Authorization": header], "at \(clock.now()) s")
        }
        XCTAssertEqual(launcher.lines.withLock { $0 }, Array(repeating: "/bin/databricks auth token --profile dev", count: 2))
        XCTAssertEqual(secrets.redact("t-1 t-2"), "t-1 t-2", "shorter than 4 characters: never redacted")
    }

    /// Requests that need a token at once (chunks fetched ahead) wait for one fetch.
    func testConcurrentRequests_ShareOneFetch() async throws {
        let gate = AsyncStream<Void>.makeStream()
        let launcher = ScriptedLauncher(
            [Self.printed(#"{"access_token": "t-1", "token_type": "Bearer", "expiry": "2027-01-15T09:00:00Z"}"#)],
            whileRunning: { for await _ in gate.stream { break } })
        let provider = AccessTokenProvider(
            config: try config(.databricksCLI(executable: "/bin/databricks", profile: nil)), transport: ScriptedTransport(answers: []),
            secrets: SecretRedactor(.personalAccessToken("")), clock: ManualClock(), launcher: launcher)
        let headers = try await withThrowingTaskGroup(of: [String: String].self) { group in
            for _ in 0..<5 { group.addTask { try await provider.headers() } }
            for _ in 0..<100 { await Task.yield() }
            gate.continuation.yield()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(headers, Array(repeating: ["Authorization": "Bearer t-1"], count: 5))
        XCTAssertEqual(launcher.lines.withLock { $0 }, ["/bin/databricks auth token --host https://h.example.com"])
    }

    /// An OIDC token file that is missing, not a regular file, too large or empty is refused
    /// before anything is sent (a FIFO or device would block or never end).
    func testFederation_TokenFileProblems() async throws {
        let directory = TemporaryDirectory()
        directory.write("big", String(repeating: "x", count: FederatedTokenSource.fileLimit + 1))
        directory.write("blank", " \n")
        for path in [directory.path + "/missing", directory.path, "/dev/null", directory.path + "/big", directory.path + "/blank"] {
            let transport = ScriptedTransport(answers: [])
            let source = FederatedTokenSource(
                identity: WorkloadIdentity(subject: .file(path: path)), host: try XCTUnwrap(URL(string: "https://h.example.com")),
                source: "test", transport: transport, secrets: SecretRedactor(.personalAccessToken("")), clock: ManualClock())
            do {
                _ = try await source.token()
                XCTFail("\(path): no error")
            } catch {
                XCTAssertEqual(
                    error as? DatabricksError,
                    .configuration(
                        "DATABRICKS_OIDC_TOKEN_FILEPATH '\(path)' cannot be read as an OIDC token (a regular file of UTF-8, at most 64 KiB)",
                        source: "test"), path)
            }
            XCTAssertEqual(transport.requests.count, 0, path)
        }
    }

    func testAzureCLI_ExpiryFromEitherField() {
        XCTAssertEqual(CLITokenSource.azureExpiry(.object(JSONObject([("expires_on", .int(1_800_000_100))]))), 1_800_000_100)
        XCTAssertEqual(CLITokenSource.azureExpiry(.object(JSONObject([("expires_on", .string("1800000100"))]))), 1_800_000_100)
        let local = CLITokenSource.azureExpiry(.object(JSONObject([("expiresOn", .string("2027-01-15 08:01:40.000000"))])))
        let offset = Double(TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: 1_800_000_100)))
        XCTAssertEqual(local, 1_800_000_100 - offset)
        XCTAssertNil(CLITokenSource.azureExpiry(.object(JSONObject([("expiresOn", .string("soon"))]))))
    }

    /// Entra ID: one form POST per token for the Azure Databricks scope, and with a workspace
    /// resource id a management token for the cloud's Resource Manager.
    func testEntra_RequestsAndHeaders() async throws {
        let transport = ScriptedTransport { request in
            let body = String(decoding: request.body ?? Data(), as: UTF8.self)
            let kind = body.contains("management") ? "m" : "d"
            return .json(200, #"{"token_type": "Bearer", "expires_in": "\#(kind == "m" ? 80 : 3599)", "access_token": "entra-\#(kind)"}"#)
        }
        let clock = ManualClock()
        guard var cloud = AzureCloud.named("china") else { return XCTFail("china") }
        cloud.login = "https://login.test/"
        let principal = AzureServicePrincipal(
            clientID: "app id", clientSecret: "s&cret", tenantID: "tenant.example", cloud: cloud, workspaceResourceID: "/subscriptions/1/w")
        let secrets = SecretRedactor(.azureClientSecret(principal))
        let source = EntraTokenSource(
            principal: principal, host: try XCTUnwrap(URL(string: "https://h.example.com")), source: "test", transport: transport,
            secrets: secrets, clock: clock)
        let token = try await source.token()
        XCTAssertEqual(
            token.headers,
            [
                "Authorization": "Bearer entra-d", "X-Databricks-Azure-SP-Management-Token": "entra-m",
                "X-Databricks-Azure-Workspace-Resource-Id": "/subscriptions/1/w",
            ])
        XCTAssertEqual(token.expires, 80, "the shorter lifetime")
        XCTAssertEqual(transport.lines, ["POST /tenant.example/oauth2/v2.0/token", "POST /tenant.example/oauth2/v2.0/token"])
        XCTAssertEqual(
            transport.requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) },
            [
                "grant_type=client_credentials&client_id=app%20id&client_secret=s%26cret&scope=2ff814a6-3304-4ab8-85cb-cd0e6f879c1d%2F.default",
                "grant_type=client_credentials&client_id=app%20id&client_secret=s%26cret&scope=https%3A%2F%2Fmanagement.core.chinacloudapi.cn%2F.default",
            ])
        XCTAssertEqual(secrets.redact("entra-d entra-m s%26cret s&cret app id"), "[REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED]")
    }

    /// Workload identity federation: GitHub's token for the workspace's token endpoint as audience,
    /// exchanged with the token-exchange grant for the client id's token.
    func testFederation_GitHubTokenIsExchanged() async throws {
        let transport = ScriptedTransport { request in
            request.method == "GET"
                ? .json(200, #"{"value": "gh-jwt"}"#)
                : .json(200, #"{"access_token": "db-token", "token_type": "Bearer", "expires_in": 600}"#)
        }
        let identity = WorkloadIdentity(
            subject: .github(requestURL: try XCTUnwrap(URL(string: "https://gh.test/token?api-version=2.0")), requestToken: "req-token"),
            clientID: "sp-1")
        let secrets = SecretRedactor(.workloadIdentity(identity))
        let source = FederatedTokenSource(
            identity: identity, host: try XCTUnwrap(URL(string: "https://h.example.com")), source: "test", transport: transport,
            secrets: secrets, clock: ManualClock())
        let token = try await source.token()
        XCTAssertEqual(token.headers, ["Authorization": "Bearer db-token"])
        XCTAssertEqual(token.expires, 600)
        XCTAssertEqual(
            transport.requests.map(\.url.absoluteString),
            [
                "https://gh.test/token?api-version=2.0&audience=https%3A%2F%2Fh.example.com%2Foidc%2Fv1%2Ftoken",
                "https://h.example.com/oidc/v1/token",
            ])
        XCTAssertEqual(transport.requests.first?.headers["Authorization"], "Bearer req-token")
        XCTAssertEqual(
            String(decoding: transport.requests.last?.body ?? Data(), as: UTF8.self),
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=gh-jwt&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt&scope=all-apis&client_id=sp-1"
        )
        XCTAssertEqual(secrets.redact("gh-jwt db-token req-token"), "[REDACTED] [REDACTED] [REDACTED]")
    }
}
