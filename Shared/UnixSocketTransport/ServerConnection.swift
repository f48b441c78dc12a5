import GRPCCore
import Logging
import NIOCore
import Synchronization

/// One accepted client connection: demultiplexes its frames into calls, and drains on shutdown.
final class ServerConnection: Sendable {
    private struct State {
        var streams: [UInt32: ServerStream] = [:]
        var lastStreamID: UInt32 = 0
        var draining = false
        var closed = false
    }

    let channel: any Channel
    let outbox: Outbox
    let peer: PeerCredentials?
    let remotePeer: String
    let localPeer: String
    private let budget: InboundBudget
    private let configuration: UnixSocketTransportConfiguration
    private let logger: Logger
    private let accept: @Sendable (ServerConnection, ServerStream) -> Void
    private let onClose: @Sendable (ServerConnection) -> Void
    private let state = Mutex(State())

    init(
        channel: any Channel,
        path: String,
        peer: PeerCredentials?,
        configuration: UnixSocketTransportConfiguration,
        logger: Logger,
        accept: @escaping @Sendable (ServerConnection, ServerStream) -> Void,
        onClose: @escaping @Sendable (ServerConnection) -> Void
    ) {
        self.channel = channel
        self.outbox = Outbox(channel: channel)
        self.peer = peer
        self.remotePeer = "unix:\(path)" + (peer.map { " (\($0))" } ?? "")
        self.localPeer = "unix:\(path)"
        self.budget = InboundBudget(limit: configuration.inboundBufferLimit, channel: channel)
        self.configuration = configuration
        var logger = logger
        if let peer {
            logger[metadataKey: "peer.pid"] = "\(peer.pid)"
            logger[metadataKey: "peer.uid"] = "\(peer.uid)"
        }
        self.logger = logger
        self.accept = accept
        self.onClose = onClose
    }

    // MARK: Frames from the client (event loop)

    func receive(_ frame: Frame) throws(TransportProtocolError) {
        switch frame.kind {
        case .open:
            try open(frame)
        case .message:
            guard let stream = try existingStream(frame) else { return }
            guard stream.receiveMessage(frame.payload, compressed: frame.flags.contains(.compressed)) else {
                throw .unexpectedFrame(.message, streamID: frame.streamID, reason: "the client already ended this stream")
            }
        case .end:
            guard let stream = try existingStream(frame) else { return }
            guard stream.receiveEnd() else {
                throw .unexpectedFrame(.end, streamID: frame.streamID, reason: "the client already ended this stream")
            }
        case .cancel:
            guard let stream = try existingStream(frame) else { return }
            stream.cancel(with: RPCError(code: .cancelled, message: "The client cancelled the call."))
        case .headers, .status, .goAway:
            throw .unexpectedFrame(frame.kind, streamID: frame.streamID, reason: "only a server sends this kind of frame")
        }
    }

    private func open(_ frame: Frame) throws(TransportProtocolError) {
        let open: (method: MethodDescriptor, timeoutMicroseconds: UInt64, metadata: Metadata)
        do {
            open = try FramePayloads.readOpen(from: frame.payload)
        } catch {
            throw .malformedPayload(.open, streamID: frame.streamID, reason: error.reason)
        }
        let outcome = state.withLock { state -> Result<ServerStream?, TransportProtocolError> in
            guard frame.streamID > state.lastStreamID else {
                return .failure(.unexpectedFrame(.open, streamID: frame.streamID, reason: "stream ids must increase; the last was \(state.lastStreamID)"))
            }
            state.lastStreamID = frame.streamID
            guard !state.draining, !state.closed else { return .success(nil) }
            let stream = ServerStream(id: frame.streamID, descriptor: open.method, outbox: outbox, budget: budget, configuration: configuration)
            state.streams[frame.streamID] = stream
            return .success(stream)
        }
        guard let stream = try outcome.get() else {
            outbox.send { buffer in
                buffer.writeFrame(streamID: frame.streamID, kind: .status) {
                    FramePayloads.writeStatus(Status(code: .unavailable, message: "The server is shutting down; retry on a new connection."), trailers: [:], into: &$0)
                }
            }
            return
        }
        var metadata = open.metadata
        metadata.removeAllValues(forKey: GRPCTimeout.metadataKey)
        if open.timeoutMicroseconds > 0 {
            metadata.addString(GRPCTimeout.metadataValue(microseconds: open.timeoutMicroseconds), forKey: GRPCTimeout.metadataKey)
            stream.enforceDeadline(microseconds: open.timeoutMicroseconds, on: channel.eventLoop)
        }
        stream.inbox.yield(.metadata(metadata))
        accept(self, stream)
    }

