import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Starts the real executables built next to this test bundle.
enum Executables {
    /// `.build/<triple>/<configuration>`, where `swift build` puts the executables.
    static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["EINVOICE_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("einvoice").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
    }()

    static func url(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError("\(url.path) is missing: run `swift build` before the tests")
        }
        return url
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A running service process with its stderr captured to a file.
final class ServiceProcess: @unchecked Sendable {
    let name: String
    let process = Process()
    let logURL: URL

    init(_ executable: String, arguments: [String] = [], environment: [String: String], logDirectory: String) throws {
        name = executable
        process.executableURL = try Executables.url(executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        logURL = URL(fileURLWithPath: "\(logDirectory)/\(executable)-\(UUID().uuidString.prefix(6)).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.standardError = log
        process.standardOutput = log
        try process.run()
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Only while it runs: once it has exited (and been reaped), its PID may belong to another
    /// process.
    func signal(_ signal: Int32) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit; returns its status, or nil on timeout.
    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }
}

/// Runs `einvoice` with `arguments`; returns its exit status and standard output.
func runCLI(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
    try await Shell.run(try Executables.url("einvoice").path, arguments, environment: environment)
}

func waitForFile(_ path: String, timeout: Duration = .seconds(30)) async throws {
    let deadline = ContinuousClock.now + timeout
    while !FileManager.default.fileExists(atPath: path) {
        guard ContinuousClock.now < deadline else { throw HarnessError("\(path) did not appear") }
        try await Task.sleep(for: .milliseconds(10))
    }
}

func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

/// A fresh runtime and data directory under /tmp (socket paths must stay short).
func withDeploymentDirectories<T>(_ body: (_ runtime: String, _ data: String, _ logs: String) async throws -> T) async rethrows -> T {
    let root = "/tmp/einvoice-proc-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: "\(root)/logs", withIntermediateDirectories: true)
    // EINVOICE_KEEP_TEST_DIRS=1 keeps the logs and data for a look after the run.
    defer { if ProcessInfo.processInfo.environment["EINVOICE_KEEP_TEST_DIRS"] == nil { try? FileManager.default.removeItem(atPath: root) } }
    return try await body("\(root)/run", "\(root)/data", "\(root)/logs")
}

/// Runs a program and collects its output.
enum Shell {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: pipe.fileHandleForReading.readDataToEndOfFile()) }.start()
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Starts a long-running program, its output in `log`, and returns at once.
    static func background(_ executable: String, _ arguments: [String], environment: [String: String], log: String) throws -> Process {
        FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func runBlocking(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
