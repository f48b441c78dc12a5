import Foundation
public import GRPCCore
import HealthContract
public import Logging
public import ServiceLifecycle
public import UnixSocketTransport
import UnixSignals

/// What a service library hands the runner: its RPC services and any background work.
public struct ServiceParts: Sendable {
    public var rpcServices: [any RegistrableRPCService]
    /// Long-lived work (queues, schedulers, databases) run in the same `ServiceGroup`. They are
    /// started first and shut down after the RPC server has drained.
    public var background: [any Service]

    public init(rpcServices: [any RegistrableRPCService], background: [any Service] = []) {
        self.rpcServices = rpcServices
        self.background = background
    }
}

/// Everything a service's builder gets: where to keep its files, a logger, its health reporter.
public struct ServiceContext: Sendable {
    public var name: ServiceName
    public var paths: RuntimePaths
    public var logger: Logger
    public var health: HealthService

    public init(name: ServiceName, paths: RuntimePaths, logger: Logger, health: HealthService) {
        self.name = name
        self.paths = paths
        self.logger = logger
        self.health = health
    }
}

/// The shared bootstrap of every einvoice executable: logging, directories, the socket with its
/// mode and peer check, a `ServiceGroup` that drains on SIGTERM/SIGINT, and the health RPC.
///
/// An executable's `main` is a few lines:
/// ```swift
/// try await ServiceRunner(name: .signing, options: options).run { context in
///     try SigningServiceBuilder.make(context)
/// }
/// ```
public struct ServiceRunner: Sendable {
    public let name: ServiceName
    public let options: ServiceOptions
    public var transportConfiguration: UnixSocketTransportConfiguration

    public init(name: ServiceName, options: ServiceOptions, transportConfiguration: UnixSocketTransportConfiguration = .default) {
        self.name = name
        self.options = options
        self.transportConfiguration = transportConfiguration
    }

    public func run(_ build: @Sendable (ServiceContext) async throws -> ServiceParts) async throws {
        LoggingSystem.bootstrapEInvoice(level: options.logLevel)
        var logger = Logger(label: name.rawValue)
        let paths = options.paths
        do {
            try paths.prepare()
        } catch {
            logger.critical("Cannot prepare the runtime and data directories", metadata: ["error": "\(error)"])
            throw error
        }
        let socketPath = paths.socketPath(for: name)
        logger[metadataKey: "pid"] = "\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try UnixSocketServerTransport.preflight(path: socketPath)
        } catch {
            logger.critical("Cannot serve on the socket", metadata: ["error": "\(error)"])
            throw error
        }

        let health = HealthService(service: name.rawValue, details: ["socket": socketPath, "data_dir": paths.dataDirectory])
        let parts = try await build(ServiceContext(name: name, paths: paths, logger: logger, health: health))
        let transport = UnixSocketServerTransport(
            path: socketPath,
            configuration: transportConfiguration,
            peerPolicy: options.peerPolicy,
            logger: logger
        )
        let server = GRPCServer(transport: transport, services: parts.rpcServices + [health])
        var configuration = ServiceGroupConfiguration(
            services: parts.background.map { .init(service: $0) } + [.init(service: GRPCServerService(server: server, health: health), serviceName: "rpc")],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(options.shutdownTimeout * 1_000))
        logger.info("Starting", metadata: ["socket.path": "\(socketPath)", "data.dir": "\(paths.dataDirectory)"])
        try await ServiceGroup(configuration: configuration).run()
        logger.info("Stopped")
    }
}
