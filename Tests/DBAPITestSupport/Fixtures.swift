import Foundation

/// Locations in the source checkout, for fixtures and the built binary.
public enum Fixtures {
    /// The package root (the directory holding `Package.swift`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
