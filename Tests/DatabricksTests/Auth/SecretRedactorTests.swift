import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import Databricks

final class SecretRedactorTests: XCTestCase {
    func testCredentials_AreReplacedInEveryForm() {
        let pat = SecretRedactor(.personalAccessToken("dapi-a1/b2+c3="))
        let oauth = SecretRedactor(.oauthMachineToMachine(clientID: "client-7", clientSecret: "dose-secret-9"))
        oauth.add("eyJ-access-token")
        let basic = Data("client-7:dose-secret-9".utf8).base64EncodedString()
        XCTAssertTrue(basic.hasSuffix("="), "the padded and unpadded forms differ")
        let cases: [(SecretRedactor, String, String)] = [
            (pat, "saw Authorization: Bearer dapi-a1/b2+c3=.", "saw Authorization: Bearer [REDACTED]."),
            (pat, "GET /x?token=dapi-a1%2Fb2%2Bc3%3D", "GET /x?token=[REDACTED]"),
            (pat, "dapi-a1/b2+c3=dapi-a1/b2+c3=", "[REDACTED][REDACTED]"),
            (pat, "nothing secret here", "nothing secret here"),
            (oauth, "Basic \(basic)", "Basic [REDACTED]"),
            (oauth, "Basic \(basic.trimmingCharacters(in: CharacterSet(charactersIn: "=")))", "Basic [REDACTED]"),
            (oauth, "decoded client-7:dose-secret-9", "decoded [REDACTED]"),
            (oauth, "client client-7, secret dose-secret-9", "client [REDACTED], secret [REDACTED]"),
            (oauth, "Bearer eyJ-access-token", "Bearer [REDACTED]"),
        ]
        for (secrets, text, expected) in cases {
            XCTAssertEqual(secrets.redact(text), expected, text)
        }
        let short = SecretRedactor(.personalAccessToken("t"))
        XCTAssertEqual(short.redact("token t rejected"), "token t rejected", "a one-letter value is no credential to hunt for")
    }

    /// Every text an error reports is redacted: message, path, error code, SQL state, statement id.
    func testErrors_EveryCaseAndField() {
        let s = "dapi-planted"
        let secrets = SecretRedactor(.personalAccessToken(s))
        let errors: [any Error] = [
            DatabricksError.configuration("m \(s)", source: "src \(s)"),
            DatabricksError.http(status: 401, errorCode: s, message: "m \(s)", method: "GET", path: "/p/\(s)", attempts: 1),
            DatabricksError.statementFailed(statementID: s, errorCode: s, sqlState: s, message: "m \(s)"),
            DatabricksError.statementCanceled(statementID: s), DatabricksError.statementClosed(statementID: s),
            DatabricksError.timedOut(statementID: s, seconds: 1, canceled: true),
            DatabricksError.interrupted(statementID: s, signal: "SIGINT"),
            DatabricksError.transport("m \(s)", method: "GET", path: "/p/\(s)", attempts: 2), DatabricksError.malformedResponse("m \(s)"),
            DatabricksError.redirected(status: 307, location: "https://x/\(s)", method: "GET", path: "/p/\(s)"),
            TransportError(message: "m \(s)", wasNotSent: true),
            DBAPIError(.sql, "m \(s)", details: ["k": .string(s), "n": .int(1)]),
        ]
        for error in errors {
            let redacted = secrets.redact(error)
            let text =
                "\(redacted)"
                + JSONWriter().string(.object(JSONObject(((redacted as? any ReportableError)?.details ?? [:]).map { ($0, $1) })))
            XCTAssertFalse(text.contains(s), text)
            XCTAssertTrue(text.contains("[REDACTED]"), text)
            XCTAssertEqual((redacted as? any ReportableError)?.code, (error as? any ReportableError)?.code, text)
        }
        XCTAssertTrue(secrets.redact(CancellationError()) is CancellationError)
    }
}
