public import Foundation

/// The official ZATCA SDK vectors beside the project (`../shared/vectors/zatca-sdk`).
public enum Samples {
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["ZATCA_VECTORS"] { return URL(fileURLWithPath: override) }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Samples.swift -> repository root
        let beside = url.deletingLastPathComponent().appendingPathComponent("shared/vectors/zatca-sdk")
        // A clone elsewhere (CI) finds the workplace's copy.
        return FileManager.default.fileExists(atPath: beside.path) ? beside : URL(fileURLWithPath: "/work/shared/vectors/zatca-sdk")
    }()

    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// Every sample invoice and note, `*_Error.xml` included (they are invalid in content, not in
    /// their stamp).
    public static let all: [URL] = {
        let samples = root.appendingPathComponent("samples")
        guard let enumerator = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
    }()

    public static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    public static var name: (URL) -> String { { $0.deletingPathExtension().lastPathComponent } }

    public static func certificateText() throws -> String {
        try String(contentsOf: root.appendingPathComponent("certs/cert.pem"), encoding: .utf8)
    }

    public static func keyText() throws -> String {
        try String(contentsOf: root.appendingPathComponent("certs/ec-secp256k1-priv-key.pem"), encoding: .utf8)
    }

    /// The value between `<tag…>` and `</tag>` of the first occurrence.
    public static func element(_ tag: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(tag)"), let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex),
            let start = text.range(of: ">", range: open.upperBound..<close.lowerBound)
        else { return nil }
        return String(text[start.upperBound..<close.lowerBound])
    }
}

/// Runs a command, returning its exit status and output.
@discardableResult
public func run(_ executable: String, _ arguments: [String], includeStandardError: Bool = true) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = includeStandardError ? pipe : FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

public func toolAvailable(_ name: String) -> Bool {
    (try? run("which", [name]).status) == 0
}

public func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let directory = URL(fileURLWithPath: "/tmp/einvoice-tests-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}
