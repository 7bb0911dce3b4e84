// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

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
        .target(name: "Databricks", dependencies: ["DBAPICore"], swiftSettings: strict),
        .target(
            name: "DBAPICLI",
            dependencies: ["DBAPICore", "SQLText", "MockEngine", "Operations", "Databricks"],
            swiftSettings: strict
        ),
        .executableTarget(name: "dbapi", dependencies: ["DBAPICLI"], swiftSettings: strict),
        .executableTarget(name: "dbapi-bench", dependencies: ["DBAPICore", "MockEngine"], swiftSettings: strict),
        .executableTarget(name: "dbapi-decode-bench", dependencies: ["DBAPICore", "Databricks"], swiftSettings: strict),
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
