import DBAPICore
import Foundation

/// Entra ID client-credentials tokens for an Azure service principal (`azure-client-secret`): a
/// token for the Azure Databricks resource, and, when the workspace's Azure resource id is set, one
/// for Azure Resource Manager sent beside it with the id (the SDKs' headers).
struct EntraTokenSource: TokenSource {
    let principal: AzureServicePrincipal
    /// Where the settings came from, for messages.
    let source: String
    let transport: any HTTPTransport
    let secrets: SecretRedactor
    let clock: any BackendClock

    static let managementTokenHeader = "X-Databricks-Azure-SP-Management-Token"
    static let resourceIDHeader = "X-Databricks-Azure-Workspace-Resource-Id"

    func token() async throws -> IssuedToken {
        let workspace = try await request(scope: AzureCloud.databricksResource + "/.default")
        var headers = ["Authorization": workspace.type + " " + workspace.token]
        var lifetime = workspace.lifetime
        if let resourceID = principal.workspaceResourceID {
            let management = try await request(scope: principal.cloud.managementResource + ".default")
            headers[Self.managementTokenHeader] = management.token
            headers[Self.resourceIDHeader] = resourceID
            lifetime = min(lifetime, management.lifetime)
        }
        return IssuedToken(headers: headers, expires: clock.now() + lifetime)
    }

    private func request(scope: String) async throws -> (token: String, type: String, lifetime: Double) {
        let tenant = principal.tenantID
        guard !tenant.isEmpty,
            tenant.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == ".") })
        else {
            throw DatabricksError.configuration(
                "ARM_TENANT_ID must be a tenant id or domain name (letters, digits, '-', '.')", source: source)
        }
        guard let url = URL(string: principal.cloud.login + tenant + "/oauth2/v2.0/token") else {
            throw DatabricksError.configuration("the Entra ID token endpoint of tenant \(tenant) is not a valid URL", source: source)
        }
        let request = OAuthTokenRequest(
            url: url,
            form: [
                ("grant_type", "client_credentials"), ("client_id", principal.clientID), ("client_secret", principal.clientSecret),
                ("scope", scope),
            ],
            basicAuthorization: nil, purpose: "Entra ID token request (\(principal.cloud.name) cloud)",
            hint: "check ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID (\(source))")
        return try await request.send(transport: transport, secrets: secrets)
    }
}
