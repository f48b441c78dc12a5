public import GRPCCore
import Logging
public import UnixSocketTransport

/// Calls a service over its socket in the runtime directory.
///
/// ```swift
/// let health = try await withServiceClient(.signing, paths: paths) { client in
///     try await Health.Client(wrapping: client).check()
/// }
/// ```
public func withServiceClient<Result: Sendable>(
    _ service: ServiceName,
    paths: RuntimePaths,
    configuration: UnixSocketTransportConfiguration = .default,
    _ body: (GRPCClient<UnixSocketClientTransport>) async throws -> Result
) async throws -> Result {
    try await withServiceClient(socketPath: paths.socketPath(for: service), configuration: configuration, body)
}

public func withServiceClient<Result: Sendable>(
    socketPath: String,
    configuration: UnixSocketTransportConfiguration = .default,
    _ body: (GRPCClient<UnixSocketClientTransport>) async throws -> Result
) async throws -> Result {
    try RuntimePaths.checkSocketDirectory(of: socketPath)
    let transport = UnixSocketClientTransport(path: socketPath, configuration: configuration)
    return try await withGRPCClient(transport: transport) { client in
        try await body(client)
    }
}
