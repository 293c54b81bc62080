// swift-tools-version:6.2
import PackageDescription

/// Every target builds in Swift 6 language mode with the upcoming features Hummingbird itself uses.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Koers",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "koers", targets: ["koers"]),
        .library(name: "KoersWeb", targets: ["KoersWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-otel/swift-w3c-trace-context", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // Only the OTLP/HTTP exporter: the gRPC one would add gRPC to every build.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        // Without its default ExternalLoading trait, which Koers does not use and which builds slower.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "KoersCore",
            dependencies: [.product(name: "CSV", package: "CSV.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KoersStatistics",
            dependencies: [.product(name: "CSV", package: "CSV.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KoersLinkage",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            // Dice similarity is a popcount per word; without this the x86-64 baseline has no POPCNT
            // instruction and the count is done in software, several times slower.
            swiftSettings: swiftSettings + [.unsafeFlags(["-Xcc", "-mpopcnt"], .when(platforms: [.linux]))]
        ),
        .target(
            name: "KoersMonitor",
            dependencies: [
                "KoersCore",
                "KoersStatistics",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The exact suppression is numeric work that the unoptimised debug build does tens of times slower:
            // the pilot's monitor alone kept the test suite busy for many minutes. Optimised in every build.
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "KoersStore",
            dependencies: [
                "KoersCore",
                "KoersMonitor",
                "KoersLinkage",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Reading the cities' registrations: CSV and XLSX files, the mapping to Koers's fields.
        .target(
            name: "KoersImport",
            dependencies: [
                "KoersCore",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // The demo and pilot generators: a client of the store's public API, as an import is, so
        // the store holds only what production runs.
        .target(
            name: "KoersDemo",
            dependencies: ["KoersCore", "KoersMonitor", "KoersStore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KoersWeb",
            dependencies: [
                "KoersCore",
                "KoersImport",
                "KoersLinkage",
                "KoersMonitor",
                "KoersStatistics",
                "KoersStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "koers",
            dependencies: [
                "KoersWeb",
                "KoersDemo",
                "KoersImport",
                "KoersLinkage",
                "KoersMonitor",
                "KoersStatistics",
                "KoersStore",
                "KoersCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KoersImportTests",
            dependencies: [
                "KoersImport",
                "KoersCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KoersCoreTests",
            dependencies: ["KoersCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KoersLinkageTests",
            dependencies: ["KoersLinkage"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KoersMonitorTests",
            dependencies: ["KoersMonitor", "KoersCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KoersStatisticsTests",
            dependencies: ["KoersStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KoersWebTests",
            dependencies: [
                "KoersWeb",
                "KoersDemo",
                "KoersStore",
                "KoersCore",
                "KoersMonitor",
                "KoersStatistics",
                "KoersLinkage",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
