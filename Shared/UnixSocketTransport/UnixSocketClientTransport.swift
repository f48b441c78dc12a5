public import GRPCCore
public import Logging
public import NIOCore
import NIOPosix
import Synchronization

/// A GRPCCore `ClientTransport` that calls a server on a Unix domain socket, multiplexing all
/// calls on one connection.
///
/// `connect()` keeps the connection up: when the server goes away (restart, crash, GOAWAY) it
/// reconnects with backoff, and a call made while the server is unreachable triggers an immediate
/// attempt, failing with `unavailable` only if that attempt fails too.
///
/// ```swift
/// let transport = UnixSocketClientTransport(path: "/run/einvoice/signing.sock")
/// try await withGRPCClient(transport: transport) { client in ... }
/// ```
public final class UnixSocketClientTransport: ClientTransport, Sendable {
    public typealias Bytes = [UInt8]

    public let path: String
    public let retryThrottle: RetryThrottle?
    private let configuration: UnixSocketTransportConfiguration
    private let serviceConfig: ServiceConfig
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        enum Phase {
            case notStarted
            case connecting
            case ready(ClientConnection)
            case backingOff(any Error)
            case shutDown
        }
        var phase = Phase.notStarted
        /// Calls waiting for a connection, with the first attempt each may be failed by: an attempt
        /// that began before a call arrived must not fail it (the server may be back by now).
        var waiters: [Int: (firstAttempt: Int, continuation: UnsafeContinuation<ClientConnection, any Error>)] = [:]
        /// The number of the latest connection attempt.
        var attempt = 0
        var nextWaiterID = 0
        var sleeper: (generation: Int, continuation: UnsafeContinuation<Void, Never>)?
        var sleepGeneration = 0
        var shutdownRequested = false
        /// Every connection not yet closed, including ones draining after GOAWAY.
        var connections: [ObjectIdentifier: ClientConnection] = [:]
    }

    public init(
        path: String,
        configuration: UnixSocketTransportConfiguration = .default,
        serviceConfig: ServiceConfig = ServiceConfig(),
        eventLoopGroup: (any EventLoopGroup)? = nil,
        logger: Logger = Logger(label: "einvoice.transport.client")
    ) {
        self.path = path
        self.configuration = configuration
        self.serviceConfig = serviceConfig
        self.retryThrottle = serviceConfig.retryThrottling.map { RetryThrottle(policy: $0) }
        self.group = eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton
        var logger = logger
        logger[metadataKey: "socket.path"] = "\(path)"
        self.logger = logger
    }

    // MARK: ClientTransport

    public func connect() async throws {
        await withTaskCancellationHandler {
            await runConnectionLoop()
        } onCancel: {
            self.beginGracefulShutdown()
        }
    }

    public func beginGracefulShutdown() {
        let (waiters, sleeper, connections) = state.withLock {
            state -> ([UnsafeContinuation<ClientConnection, any Error>], UnsafeContinuation<Void, Never>?, [ClientConnection]) in
            state.shutdownRequested = true
            state.phase = .shutDown
            defer {
                state.waiters.removeAll()
                state.sleeper = nil
            }
            return (state.waiters.values.map(\.continuation), state.sleeper?.continuation, Array(state.connections.values))
        }
        let error = RPCError(code: .unavailable, message: "The client for \(path) is shutting down.")
        for waiter in waiters { waiter.resume(throwing: error) }
        sleeper?.resume()
        for connection in connections { connection.beginDraining() }
    }

    public func withStream<T: Sendable>(
        descriptor: MethodDescriptor,
        options: CallOptions,
        _ closure: (RPCStream<Inbound, Outbound>, ClientContext) async throws -> T
    ) async throws -> T {
        let connection = try await readyConnection()
        let stream = ClientStream(descriptor: descriptor)
        defer { connection.abandon(stream) }
        let rpcStream = RPCStream(
            descriptor: descriptor,
            inbound: RPCAsyncSequence<RPCResponsePart<[UInt8]>, any Error>(
                wrapping: ClientInboundSequence(inbox: stream.inbox, configuration: configuration)
            ),
            outbound: RPCWriter.Closable(wrapping: ClientStreamWriter(stream: stream, connection: connection, configuration: configuration))
        )
        let peer = "unix:\(path)"
        return try await closure(rpcStream, ClientContext(descriptor: descriptor, remotePeer: peer, localPeer: peer))
    }

    public func config(forMethod descriptor: MethodDescriptor) -> MethodConfig? {
        let exact = MethodConfig.Name(service: descriptor.service.fullyQualifiedService, method: descriptor.method)
        let service = MethodConfig.Name(service: descriptor.service.fullyQualifiedService, method: "")
        let global = MethodConfig.Name(service: "", method: "")
        for name in [exact, service, global] {
            if let config = serviceConfig.methodConfig.first(where: { $0.names.contains(name) }) { return config }
        }
        return nil
    }

    // MARK: Connection management

    /// A connection that takes new calls, waiting for (or triggering) a connection attempt.
    private func readyConnection() async throws -> ClientConnection {
        if case .ready(let connection) = state.withLock({ $0.phase }), connection.isUsable {
            return connection
        }
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<ClientConnection, any Error>) in
                enum Outcome { case ready(ClientConnection), fail(any Error), wait(wake: UnsafeContinuation<Void, Never>?) }
                let outcome = state.withLock { state -> Outcome in
                    if Task.isCancelled { return .fail(RPCError(code: .cancelled, message: "The call was cancelled while connecting.")) }
                    switch state.phase {
                    case .ready(let connection) where connection.isUsable:
                        return .ready(connection)
                    case .shutDown:
                        return .fail(RPCError(code: .unavailable, message: "The client for \(path) is shut down."))
                    case .backingOff:
                        state.waiters[id] = (state.attempt + 1, continuation)
                        // Try again now rather than at the end of the backoff.
                        defer { state.sleeper = nil }
                        return .wait(wake: state.sleeper?.continuation)
                    case .notStarted, .connecting, .ready:
                        state.waiters[id] = (state.attempt + 1, continuation)
                        return .wait(wake: nil)
                    }
                }
                switch outcome {
                case .ready(let connection): continuation.resume(returning: connection)
                case .fail(let error): continuation.resume(throwing: error)
                case .wait(let wake): wake?.resume()
                }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation
                .resume(throwing: RPCError(code: .cancelled, message: "The call was cancelled while connecting to \(path)."))
        }
    }

    private func runConnectionLoop() async {
        var backoff = Duration.milliseconds(20)
        while true {
            let attempt = state.withLock { state -> Int? in
                guard !state.shutdownRequested else { return nil }
                state.phase = .connecting
                state.attempt += 1
                return state.attempt
            }
            guard let attempt else { break }
            do {
                let connection = try await makeConnection()
                let connectedAt = ContinuousClock.now
                let (waiters, shutDown) = state.withLock { state -> ([UnsafeContinuation<ClientConnection, any Error>], Bool) in
                    state.connections[ObjectIdentifier(connection)] = connection
                    guard !state.shutdownRequested else { return ([], true) }
                    state.phase = .ready(connection)
                    defer { state.waiters.removeAll() }
                    return (state.waiters.values.map(\.continuation), false)
                }
                if shutDown { connection.beginDraining() }
                for waiter in waiters { waiter.resume(returning: connection) }
                await connection.waitUntilUnusable()
                // A server that accepts and at once hangs up (a peer-credential refusal, a crash
                // loop) must not make this loop spin: back off unless the connection lasted.
                if ContinuousClock.now - connectedAt > .seconds(1) {
                    backoff = .milliseconds(20)
                } else {
                    await sleep(for: backoff)
                    backoff = min(backoff * 2, .seconds(1))
                }
            } catch {
                let message = ConnectError.describe(error, path: path)
                let waiters = state.withLock { state -> [UnsafeContinuation<ClientConnection, any Error>] in
                    if !state.shutdownRequested { state.phase = .backingOff(error) }
                    // Calls that arrived after this attempt began get an attempt of their own.
                    let failed = state.waiters.filter { $0.value.firstAttempt <= attempt }
                    for id in failed.keys { state.waiters.removeValue(forKey: id) }
                    return failed.values.map(\.continuation)
                }
                let failure = RPCError(code: .unavailable, message: message, cause: error)
                for waiter in waiters { waiter.resume(throwing: failure) }
                logger.debug("Connection attempt failed", metadata: ["error": "\(message)"])
                await sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(1))
            }
        }
        // Shut down: wait for every connection to finish its calls and close.
        let connections = state.withLock { Array($0.connections.values) }
        for connection in connections {
            connection.beginDraining()
            try? await connection.channel.closeFuture.get()
        }
    }

    private func makeConnection() async throws -> ClientConnection {
        let (path, configuration, logger) = (self.path, self.configuration, self.logger)
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let connection = ClientConnection(channel: channel, path: path, logger: logger)
                    try channel.pipeline.syncOperations.addHandler(
                        ClientConnectionHandler(connection: connection, maxFrameSize: configuration.maxFrameSize, logger: logger)
                    )
                }
            }
            .connect(unixDomainSocketPath: path)
            .get()
        let connection = try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self).connection
        }.get()
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLock { _ = $0.connections.removeValue(forKey: ObjectIdentifier(connection)) }
        }
        return connection
    }

    /// Sleeps for `duration`, or until a call wakes the loop to try again at once.
    private func sleep(for duration: Duration) async {
        let generation = state.withLock { state -> Int in
            state.sleepGeneration += 1
            return state.sleepGeneration
        }
        let timer = group.next().scheduleTask(in: .nanoseconds(Int64(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000))) {
            [weak self] in self?.wake(generation: generation)
        }
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.shutdownRequested || !state.waiters.isEmpty { return true }
                state.sleeper = (generation, continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timer.cancel()
    }

    private func wake(generation: Int) {
        let sleeper = state.withLock { state -> UnsafeContinuation<Void, Never>? in
            guard let sleeper = state.sleeper, sleeper.generation == generation else { return nil }
            state.sleeper = nil
            return sleeper.continuation
        }
        sleeper?.resume()
    }
}
