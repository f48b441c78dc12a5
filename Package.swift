// swift-tools-version: 6.1
import PackageDescription

/// Every target: Swift 6 language mode plus the upcoming features grpc-swift-2 turns on.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

extension Target.Dependency {
    static let grpcCore = Self.product(name: "GRPCCore", package: "grpc-swift-2")
    static let grpcInProcess = Self.product(name: "GRPCInProcessTransport", package: "grpc-swift-2")
    static let nioCore = Self.product(name: "NIOCore", package: "swift-nio")
    static let nioPosix = Self.product(name: "NIOPosix", package: "swift-nio")
    static let logging = Self.product(name: "Logging", package: "swift-log")
    static let lifecycle = Self.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
    static let unixSignals = Self.product(name: "UnixSignals", package: "swift-service-lifecycle")
    static let argumentParser = Self.product(name: "ArgumentParser", package: "swift-argument-parser")
    static let propertyBased = Self.product(name: "PropertyBased", package: "swift-property-based")
    static let grdb = Self.product(name: "GRDB", package: "GRDB.swift")
    /// SQLite's C API as GRDB links it, for the signing service's hot insert.
    static let grdbSQLite = Self.product(name: "GRDBSQLite", package: "GRDB.swift")
    static let histogram = Self.product(name: "Histogram", package: "hdrhistogram-swift")
    static let nioHTTP1 = Self.product(name: "NIOHTTP1", package: "swift-nio")
    static let nioSSL = Self.product(name: "NIOSSL", package: "swift-nio-ssl")
    static let asyncHTTPClient = Self.product(name: "AsyncHTTPClient", package: "async-http-client")
    static let hummingbird = Self.product(name: "Hummingbird", package: "hummingbird")
}

/// A service: a library with the logic in `Services/<Folder>/<Library>` and a thin executable
/// in `Services/<Folder>/<executable>`.
func service(_ folder: String, library: String, executable: String, dependencies: [Target.Dependency] = [], resources: [Resource]? = nil) -> [Target] {
    [
        .target(
            name: library,
            dependencies: ["ServiceRuntime", "HealthContract", .grpcCore, .logging] + dependencies,
            path: "Services/\(folder)/\(library)",
            resources: resources,
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: executable,
            dependencies: [.byName(name: library), "ServiceRuntime", .argumentParser],
            path: "Services/\(folder)/\(executable)",
            swiftSettings: strictSettings
        ),
    ]
}

