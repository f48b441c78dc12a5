public import GRPCCore
public import ServiceLifecycle
public import UnixSocketTransport

/// A long-lived client of another service, run as a `Service` in the caller's `ServiceGroup`: it
/// keeps the connection to `<runtime>/<name>.sock` (reconnecting when that service restarts)
/// and closes it after the caller's own RPC server has drained.
public final class ServiceConnection: Service, Sendable {
    public let client: GRPCClient<UnixSocketClientTransport>
    public let service: ServiceName

    public init(
        _ service: ServiceName, paths: RuntimePaths, configuration: UnixSocketTransportConfiguration = .default, interceptors: [any ClientInterceptor] = []
    ) {
        self.service = service
        client = GRPCClient(transport: UnixSocketClientTransport(path: paths.socketPath(for: service), configuration: configuration), interceptors: interceptors)
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await client.runConnections()
        } onGracefulShutdown: {
            self.client.beginGracefulShutdown()
        }
    }
}
