public import GRPCCore
public import Logging
public import NIOCore
import NIOPosix
import Synchronization

/// A GRPCCore `ServerTransport` that serves calls on a Unix domain socket, with the
/// length-prefixed framing described in `protocols/WIRE.md`.
///
/// Many calls share one connection; each is a stream of frames with its own id. The socket file
/// gets `socketMode`; peers whose credentials the `peerPolicy` does not allow are disconnected
/// before they can send a byte. On graceful shutdown the transport stops accepting, tells every
/// client (GOAWAY), lets the calls in flight finish, and removes its socket file.
///
/// ```swift
/// let transport = UnixSocketServerTransport(path: "/run/einvoice/signing.sock")
/// let server = GRPCServer(transport: transport, services: [SigningService()])
/// try await server.serve()
/// ```
public final class UnixSocketServerTransport: ServerTransport, Sendable {
    public typealias Bytes = [UInt8]

    public let path: String
    private let configuration: UnixSocketTransportConfiguration
    private let peerPolicy: PeerPolicy
    private let socketMode: UInt32
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        enum Phase { case idle, listening(any Channel), stopping, stopped }
        var phase = Phase.idle
        var connections: [ObjectIdentifier: ServerConnection] = [:]
        var accepted: AsyncStream<(ServerConnection, ServerStream)>.Continuation?
        var socketInode: UInt64?
        var shutdownRequested = false
    }

    public init(
        path: String,
        configuration: UnixSocketTransportConfiguration = .default,
        peerPolicy: PeerPolicy = .sameUser,
        socketMode: UInt32 = 0o660,
        eventLoopGroup: (any EventLoopGroup)? = nil,
        logger: Logger = Logger(label: "einvoice.transport.server")
    ) {
        self.path = path
        self.configuration = configuration
        self.peerPolicy = peerPolicy
        self.socketMode = socketMode
        self.group = eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton
        var logger = logger
        logger[metadataKey: "socket.path"] = "\(path)"
        self.logger = logger
    }

    /// Checks that `path` can be served: refuses a socket a live process holds, removes a stale
    /// one. `listen` does the same; calling this first gives a clean error before startup.
    public static func preflight(path: String) throws {
        try SocketFile.prepare(path)
    }

    public func listen(
        streamHandler: @escaping @Sendable (RPCStream<Inbound, Outbound>, ServerContext) async -> Void
    ) async throws {
        let (acceptedStreams, continuation) = AsyncStream<(ServerConnection, ServerStream)>.makeStream()
        let proceed = state.withLock { state -> Bool in
            guard case .idle = state.phase, !state.shutdownRequested else { return false }
            state.accepted = continuation
            return true
        }
        guard proceed else {
            continuation.finish()
            throw RPCError(code: .failedPrecondition, message: "The transport for \(path) is already listening or has shut down.")
        }

        let serverChannel: any Channel
        do {
            try SocketFile.prepare(path)
            serverChannel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .childChannelInitializer { [self] channel in self.initialize(channel) }
                .bind(unixDomainSocketPath: path)
                .get()
            do {
                try SocketFile.setMode(path, mode_t(socketMode))
            } catch {
                // Not listening with the mode it was created with.
                try? await serverChannel.close()
                throw error
            }
        } catch {
            state.withLock { $0.phase = .stopped }
            continuation.finish()
            throw RPCError(code: .unavailable, message: "Cannot listen on \(path): \(error)", cause: error)
        }

        let stopEarly = state.withLock { state -> Bool in
            state.socketInode = SocketFile.inode(path)
            if state.shutdownRequested { return true }
            state.phase = .listening(serverChannel)
            return false
        }
        if stopEarly {
            state.withLock { $0.phase = .listening(serverChannel) }
            beginGracefulShutdown()
        }
        logger.debug("Listening")

        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                for await (connection, stream) in acceptedStreams {
                    group.addTask {
                        await self.handle(stream, on: connection, with: streamHandler)
                    }
                }
            }
            try? await serverChannel.closeFuture.get()
        } onCancel: {
            self.closeNow()
        }
        let inode = state.withLock { state -> UInt64? in
            state.phase = .stopped
            return state.socketInode
        }
        SocketFile.remove(path, ifInode: inode)
        logger.debug("Stopped listening")
    }

    private func handle(
        _ stream: ServerStream,
        on connection: ServerConnection,
        with streamHandler: @Sendable (RPCStream<Inbound, Outbound>, ServerContext) async -> Void
    ) async {
        await withServerContextRPCCancellationHandle { handle in
            stream.attach(handle)
            let rpcStream = RPCStream(
                descriptor: stream.descriptor,
                inbound: RPCAsyncSequence<RPCRequestPart<[UInt8]>, any Error>(
                    wrapping: ServerInboundSequence(inbox: stream.inbox, configuration: configuration)
                ),
                outbound: RPCWriter.Closable(wrapping: ServerStreamWriter(stream: stream))
            )
            let context = ServerContext(
                descriptor: stream.descriptor,
                remotePeer: connection.remotePeer,
                localPeer: connection.localPeer,
                cancellation: handle
            )
            await streamHandler(rpcStream, context)
        }
        connection.streamFinished(stream)
    }

    /// Sets up an accepted channel: checks the peer, then installs the frame handler.
    private func initialize(_ channel: any Channel) -> EventLoopFuture<Void> {
        let policy = peerPolicy
        return channel.peerCredentials()
            .map { Optional($0) }
            .flatMapErrorThrowing { error in
                guard policy.allowsAnyone else { throw error }
                return nil
            }
            .flatMapThrowing { [self] (peer: PeerCredentials?) in
                if let peer, !policy.allows(peer) {
                    logger.warning(
                        "Refused a connection from a user the peer policy does not allow",
                        metadata: ["peer.pid": "\(peer.pid)", "peer.uid": "\(peer.uid)", "peer.gid": "\(peer.gid)"]
                    )
                    throw PeerNotAllowed(peer: peer)
                }
                let connection = ServerConnection(
                    channel: channel,
                    path: path,
                    peer: peer,
                    configuration: configuration,
                    logger: logger,
                    accept: { [weak self] connection, stream in self?.accepted(stream, on: connection) },
                    onClose: { [weak self] in self?.connectionClosed($0) }
                )
                try channel.pipeline.syncOperations.addHandler(
                    ServerConnectionHandler(connection: connection, maxFrameSize: configuration.maxFrameSize)
                )
                register(connection)
            }
    }

    /// Hands a new call to the `listen` loop.
    private func accepted(_ stream: ServerStream, on connection: ServerConnection) {
        let continuation = state.withLock { $0.accepted }
        let result = continuation?.yield((connection, stream))
        switch result {
        case .enqueued?:
            return
        default:
            stream.sendStatus(Status(code: .unavailable, message: "The server is shutting down; retry on a new connection."), trailers: [:])
            connection.streamFinished(stream)
        }
    }

    private func register(_ connection: ServerConnection) {
        let drain = state.withLock { state -> Bool in
            state.connections[ObjectIdentifier(connection)] = connection
            switch state.phase {
            case .stopping, .stopped: return true
            case .idle, .listening: return false
            }
        }
        if drain { connection.beginDraining(reason: "The server is shutting down.") }
    }

    private func connectionClosed(_ connection: ServerConnection) {
        let finished = state.withLock { state -> AsyncStream<(ServerConnection, ServerStream)>.Continuation? in
            state.connections.removeValue(forKey: ObjectIdentifier(connection))
            guard case .stopping = state.phase, state.connections.isEmpty else { return nil }
            defer { state.accepted = nil }
            return state.accepted
        }
        finished?.finish()
    }

    public func beginGracefulShutdown() {
        let (serverChannel, connections, finish) = state.withLock {
            state -> ((any Channel)?, [ServerConnection], AsyncStream<(ServerConnection, ServerStream)>.Continuation?) in
            state.shutdownRequested = true
            guard case .listening(let channel) = state.phase else { return (nil, [], nil) }
            state.phase = .stopping
            let connections = Array(state.connections.values)
            guard connections.isEmpty else { return (channel, connections, nil) }
            defer { state.accepted = nil }
            return (channel, [], state.accepted)
        }
        serverChannel?.close(promise: nil)
        for connection in connections {
            connection.beginDraining(reason: "The server is shutting down.")
        }
        finish?.finish()
    }
}

extension UnixSocketServerTransport {
    /// Stops at once, without draining: the listening socket and every connection close, and
    /// every call in flight is cancelled. Used when the serving task is cancelled.
    func closeNow() {
        let (serverChannel, connections, accepted) = state.withLock {
            state -> ((any Channel)?, [ServerConnection], AsyncStream<(ServerConnection, ServerStream)>.Continuation?) in
            state.shutdownRequested = true
            var channel: (any Channel)?
            if case .listening(let listening) = state.phase { channel = listening }
            state.phase = .stopping
            defer { state.accepted = nil }
            return (channel, Array(state.connections.values), state.accepted)
        }
        serverChannel?.close(promise: nil)
        for connection in connections { connection.channel.close(promise: nil) }
        accepted?.finish()
    }
}

struct PeerNotAllowed: Error, CustomStringConvertible {
    var peer: PeerCredentials
    var description: String { "peer \(peer) is not allowed by the socket's peer policy" }
}