    /// The open stream a frame is for; `nil` for a stream that has already finished (a late
    /// frame, which is harmless). A stream that was never opened is a protocol error.
    private func existingStream(_ frame: Frame) throws(TransportProtocolError) -> ServerStream? {
        let outcome = state.withLock { state -> Result<ServerStream?, TransportProtocolError> in
            if let stream = state.streams[frame.streamID] { return .success(stream) }
            guard frame.streamID != 0, frame.streamID <= state.lastStreamID else {
                return .failure(.unexpectedFrame(frame.kind, streamID: frame.streamID, reason: "this stream was never opened"))
            }
            return .success(nil)
        }
        return try outcome.get()
    }

    // MARK: Lifecycle

    /// The handler of `stream` returned.
    func streamFinished(_ stream: ServerStream) {
        stream.handlerFinished()
        stream.sendStatus(Status(code: .internalError, message: "The service returned without a status."), trailers: [:])
        let closeNow = state.withLock { state -> Bool in
            state.streams.removeValue(forKey: stream.id)
            return state.draining && state.streams.isEmpty && !state.closed
        }
        if closeNow { outbox.flushThenClose() }
    }

    /// Takes no new calls, tells the client so, and closes once the calls in flight are done.
    func beginDraining(reason: String) {
        let (first, lastStreamID, idle) = state.withLock { state -> (Bool, UInt32, Bool) in
            defer { state.draining = true }
            return (!state.draining && !state.closed, state.lastStreamID, state.streams.isEmpty)
        }
        guard first else { return }
        outbox.send { buffer in
            buffer.writeFrame(streamID: 0, kind: .goAway) { FramePayloads.writeGoAway(lastStreamID: lastStreamID, reason: reason, into: &$0) }
        }
        if idle { outbox.flushThenClose() }
    }

    /// The client broke the protocol: say why, then close.
    func protocolViolation(_ error: TransportProtocolError) {
        logger.warning("Closing a connection that broke the wire protocol", metadata: ["error": "\(error)"])
        let lastStreamID = state.withLock { state -> UInt32 in
            state.draining = true
            return state.lastStreamID
        }
        outbox.send { buffer in
            buffer.writeFrame(streamID: 0, kind: .goAway) {
                FramePayloads.writeGoAway(lastStreamID: lastStreamID, reason: "protocol error: \(error)", into: &$0)
            }
        }
        outbox.flushThenClose()
    }

    /// The channel closed, for whatever reason: every call still running is cancelled.
    func closed() {
        let streams = state.withLock { state -> [ServerStream] in
            state.closed = true
            state.draining = true
            defer { state.streams.removeAll() }
            return Array(state.streams.values)
        }
        outbox.close()
        for stream in streams {
            stream.cancel(with: RPCError(code: .unavailable, message: "The client's connection closed."))
        }
        onClose(self)
    }
}

/// Reads frames off one server connection on its event loop.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let connection: ServerConnection
    private let processor: NIOSingleStepByteToMessageProcessor<FrameDecoder>
    private var failed = false

    init(connection: ServerConnection, maxFrameSize: Int) {
        self.connection = connection
        self.processor = NIOSingleStepByteToMessageProcessor(FrameDecoder(maxFrameSize: maxFrameSize, expectingPreface: true))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        do {
            try processor.process(buffer: Self.unwrapInboundIn(data)) { frame in
                try connection.receive(frame)
            }
        } catch {
            fail(error)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !failed {
            do {
                try processor.finishProcessing(seenEOF: true) { frame in try connection.receive(frame) }
            } catch {
                failed = true
                connection.protocolViolation(error as? TransportProtocolError ?? .truncatedFrame(bytes: 0))
            }
        }
        connection.closed()
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        connection.outbox.writabilityChanged(context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
    }

    private func fail(_ error: any Error) {
        guard !failed else { return }
        failed = true
        if let violation = error as? TransportProtocolError {
            connection.protocolViolation(violation)
        } else {
            connection.protocolViolation(.malformedPayload(.message, streamID: 0, reason: "\(error)"))
        }
    }
}
