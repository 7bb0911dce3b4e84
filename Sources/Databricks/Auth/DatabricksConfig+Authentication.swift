import DBAPICore
import Foundation

extension DatabricksConfig {
    /// How requests are authenticated: one of the Databricks SDKs' auth types (`typeName`).
    public enum Authentication: Sendable, Equatable {
        case personalAccessToken(String)
        case oauthMachineToMachine(clientID: String, clientSecret: String)
        /// The Databricks CLI's login (U2M OAuth): `databricks auth token --profile P` or `--host H`;
        /// `executable` is nil when no `databricks` is on PATH.
        case databricksCLI(executable: String?, profile: String?)
        /// An Entra ID service principal with a client secret (Azure Databricks).
        case azureClientSecret(AzureServicePrincipal)
        /// The Azure CLI's login: `az account get-access-token`; `executable` is nil when no `az` is on PATH.
        case azureCLI(executable: String?, tenantID: String?)
        /// Workload identity federation: an OIDC token from CI or the environment, exchanged for a
        /// Databricks token.
        case workloadIdentity(WorkloadIdentity)

        /// The SDKs' name of the auth type (`DATABRICKS_AUTH_TYPE`).
        public var typeName: String {
            switch self {
            case .personalAccessToken: "pat"
            case .oauthMachineToMachine: "oauth-m2m"
            case .databricksCLI: "databricks-cli"
            case .azureClientSecret: "azure-client-secret"
            case .azureCLI: "azure-cli"
            case .workloadIdentity(let identity): identity.subject.typeName
            }
        }

        /// The credentials known before any token is issued, for the redactor.
        var secrets: [String] {
            switch self {
            case .personalAccessToken(let token): [token]
            case let .oauthMachineToMachine(clientID, clientSecret): [clientSecret, clientID]
            case .azureClientSecret(let principal): [principal.clientSecret, principal.clientID]
            case .workloadIdentity(let identity): identity.subject.secrets + [identity.clientID].compactMap { $0 }
            case .databricksCLI, .azureCLI: []
            }
        }
    }

    /// The auth types dbapi implements, in the order the default chain tries them.
    public static let authTypes = [
        "pat", "oauth-m2m", "env-oidc", "file-oidc", "github-oidc", "azure-client-secret", "azure-cli", "databricks-cli",
    ]
}

/// An Entra ID service principal: `ARM_CLIENT_ID`, `ARM_CLIENT_SECRET`, `ARM_TENANT_ID`, the cloud
/// (`ARM_ENVIRONMENT`) and the workspace's Azure resource id (`DATABRICKS_AZURE_RESOURCE_ID`).
public struct AzureServicePrincipal: Sendable, Equatable {
    public var clientID: String
    public var clientSecret: String
    /// Nil: asked of the workspace (`GET /aad/auth` redirects to its tenant's login page).
    public var tenantID: String?
    public var cloud: AzureCloud
    /// When set, requests also carry the management token and this id, so a principal with rights
    /// on the Azure resource reaches a workspace it was not yet added to.
    public var workspaceResourceID: String?
}

/// The Azure clouds: their Entra ID login endpoint and management resource.
public struct AzureCloud: Sendable, Equatable {
    /// The `ARM_ENVIRONMENT` name: `PUBLIC`, `USGOVERNMENT` or `CHINA`.
    public let name: String
    /// The Entra ID authority, `https://login.microsoftonline.com/` in the public cloud (a loopback
    /// test endpoint with `DBAPI_TEST_ENTRA_URL`).
    public var login: String
    /// The Azure Resource Manager resource whose token goes in the management-token header.
    public let managementResource: String

    /// The Azure Databricks application id: the resource of workspace tokens.
    public static let databricksResource = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d"

    private static let clouds: [(names: Set<String>, cloud: AzureCloud)] = [
        (
            ["public", "azurepubliccloud"],
            AzureCloud(
                name: "PUBLIC", login: "https://login.microsoftonline.com/", managementResource: "https://management.core.windows.net/")
        ),
        (
            ["usgovernment", "azureusgovernmentcloud", "usgovernmentcloud"],
            AzureCloud(
                name: "USGOVERNMENT", login: "https://login.microsoftonline.us/",
                managementResource: "https://management.core.usgovcloudapi.net/")
        ),
        (
            ["china", "azurechinacloud", "chinacloud"],
            AzureCloud(
                name: "CHINA", login: "https://login.chinacloudapi.cn/", managementResource: "https://management.core.chinacloudapi.cn/")
        ),
    ]

    /// The cloud `ARM_ENVIRONMENT` names (any case; nil is the public cloud), else nil.
    static func named(_ name: String?) -> AzureCloud? {
        let key = (name ?? "public").lowercased()
        return clouds.first { $0.names.contains(key) }?.cloud
    }
}

/// Workload identity federation: where the OIDC token comes from, and the Databricks service
/// principal (`DATABRICKS_CLIENT_ID`) whose federation policy accepts it.
public struct WorkloadIdentity: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        /// GitHub Actions: `ACTIONS_ID_TOKEN_REQUEST_URL` with `ACTIONS_ID_TOKEN_REQUEST_TOKEN`.
        case github(requestURL: URL, requestToken: String)
        /// The variable `DATABRICKS_OIDC_TOKEN_ENV` names (default `DATABRICKS_OIDC_TOKEN`) and its value.
        case environment(variable: String, value: String)
        /// The file `DATABRICKS_OIDC_TOKEN_FILEPATH` names.
        case file(path: String)

        var typeName: String {
            switch self {
            case .github: "github-oidc"
            case .environment: "env-oidc"
            case .file: "file-oidc"
            }
        }

        var secrets: [String] {
            switch self {
            case .github(_, let token): [token]
            case .environment(_, let value): [value]
            case .file: []
            }
        }
    }

    public var subject: Subject
    public var clientID: String?
    /// The audience of the OIDC token; by default the workspace's token endpoint.
    public var audience: String?

    public init(subject: Subject, clientID: String? = nil, audience: String? = nil) {
        self.subject = subject
        self.clientID = clientID
        self.audience = audience
    }
}
