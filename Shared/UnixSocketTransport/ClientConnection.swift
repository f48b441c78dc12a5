import GRPCCore
import Logging
import NIOCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One connection from a client to a server socket, carrying many calls.
final class ClientConnection: Sendable {
    private struct State {
        var streams: [UInt32: ClientStream] = [:]
        var nextStreamID: UInt32 = 1
        /// Set once the server said GOAWAY or the client is shutting down: no new calls.
        var draining = false
        var closed = false
        var unusableWaiters: [UnsafeContinuation<Void, Never>] = []
    }

    let channel: any Channel
    let outbox: Outbox
    let path: String
    private let logger: Logger
    private let state = Mutex(State())

    init(channel: any Channel, path: String, logger: Logger) {
        self.channel = channel
        self.outbox = Outbox(channel: channel)
        self.path = path
        self.logger = logger
    }

    var isUsable: Bool { state.withLock { !$0.draining && !$0.closed } }

    var lostError: RPCError {
        RPCError(code: .unavailable, message: "The connection to \(path) was lost.")
    }

    // MARK: Calls

    /// Sends the OPEN frame of `stream`, giving it the next stream id.
    func open(_ stream: ClientStream, metadata: Metadata) throws(RPCError) {
        var metadata = metadata
        let timeout = metadata[stringValues: GRPCTimeout.metadataKey].first(where: { _ in true }).flatMap(GRPCTimeout.microseconds(from:)) ?? 0
        metadata.removeAllValues(forKey: GRPCTimeout.metadataKey)
        let failure = state.withLock { state -> RPCError? in
            guard !state.closed else { return lostError }
            guard !state.draining else {
                return RPCError(code: .unavailable, message: "The server at \(path) is shutting down; the call was not started.")
            }
            let id = state.nextStreamID
            state.nextStreamID += 1
            stream.assign(id: id)
            state.streams[id] = stream
            // Enqueued under the lock, so OPEN frames leave in id order.
            outbox.send { buffer in
                buffer.writeFrame(streamID: id, kind: .open) {
                    FramePayloads.writeOpen(method: stream.descriptor, timeoutMicroseconds: timeout, metadata: metadata, into: &$0)
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// The call is over from the caller's side (finished, cancelled or past its deadline): if
    /// the server has not completed it, tell the server to stop.
    func abandon(_ stream: ClientStream) {
        guard let id = stream.id else { return }
        if stream.shouldSendCancel() {
            outbox.send { $0.writeFrame(streamID: id, kind: .cancel) }
        }
        remove(stream)
    }

    private func remove(_ stream: ClientStream) {
        guard let id = stream.id else { return }
        let closeNow = state.withLock { state -> Bool in
            state.streams.removeValue(forKey: id)
            return state.draining && state.streams.isEmpty && !state.closed
        }
        if closeNow { outbox.flushThenClose() }
    }

    // MARK: Frames from the server (event loop)

    func receive(_ frame: Frame) throws(TransportProtocolError) {
        if frame.kind == .goAway {
            let goAway: (lastStreamID: UInt32, reason: String)
            do {
                goAway = try FramePayloads.readGoAway(from: frame.payload)
            } catch {
                throw .malformedPayload(.goAway, streamID: frame.streamID, reason: error.reason)
            }
            receiveGoAway(lastStreamID: goAway.lastStreamID, reason: goAway.reason)
            return
        }
        let stream = state.withLock { $0.streams[frame.streamID] }
        // A frame for a call the client already abandoned is expected and dropped.
        try stream?.receive(frame)
        if frame.kind == .status, let stream { remove(stream) }
    }

    private func receiveGoAway(lastStreamID: UInt32, reason: String) {
        logger.debug("The server sent GOAWAY", metadata: ["reason": "\(reason)"])
        let (refused, waiters, idle) = state.withLock { state -> ([ClientStream], [UnsafeContinuation<Void, Never>], Bool) in
            state.draining = true
            let refused = state.streams.filter { $0.key > lastStreamID }
            for id in refused.keys { state.streams.removeValue(forKey: id) }
            defer { state.unusableWaiters.removeAll() }
            return (Array(refused.values), state.unusableWaiters, state.streams.isEmpty)
        }
        for stream in refused {
            stream.inbox.fail(RPCError(code: .unavailable, message: "The server at \(path) shut down before starting the call (\(reason)); it is safe to retry."))
        }
        for waiter in waiters { waiter.resume() }
        if idle { outbox.flushThenClose() }
    }

    /// Stops new calls and closes once the current ones finish.
    func beginDraining() {
        let (waiters, idle) = state.withLock { state -> ([UnsafeContinuation<Void, Never>], Bool) in
            state.draining = true
            defer { state.unusableWaiters.removeAll() }
            return (state.unusableWaiters, state.streams.isEmpty)
        }
        for waiter in waiters { waiter.resume() }
        if idle { outbox.flushThenClose() }
    }

    /// The channel closed: every call still open fails with `unavailable`.
    func closed(reason: String?) {
        let (streams, waiters) = state.withLock { state -> ([ClientStream], [UnsafeContinuation<Void, Never>]) in
            state.closed = true
            state.draining = true
            defer {
                state.streams.removeAll()
                state.unusableWaiters.removeAll()
            }
            return (Array(state.streams.values), state.unusableWaiters)
        }
        outbox.close()
        let error = RPCError(code: .unavailable, message: "The connection to \(path) was lost" + (reason.map { ": \($0)" } ?? "."))
        for stream in streams { stream.inbox.fail(error) }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the connection takes no new calls (closed, draining, or told to go away).
    func waitUntilUnusable() async {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.draining || state.closed { return true }
                state.unusableWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}

/// Reads frames off one client connection on its event loop.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let connection: ClientConnection
    private let processor: NIOSingleStepByteToMessageProcessor<FrameDecoder>
    private let logger: Logger
    private var failure: String?

    init(connection: ClientConnection, maxFrameSize: Int, logger: Logger) {
        self.connection = connection
        self.processor = NIOSingleStepByteToMessageProcessor(FrameDecoder(maxFrameSize: maxFrameSize, expectingPreface: false))
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        connection.outbox.send { $0.writeBytes(Frame.preface) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        do {
            try processor.process(buffer: Self.unwrapInboundIn(data)) { frame in try connection.receive(frame) }
        } catch {
            fail(context: context, error)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.closed(reason: failure)
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        connection.outbox.writabilityChanged(context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, error)
    }

    private func fail(context: ChannelHandlerContext, _ error: any Error) {
        guard failure == nil else { return }
        failure = "\(error)"
        // A server that restarts or goes away resets its connections; that is routine.
        let routine = (error as? IOError).map { [ECONNRESET, EPIPE].contains($0.errnoCode) } ?? false
        logger.log(level: routine ? .debug : .warning, "Closing a connection after an error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}
