// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

/// Absolute, because the linker does not run in the package directory.
let packageDirectory = String(#filePath.dropLast("/Package.swift".count))

let package = Package(
    name: "dbapi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dbapi", targets: ["dbapi"])
    ],
    targets: [
        .target(name: "DBAPICore", swiftSettings: strict),
        .target(name: "SQLText", dependencies: ["DBAPICore"], swiftSettings: strict),
        .target(name: "MockEngine", dependencies: ["DBAPICore", "SQLText"], swiftSettings: strict),
        .target(name: "Operations", dependencies: ["DBAPICore", "SQLText"], swiftSettings: strict),
        .target(name: "CCurlLoader", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "Databricks", dependencies: ["DBAPICore", "CCurlLoader"], swiftSettings: strict),
        .target(
            name: "DBAPICLI",
            dependencies: ["DBAPICore", "SQLText", "MockEngine", "Operations", "Databricks"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dbapi", dependencies: ["DBAPICLI"], swiftSettings: strict,
            // libcurl is loaded by CCurlLoader when the Databricks backend runs, not at every start:
            // FoundationNetworking's autolinked -lcurl finds an empty archive first (CCurlLoader
            // defines every curl_* function it calls), so libcurl is not a load-time dependency.
            linkerSettings: [.unsafeFlags(["-L", packageDirectory + "/Sources/CCurlLoader/link"])]
        ),
        .executableTarget(name: "dbapi-bench", dependencies: ["DBAPICore", "MockEngine"], swiftSettings: strict),
        .executableTarget(
            name: "dbapi-decode-bench", dependencies: ["DBAPICore", "Databricks"], swiftSettings: strict,
            // As for dbapi: the static link finds the empty libcurl.a, so no curl package is needed.
            linkerSettings: [.unsafeFlags(["-L", packageDirectory + "/Sources/CCurlLoader/link"])]
        ),
        .target(
            name: "DBAPITestSupport",
            dependencies: ["DBAPICore", "SQLText", "MockEngine", "Operations", "Databricks", "DBAPICLI"],
            path: "Tests/DBAPITestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "DBAPICoreTests", dependencies: ["DBAPICore", "DBAPITestSupport"], swiftSettings: strict),
        .testTarget(name: "SQLTextTests", dependencies: ["SQLText", "DBAPITestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MockEngineTests",
            dependencies: ["MockEngine", "SQLText", "DBAPITestSupport"],
            resources: [.copy("Scripts")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OperationsTests", dependencies: ["Operations", "SQLText", "MockEngine", "DBAPITestSupport"],
            swiftSettings: strict),
        .testTarget(name: "DatabricksTests", dependencies: ["Databricks", "DBAPITestSupport"], swiftSettings: strict),
        .testTarget(name: "DBAPICLITests", dependencies: ["DBAPICLI", "DBAPITestSupport"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["DBAPITestSupport", "DBAPICore"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
