public import GRPCCore
import HealthContract
public import ServiceLifecycle
public import UnixSocketTransport

/// Runs a `GRPCServer` as a `Service`: serves until graceful shutdown, then drains.
public struct GRPCServerService: Service {
    public let server: GRPCServer<UnixSocketServerTransport>
    private let health: HealthService?

    public init(server: GRPCServer<UnixSocketServerTransport>, health: HealthService?) {
        self.server = server
        self.health = health
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await server.serve()
        } onGracefulShutdown: { [server, health] in
            health?.update(status: .draining)
            server.beginGracefulShutdown()
        }
    }
}
