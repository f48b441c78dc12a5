public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A Python helper from Tests/Tools (an SMTP server, a webhook receiver) on loopback.
public final class ToolServer: @unchecked Sendable {
    public let process = Process()
    public let port: Int
    public let output: String

    public init(_ script: String, _ arguments: [String], directory: String) async throws {
        let portFile = "\(directory)/\(script).port"
        output = "\(directory)/\(script)-out"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Samples.repository.appendingPathComponent("Tests/Tools/\(script)").path, "--out", output, "--port-file", portFile] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: portFile) {
            guard Date() < deadline, process.isRunning else { throw ToolServerError(description: "\(script) did not start") }
            try await Task.sleep(for: .milliseconds(10))
        }
        port = Int(try String(contentsOfFile: portFile, encoding: .utf8)) ?? 0
    }

    /// The files it wrote with this extension, sorted.
    public func files(_ suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter { $0.hasSuffix(suffix) }.sorted().map { "\(output)/\($0)" }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}


public struct ToolServerError: Error, CustomStringConvertible {
    public var description: String
}
