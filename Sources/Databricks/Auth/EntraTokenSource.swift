import DBAPICore
import Foundation

/// Entra ID client-credentials tokens for an Azure service principal (`azure-client-secret`): a
/// token for the Azure Databricks resource, and, when the workspace's Azure resource id is set, one
/// for Azure Resource Manager sent beside it with the id (the SDKs' headers).
struct EntraTokenSource: TokenSource {
    let principal: AzureServicePrincipal
    /// The workspace, asked for its tenant when `ARM_TENANT_ID` is not set.
    let host: URL
    /// Where the settings came from, for messages.
    let source: String
    let transport: any HTTPTransport
    let secrets: SecretRedactor
    let clock: any BackendClock

    static let managementTokenHeader = "X-Databricks-Azure-SP-Management-Token"
    static let resourceIDHeader = "X-Databricks-Azure-Workspace-Resource-Id"

    func token() async throws -> IssuedToken {
        let tenant = try await tenantID()
        let workspace = try await request(scope: AzureCloud.databricksResource + "/.default", tenant: tenant)
        var headers = ["Authorization": workspace.type + " " + workspace.token]
        var lifetime = workspace.lifetime
        if let resourceID = principal.workspaceResourceID {
            let management = try await request(scope: principal.cloud.managementResource + ".default", tenant: tenant)
            headers[Self.managementTokenHeader] = management.token
            headers[Self.resourceIDHeader] = resourceID
            lifetime = min(lifetime, management.lifetime)
        }
        return IssuedToken(headers: headers, expires: clock.now() + lifetime)
    }

    private func request(scope: String, tenant: String) async throws -> (token: String, type: String, lifetime: Double) {
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

    /// `ARM_TENANT_ID`, else the tenant the workspace names: `GET /aad/auth` (sent without
    /// credentials) redirects to `https://login…/<tenant>/oauth2/authorize…`, as the SDKs read it.
    private func tenantID() async throws -> String {
        if let tenant = principal.tenantID { return tenant }
        let missing = DatabricksError.configuration(
            "ARM_TENANT_ID is not set and the workspace did not name its Entra ID tenant (GET /aad/auth): set ARM_TENANT_ID", source: source
        )
        guard let url = URL(string: host.absoluteString + "/aad/auth") else { throw missing }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url, isIdempotent: true))
        } catch {
            throw missing
        }
        guard (300..<400).contains(response.status), let location = response.header("Location").flatMap(URL.init(string:)),
            let tenant = location.pathComponents.dropFirst().first, !tenant.isEmpty
        else { throw missing }
        return tenant
    }
}
