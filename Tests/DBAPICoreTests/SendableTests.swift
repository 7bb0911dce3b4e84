import DBAPICore
import XCTest

/// Compile-time pins: these types cross task boundaries and must stay Sendable.
final class SendableTests: XCTestCase {
    func testPublicValueTypes_AreSendable() {
        func requireSendable<T: Sendable>(_: T.Type) {}
        requireSendable(SQLValue.self)
        requireSendable(SQLType.self)
        requireSendable(SQLDecimal.self)
        requireSendable(ResultSet.self)
        requireSendable(ResultStream.self)
        requireSendable(BoundStatement.self)
        requireSendable(JSONValue.self)
        requireSendable(ErrorCode.self)
        requireSendable((any SQLBackend).self)
    }
}
