import Foundation
import GRPCCore
import Logging
import Synchronization
import UnixSocketTransport

/// Collects log events so tests can check that a failure was logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in CapturingHandler(capture: self) }
    }

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }

    func wait(for text: String, timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return contains(text)
    }

    struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}

/// A temporary directory for sockets, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async rethrows -> T {
    let path = "/tmp/einvoice-test-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Runs `services` on a Unix-socket server at a fresh path for the duration of `body`.
func withTestServer<T: Sendable>(
    services: [any RegistrableRPCService] = [EchoService()],
    configuration: UnixSocketTransportConfiguration = .default,
    peerPolicy: PeerPolicy = .sameUser,
    logs: LogCapture = LogCapture(),
    _ body: @Sendable (_ path: String, _ transport: UnixSocketServerTransport) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory { directory in
        let path = "\(directory)/echo.sock"
        let transport = UnixSocketServerTransport(path: path, configuration: configuration, peerPolicy: peerPolicy, logger: logs.logger)
        let server = GRPCServer(transport: transport, services: services)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.serve()
                return nil
            }
            try await waitForSocket(path)
            let result = try await body(path, transport)
            server.beginGracefulShutdown()
            var value: T?
            for try await item in group { if let item { value = item } }
            return value ?? result
        }
    }
}

func waitForSocket(_ path: String) async throws {
    for _ in 0..<500 {
        if FileManager.default.fileExists(atPath: path) { return }
        try await Task.sleep(for: .milliseconds(5))
    }
    throw RPCError(code: .unavailable, message: "server socket \(path) never appeared")
}

/// A client for the socket at `path` for the duration of `body`.
func withTestClient<T: Sendable>(
    _ path: String,
    configuration: UnixSocketTransportConfiguration = .default,
    _ body: (GRPCClient<UnixSocketClientTransport>) async throws -> T
) async throws -> T {
    try await withGRPCClient(transport: UnixSocketClientTransport(path: path, configuration: configuration)) { client in
        try await body(client)
    }
}
