// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, which depends on where the repository
// was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// Benchmarks live in a package of their own so the product's build stays lean: the stock HTTP/2
// transport they compare against is not a dependency of einvoice itself.
let package = Package(
    name: "einvoice-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "rpc-bench",
            dependencies: [
                .product(name: "UnixSocketTransport", package: root),
                .product(name: "EInvoiceRPC", package: root),
                .product(name: "BinaryCoding", package: root),
                .product(name: "ZATCAStamp", package: root),
                .product(name: "ZATCACrypto", package: root),
                .product(name: "InvoiceModel", package: root),
                .product(name: "UBLXML", package: root),
                .product(name: "InvoiceRules", package: root),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
