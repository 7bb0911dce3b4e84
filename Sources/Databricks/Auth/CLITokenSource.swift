import DBAPICore
import Foundation

/// Tokens from a command-line tool the user signed in with: `databricks auth token` (the Databricks
/// CLI's U2M login) or `az account get-access-token` (the Azure CLI's). Each failure says the
/// command that fixes it (`databricks auth login --host H`, `az login`).
struct CLITokenSource: TokenSource {
    enum Tool: Sendable {
        case databricks(host: String, profile: String?)
        case azure(tenantID: String?)

        var name: String {
            switch self {
            case .databricks: "databricks"
            case .azure: "az"
            }
        }

        var arguments: [String] {
            switch self {
            case let .databricks(host, profile): ["auth", "token"] + (profile.map { ["--profile", $0] } ?? ["--host", host])
            case .azure(let tenantID):
                ["account", "get-access-token", "--resource", AzureCloud.databricksResource, "--output", "json"]
                    + (tenantID.map { ["--tenant", $0] } ?? [])
            }
        }

        /// The command that signs in again.
        var login: String {
            switch self {
            case let .databricks(host, profile): "databricks auth login --host \(host)" + (profile.map { " --profile \($0)" } ?? "")
            case .azure(let tenantID): "az login" + (tenantID.map { " --tenant \($0)" } ?? "")
            }
        }

        var title: String {
            switch self {
            case .databricks: "the Databricks CLI ('databricks')"
            case .azure: "the Azure CLI ('az')"
            }
        }
    }

    let tool: Tool
    let executable: String?
    let environment: [String: String]
    let launcher: any CommandLauncher
    let secrets: SecretRedactor
    let clock: any BackendClock

    func token() async throws -> IssuedToken {
        guard let executable else {
            throw DatabricksError.configuration(
                "\(tool.title) is not on PATH: install it, then run '\(tool.login)'", source: "PATH")
        }
        let command = ([tool.name] + tool.arguments).joined(separator: " ")
        let output = try await launcher.run(executable, tool.arguments, environment: environment)
        guard output.status == 0 else {
            let said = excerpt(String(decoding: output.stderr, as: UTF8.self).trimmingSpaces(), limit: 300)
            throw DatabricksError.authentication(
                "'\(command)' failed (exit status \(output.status))\(said.isEmpty ? "" : ": \(said)"); run '\(tool.login)'")
        }
        guard let json = try? JSONParser.parse(bytes: output.stdout), let parsed = parse(json) else {
            throw DatabricksError.authentication(
                "'\(command)' did not print the JSON token it should (is the CLI too old?); run '\(tool.login)'")
        }
        secrets.add(parsed.token)
        let left = parsed.expiry - clock.wallTime()
        guard left > 0 else {
            throw DatabricksError.authentication("the login of \(tool.title) has expired; run '\(tool.login)'")
        }
        return IssuedToken(headers: ["Authorization": parsed.type + " " + parsed.token], expires: clock.now() + left)
    }

    /// The token, its type and its expiry in seconds since 1970, from the tool's JSON.
    private func parse(_ json: JSONValue) -> (token: String, type: String, expiry: Double)? {
        switch tool {
        case .databricks:
            guard let token = json["access_token"]?.string, !token.isEmpty, let expiry = json["expiry"]?.string,
                let micros = CivilTime.parseTimestamp(expiry)
            else { return nil }
            return (token, json["token_type"]?.string ?? "Bearer", Double(micros) / 1e6)
        case .azure:
            guard let token = json["accessToken"]?.string, !token.isEmpty, let expiry = Self.azureExpiry(json) else { return nil }
            return (token, json["tokenType"]?.string ?? "Bearer", expiry)
        }
    }

    /// `expires_on` (seconds since 1970, newer CLIs) or `expiresOn` (local time, `2024-03-20 10:00:00.000000`).
    static func azureExpiry(_ json: JSONValue) -> Double? {
        switch json["expires_on"] {
        case .int(let seconds)?: return Double(seconds)
        case .string(let text)?: if let seconds = Double(text), seconds.isFinite { return seconds }
        default: break
        }
        guard let local = json["expiresOn"]?.string, let micros = CivilTime.parseTimestamp(local) else { return nil }
        let seconds = Double(micros) / 1e6
        return seconds - Double(TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
    }
}
