import DBAPICore
public enum DBAPICommandLine {
    public static func run(arguments: [String]) async -> Int32 { 0 }
}
