import DBAPICore
import Foundation

/// The options every command takes, decoded and checked once.
struct GlobalOptions: Sendable {
    /// `--root`, else `$DBAPI_ROOT`, else the working directory; absolute.
    var root: String
    var format: OutputFormatKind
    var pretty: Bool
    var verbose: Bool
    /// `--correlation-id`, else a new UUID.
    var correlationID: String
    /// Whether `--format` was given (render prints plain SQL without it).
    var formatGiven: Bool

    init(decoding arguments: ParsedArguments, io: IO) throws(UsageError) {
        correlationID = Self.correlationID(arguments)
        let path = arguments.value(.root) ?? io.environment["DBAPI_ROOT"] ?? io.currentDirectory
        root = path.hasPrefix("/") ? path : io.currentDirectory + "/" + path
        format = try arguments.decode(.format, OutputFormatKind.init(rawValue:)) ?? .json
        formatGiven = arguments.has(.format)
        pretty = arguments.has(.pretty)
        verbose = arguments.has(.verbose)
    }

    /// The correlation id alone, for reports made before the rest is decoded.
    static func correlationID(_ arguments: ParsedArguments) -> String {
        arguments.value(.correlationID) ?? UUID().uuidString.lowercased()
    }
}
