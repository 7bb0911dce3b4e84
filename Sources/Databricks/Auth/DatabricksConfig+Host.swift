import DBAPICore
import Foundation

extension DatabricksConfig {
    /// The workspace origin `scheme://host[:port]` from `DATABRICKS_HOST` (or a profile's `host`).
    ///
    /// Adds `https://` when there is no scheme, drops `:443` and any path, query or fragment (as the
    /// Databricks SDKs do), and requires https except for loopback addresses (local test servers).
    /// Every API URL is this origin plus a checked absolute path (`APIClient`), so credentials go
    /// to this origin only.
    ///
    /// - Throws: `DatabricksError.configuration` for a URL that is not valid, for plain http to a
    ///   host that is not loopback, and for a user name or password in it (`user:password@host`),
    ///   which is refused without being echoed: the workspace takes credentials in headers only.
    static func normalizedHost(_ raw: String, source: String) throws(DatabricksError) -> URL {
        guard !raw.contains("@") else {
            throw .configuration(
                "DATABRICKS_HOST must not contain a user name or password ('@'); set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET",
                source: source)
        }
        var text = raw.trimmingSpaces()
        if !text.contains("://") { text = "https://" + text }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let hostName = url.host?.lowercased(),
            !hostName.isEmpty, let authority = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedHost
        else {
            throw .configuration("DATABRICKS_HOST '\(excerpt(raw))' is not a valid URL", source: source)
        }
        guard scheme == "https" || (scheme == "http" && isLoopback(hostName)) else {
            throw .configuration(
                "DATABRICKS_HOST must use https (plain http is allowed only for loopback addresses: 127.0.0.0/8, ::1, localhost)",
                source: source)
        }
        let port = url.port.flatMap { $0 == 443 && scheme == "https" ? nil : ":\($0)" } ?? ""
        guard let origin = URL(string: scheme + "://" + authority.lowercased() + port) else {
            throw .configuration("DATABRICKS_HOST '\(excerpt(raw))' is not a valid URL", source: source)
        }
        return origin
    }

    /// Whether `host` (as `URL.host` gives it, lower-cased) is a loopback address: `localhost`, `::1`,
    /// or a dotted-decimal IPv4 address in 127.0.0.0/8. A name that merely starts with `127.`
    /// (`127.example.com`, `127.0.0.1.nip.io`) is not; neither are shortened or zero-padded forms
    /// (`127.1`, `127.0.0.01`), which resolvers read differently.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { octet in
                octet.count <= 3 && octet.allSatisfy { $0 >= "0" && $0 <= "9" } && (octet == "0" || octet.first != "0")
                    && (Int(octet).map { $0 <= 255 } ?? false)
            }
    }
}
