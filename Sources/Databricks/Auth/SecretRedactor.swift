import DBAPICore
import Foundation

/// Replaces credentials with `[REDACTED]` in text on its way to any output.
///
/// It knows every credential of the configuration (the PAT; for OAuth M2M the client secret, the
/// client ID, `id:secret` and its base64 as sent in the Basic header; an Azure service principal's
/// secret and client ID; GitHub's request token and an OIDC token from the environment) and every
/// token issued or read so far (access tokens from any source, management tokens, OIDC tokens),
/// each also percent-encoded. `DatabricksBackend` passes every error it throws, every
/// `--verbose` line and every statement id it reports through it, so a server that quotes the
/// `Authorization` header in an error message cannot make dbapi print a credential.
///
/// ```swift
/// let secrets = SecretRedactor(.personalAccessToken("dapi-123"))
/// secrets.redact("bad token: Bearer dapi-123")  // "bad token: Bearer [REDACTED]"
/// ```
final class SecretRedactor: Sendable {
    static let placeholder = "[REDACTED]"
    /// Shorter values are no credential anyone issues, and replacing them would garble every message.
    static let shortest = 4
    /// Longest first, so a credential is replaced whole before any part of it.
    private let forms = LockedBox<[String]>([])

    init(_ authentication: DatabricksConfig.Authentication) {
        for secret in authentication.secrets { add(secret) }
        if case let .oauthMachineToMachine(clientID, clientSecret) = authentication {
            let pair = clientID + ":" + clientSecret
            let basic = Data(pair.utf8).base64EncodedString()
            // Also without its `=` padding, which an echo may drop.
            let unpadded = basic.trimmingCharacters(in: CharacterSet(charactersIn: "="))
            for secret in [pair, basic, unpadded] { add(secret) }
        }
    }

    /// Adds a credential learnt later: an OAuth access token.
    func add(_ secret: String) {
        guard secret.count >= Self.shortest else { return }
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        let encoded = secret.addingPercentEncoding(withAllowedCharacters: unreserved) ?? secret
        forms.withLock { forms in
            for form in Set([secret, encoded]) where !forms.contains(form) { forms.append(form) }
            forms.sort { $0.count > $1.count }
        }
    }

    func redact(_ text: String) -> String {
        var text = text
        for form in forms.withLock({ $0 }) where text.contains(form) {
            text = text.replacingOccurrences(of: form, with: Self.placeholder)
        }
        return text
    }

    /// String values redacted; other values as they are.
    func redact(_ value: JSONValue) -> JSONValue {
        if case .string(let text) = value { return .string(redact(text)) }
        return value
    }

    /// Every text an error reports redacted: its message, paths, codes and ids.
    func redact(_ error: any Error) -> any Error {
        switch error {
        case let error as DatabricksError:
            return redact(error)
        case let error as TransportError:
            return TransportError(message: redact(error.message), wasNotSent: error.wasNotSent)
        case let error as any ReportableError:
            return DBAPIError(error.code, redact(error.description), details: error.details.mapValues(redact))
        default:
            return error
        }
    }

    private func redact(_ error: DatabricksError) -> DatabricksError {
        switch error {
        case let .configuration(message, source):
            return .configuration(redact(message), source: redact(source))
        case .authentication(let message):
            return .authentication(redact(message))
        case let .http(status, errorCode, message, method, path, attempts):
            return .http(
                status: status, errorCode: errorCode.map(redact), message: redact(message), method: method, path: redact(path),
                attempts: attempts)
        case let .statementFailed(id, errorCode, sqlState, message):
            return .statementFailed(
                statementID: redact(id), errorCode: errorCode.map(redact), sqlState: sqlState.map(redact), message: redact(message))
        case .statementCanceled(let id):
            return .statementCanceled(statementID: redact(id))
        case .statementClosed(let id):
            return .statementClosed(statementID: redact(id))
        case let .timedOut(id, seconds, canceled):
            return .timedOut(statementID: id.map(redact), seconds: seconds, canceled: canceled)
        case let .interrupted(id, signal):
            return .interrupted(statementID: id.map(redact), signal: signal)
        case let .transport(message, method, path, attempts):
            return .transport(redact(message), method: method, path: redact(path), attempts: attempts)
        case .malformedResponse(let message):
            return .malformedResponse(redact(message))
        case let .refusedPath(path, host):
            return .refusedPath(redact(path), host: redact(host))
        case let .incompleteResult(id, chunk, reason):
            return .incompleteResult(statementID: redact(id), chunkIndex: chunk, reason: redact(reason))
        case let .redirected(status, location, method, path):
            return .redirected(status: status, location: location.map(redact), method: method, path: redact(path))
        }
    }
}