let package = Package(
    name: "einvoice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "registration-service", targets: ["registration-service"]),
        .executable(name: "invoicing-service", targets: ["invoicing-service"]),
        .executable(name: "signing-service", targets: ["signing-service"]),
        .executable(name: "notification-service", targets: ["notification-service"]),
        .executable(name: "gateway", targets: ["gateway"]),
        .executable(name: "fatoora-sim", targets: ["fatoora-sim"]),
        .executable(name: "einvoice", targets: ["einvoice"]),
        .library(name: "UnixSocketTransport", targets: ["UnixSocketTransport"]),
        .library(name: "BinaryCoding", targets: ["BinaryCoding"]),
        .library(name: "ServiceRuntime", targets: ["ServiceRuntime"]),
        .library(name: "HealthContract", targets: ["HealthContract"]),
        .library(name: "EInvoiceRPC", targets: ["EInvoiceRPC"]),
        .library(name: "ZATCAStamp", targets: ["ZATCAStamp"]),
        .library(name: "UBLXML", targets: ["UBLXML"]),
        .library(name: "InvoiceModel", targets: ["InvoiceModel"]),
        .library(name: "InvoiceRules", targets: ["InvoiceRules"]),
        .library(name: "ZATCACrypto", targets: ["ZATCACrypto"]),
        .library(name: "FatooraClient", targets: ["FatooraClient"]),
        .library(name: "SigningContract", targets: ["SigningContract"]),
        .library(name: "NotificationContract", targets: ["NotificationContract"]),
        .library(name: "SupportContract", targets: ["SupportContract"]),
        .library(name: "RegistrationContract", targets: ["RegistrationContract"]),
        .library(name: "GatewayContract", targets: ["GatewayContract"]),
        .executable(name: "support-service", targets: ["support-service"]),
    ],
    dependencies: [
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // TLS for SMTP (STARTTLS, smtps) and https webhooks.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The Fatoora platform's HTTPS API.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The gateway's HTTP/JSON API.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System C libraries (Debian -dev packages), with shims for the macros Swift cannot import.
        .systemLibrary(name: "CZlib", path: "Shared/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLZ4", path: "Shared/CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Shared/COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Shared/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSecp256k1", path: "Shared/CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "CQREncode", path: "Shared/CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // ZATCA's cryptography, QR code and stamp: domain code, no I/O.
        .target(name: "ZATCACrypto", dependencies: ["COpenSSL", "CSecp256k1"], path: "Shared/ZATCACrypto", swiftSettings: strictSettings),
        .target(name: "ZATCAQR", dependencies: ["CQREncode", "CZlib"], path: "Shared/ZATCAQR", swiftSettings: strictSettings),
        // libxml2 behind a C interface of our own: its headers pull in ICU's, which clash with
        // Foundation's.
        .target(name: "CXMLSupport", dependencies: ["CLibXML2"], path: "Shared/CXMLSupport"),
        .target(name: "UBLXML", path: "Shared/UBLXML", swiftSettings: strictSettings),
        .target(name: "InvoiceModel", dependencies: ["UBLXML"], path: "Shared/InvoiceModel", swiftSettings: strictSettings),
        .target(name: "InvoiceRules", dependencies: ["InvoiceModel"], path: "Shared/InvoiceRules", swiftSettings: strictSettings),
        .target(name: "ZATCAStamp", dependencies: ["UBLXML", "CXMLSupport", "ZATCACrypto", "ZATCAQR"], path: "Shared/ZATCAStamp", swiftSettings: strictSettings),

        // ZATCA's Fatoora API (CSIDs, compliance checks, clearance, reporting) over HTTP.
        .target(name: "FatooraClient", dependencies: [.asyncHTTPClient, .logging, .nioCore, .nioHTTP1], path: "Shared/FatooraClient", swiftSettings: strictSettings),

        // The RPC runtime.
        .target(name: "BinaryCoding", path: "Shared/BinaryCoding", swiftSettings: strictSettings),
        .target(
            name: "UnixSocketTransport",
            dependencies: ["CZlib", "BinaryCoding", .grpcCore, .nioCore, .nioPosix, .logging],
            path: "Shared/UnixSocketTransport",
            swiftSettings: strictSettings
        ),
        .target(
            name: "EInvoiceRPC",
            dependencies: ["BinaryCoding", .grpcCore],
            path: "Shared/EInvoiceRPC",
            swiftSettings: strictSettings
        ),
        .target(name: "DurableStore", dependencies: [.grdb], path: "Shared/DurableStore", swiftSettings: strictSettings),
        .target(
            name: "ServiceRuntime",
            dependencies: ["UnixSocketTransport", "EInvoiceRPC", "HealthContract", .grpcCore, .nioCore, .nioPosix, .logging, .lifecycle, .unixSignals, .argumentParser],
            path: "Shared/ServiceRuntime",
            swiftSettings: strictSettings
        ),

        // Contracts: one module per service.
        .target(name: "HealthContract", dependencies: ["EInvoiceRPC", .grpcCore], path: "protocols/Health", swiftSettings: strictSettings),
        .target(name: "SigningContract", dependencies: ["EInvoiceRPC", "BinaryCoding", .grpcCore], path: "protocols/Signing", swiftSettings: strictSettings),
        .target(
            name: "InvoicingContract", dependencies: ["EInvoiceRPC", "InvoiceModel", .grpcCore], path: "protocols/Invoicing",
            exclude: ["examples", "INVOICE-JSON.md"], swiftSettings: strictSettings
        ),
        .target(name: "SupportContract", dependencies: ["EInvoiceRPC", .grpcCore], path: "protocols/Support", swiftSettings: strictSettings),
        .target(name: "GatewayContract", dependencies: ["EInvoiceRPC", .grpcCore], path: "protocols/Gateway", swiftSettings: strictSettings),
        .target(name: "RegistrationContract", dependencies: ["EInvoiceRPC", "InvoiceModel", .grpcCore], path: "protocols/Registration", swiftSettings: strictSettings),
        .target(
            name: "NotificationContract", dependencies: ["EInvoiceRPC", .grpcCore], path: "protocols/Notification", exclude: ["WEBHOOKS.md"],
            swiftSettings: strictSettings
        ),
    ]
        + service(
            "Registration", library: "Registration", executable: "registration-service",
            dependencies: [
                "RegistrationContract", "SigningContract", "InvoicingContract", "NotificationContract", "FatooraClient", "InvoiceModel", "ZATCACrypto",
                "UnixSocketTransport", "DurableStore", .grdb, .lifecycle, .asyncHTTPClient,
            ]
        )
        + service(
            "Invoicing", library: "Invoicing", executable: "invoicing-service",
            dependencies: [
                "InvoicingContract", "SigningContract", "NotificationContract", "SupportContract", "RegistrationContract", "FatooraClient", "InvoiceModel",
                "InvoiceRules", "UBLXML", "ZATCACrypto", "UnixSocketTransport", "DurableStore", .grdb, .lifecycle, .asyncHTTPClient,
            ]
        )
        + service(
            "Signing", library: "Signing", executable: "signing-service",
            dependencies: [
                "SigningContract", "NotificationContract", "ZATCAStamp", "UBLXML", "ZATCACrypto", "ZATCAQR", "UnixSocketTransport", "DurableStore", "CLZ4", .grdb,
                .grdbSQLite, .lifecycle,
            ]
        )
        + service(
            "Notification", library: "Notification", executable: "notification-service",
            dependencies: ["NotificationContract", "ZATCACrypto", "DurableStore", .grdb, .lifecycle, .nioCore, .nioPosix, .nioHTTP1, .nioSSL]
        )
        + service(
            "Support", library: "Support", executable: "support-service",
            dependencies: [
                "SupportContract", "InvoicingContract", "SigningContract", "NotificationContract", "InvoiceModel", "InvoiceRules", "ZATCAStamp", "UnixSocketTransport",
                "DurableStore", .grdb, .lifecycle,
            ]
        )
        + service(
            "Gateway", library: "Gateway", executable: "gateway",
            dependencies: [
                "GatewayContract", "RegistrationContract", "InvoicingContract", "SigningContract", "NotificationContract", "SupportContract", "InvoiceModel",
                "ZATCACrypto", "UnixSocketTransport", "EInvoiceRPC", "DurableStore", .grdb, .lifecycle, .nioCore, .hummingbird,
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("openapi.json")]
        )
        + service(
            "FatooraSim", library: "FatooraSim", executable: "fatoora-sim",
            dependencies: ["ZATCACrypto", "ZATCAStamp", "InvoiceModel", "InvoiceRules", "DurableStore", .grdb, .lifecycle, .nioCore, .nioPosix, .nioHTTP1]
        )
        + [
            .target(
                name: "EInvoiceCLI",
                dependencies: [
                    "ServiceRuntime", "HealthContract", "SigningContract", "InvoicingContract", "NotificationContract", "SupportContract", "RegistrationContract", "GatewayContract", "InvoiceModel",
                    "InvoiceRules", "UnixSocketTransport", .grpcCore,
                    .argumentParser, .histogram,
                ],
                path: "Services/CLI/EInvoiceCLI",
                swiftSettings: strictSettings
            ),
            .executableTarget(name: "einvoice", dependencies: ["EInvoiceCLI", .argumentParser], path: "Services/CLI/einvoice", swiftSettings: strictSettings),

            .testTarget(
                name: "BinaryCodingTests",
                dependencies: ["BinaryCoding", .propertyBased],
                path: "Tests/BinaryCodingTests",
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "UnixSocketTransportTests",
                dependencies: ["UnixSocketTransport", "EInvoiceRPC", "BinaryCoding", "CZlib", "TestSupport", .grpcCore, .grpcInProcess, .nioCore, .nioPosix, .logging],
                path: "Tests/UnixSocketTransportTests",
                swiftSettings: strictSettings
            ),
            .testTarget(name: "DurableStoreTests", dependencies: ["DurableStore", .grdb], path: "Tests/DurableStoreTests", swiftSettings: strictSettings),
            .testTarget(name: "ZATCAQRTests", dependencies: ["ZATCAQR", "CZlib"], path: "Tests/ZATCAQRTests", swiftSettings: strictSettings),
            .testTarget(name: "ZATCACryptoTests", dependencies: ["ZATCACrypto", "COpenSSL"], path: "Tests/ZATCACryptoTests", swiftSettings: strictSettings),
            .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
            .testTarget(
                name: "ZATCAStampTests",
                dependencies: ["ZATCAStamp", "UBLXML", "ZATCACrypto", "ZATCAQR", "TestSupport", .propertyBased],
                path: "Tests/ZATCAStampTests",
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "InvoiceRulesTests",
                dependencies: ["InvoiceRules", "InvoiceModel", "UBLXML", "TestSupport", .propertyBased],
                path: "Tests/InvoiceRulesTests",
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "InvoicingTests",
                dependencies: [
                    "Invoicing", "InvoicingContract", "Signing", "SigningContract", "Notification", "NotificationContract", "Support", "SupportContract",
                    "InvoiceModel", "InvoiceRules",
                    "ServiceRuntime", "UnixSocketTransport",
                    "TestSupport", .grpcCore, .logging, .lifecycle,
                ],
                path: "Tests/InvoicingTests",
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "SupportTests",
                dependencies: ["Support", "SupportContract", "InvoiceRules", "InvoiceModel", .propertyBased],
                path: "Tests/SupportTests",
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "SigningTests",
                dependencies: ["Signing", "SigningContract", "BinaryCoding", "ServiceRuntime", "UnixSocketTransport", "ZATCAStamp", "ZATCACrypto", "TestSupport", .grpcCore, .grpcInProcess, .logging],
                path: "Tests/SigningTests",
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "ServiceRuntimeTests",
                dependencies: [
                    "ServiceRuntime", "HealthContract", "NotificationContract", "SigningContract", "UnixSocketTransport", "TestSupport", .grpcCore, .logging,
                ],
                path: "Tests/ServiceRuntimeTests",
                swiftSettings: strictSettings
            ),
        ]
)
