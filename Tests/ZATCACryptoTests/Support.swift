import Foundation

/// Runs the `openssl` command-line tool for cross-checks.
enum OpenSSLTool {
    struct Result {
        let status: Int32
        let output: String
    }

    /// Runs `openssl arguments…`; stdout and stderr are merged into `output`.
    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = URL(fileURLWithPath: "/tmp").appendingPathComponent("zatca-crypto-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// ZATCA SDK test vectors: `$ZATCA_SDK_VECTORS`, else `shared/vectors/zatca-sdk` beside the
/// repository, else /work/shared/vectors/zatca-sdk.
enum SDKVectors {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func directory() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["ZATCA_SDK_VECTORS"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        // Tests/ZATCACryptoTests/Support.swift → package root → ../shared/vectors/zatca-sdk
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared/vectors/zatca-sdk"))
        candidates.append(packageRoot.appendingPathComponent("shared/vectors/zatca-sdk"))
        candidates.append(URL(fileURLWithPath: "/work/shared/vectors/zatca-sdk"))
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("certs/cert.pem").path) {
            return candidate
        }
        throw Missing(description: "ZATCA SDK vectors not found in \(candidates.map(\.path))")
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory().appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The text between the first `<tag>` and `</tag>` in an SDK sample file.
    static func element(_ tag: String, in relativePath: String) throws -> String {
        let xml = try text(relativePath)
        guard let open = xml.range(of: "<\(tag)>"),
              let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex)
        else { throw Missing(description: "<\(tag)> not found in \(relativePath)") }
        return xml[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Data {
    /// Base64 decoding that fails the test rather than returning nil.
    static func base64(_ text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw SDKVectors.Missing(description: "bad base64") }
        return [UInt8](data)
    }
}
