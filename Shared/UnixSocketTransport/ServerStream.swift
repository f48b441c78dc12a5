import GRPCCore
import NIOCore
import Synchronization

/// One call on a server connection: its inbound parts, its cancellation, and its outbound frames.
final class ServerStream: Sendable {
    private struct State {
        var handle: ServerContext.RPCCancellationHandle?
        var cancelled = false
        var inboundEnded = false
        var statusSent = false
        var deadline: Scheduled<Void>?
    }

    let id: UInt32
    let descriptor: MethodDescriptor
    let inbox: StreamInbox
    private let outbox: Outbox
    private let configuration: UnixSocketTransportConfiguration
    private let state = Mutex(State())

    init(id: UInt32, descriptor: MethodDescriptor, outbox: Outbox, budget: InboundBudget, configuration: UnixSocketTransportConfiguration) {
        self.id = id
        self.descriptor = descriptor
        self.inbox = StreamInbox(budget: budget)
        self.outbox = outbox
        self.configuration = configuration
    }

    // MARK: Cancellation

    /// Links the RPC's cancellation handle; cancels it at once if the call was already cancelled.
    func attach(_ handle: ServerContext.RPCCancellationHandle) {
        let cancelled = state.withLock { state -> Bool in
            state.handle = handle
            return state.cancelled
        }
        if cancelled { handle.cancel() }
    }

    /// The client cancelled, or its connection went away: the handler sees `context.cancellation`
    /// fire and reading further requests fails with `error`.
    func cancel(with error: RPCError) {
        let handle = state.withLock { state -> ServerContext.RPCCancellationHandle? in
            state.cancelled = true
            return state.handle
        }
        handle?.cancel()
        inbox.fail(error)
    }

    /// Enforces the deadline the client sent: when it passes, the client gets
    /// `deadlineExceeded` whatever the handler does afterwards, and the handler is cancelled.
    func enforceDeadline(microseconds: UInt64, on eventLoop: any EventLoop) {
        let timer = eventLoop.scheduleTask(in: .microseconds(Int64(clamping: microseconds))) { [weak self] () -> Void in
            self?.deadlinePassed(after: microseconds)
        }
        state.withLock { $0.deadline = timer }
    }

    private func deadlinePassed(after microseconds: UInt64) {
        let milliseconds = Double(microseconds) / 1_000
        sendStatus(
            Status(code: .deadlineExceeded, message: "The call's deadline of \(milliseconds) ms passed before the service answered."),
            trailers: [:]
        )
        let handle = state.withLock { state -> ServerContext.RPCCancellationHandle? in
            state.cancelled = true
            return state.handle
        }
        handle?.cancel()
    }

    /// The handler returned: the deadline no longer matters.
    func handlerFinished() {
        state.withLock { state in
            state.deadline?.cancel()
            state.deadline = nil
        }
    }

    // MARK: Inbound (event loop)

    /// Returns `false` if the client already ended its side of the stream.
    func receiveMessage(_ payload: ByteBuffer, compressed: Bool) -> Bool {
        guard !state.withLock({ $0.inboundEnded }) else { return false }
        inbox.yield(.message(payload, compressed: compressed))
        return true
    }

    func receiveEnd() -> Bool {
        let wasEnded = state.withLock { state -> Bool in
            defer { state.inboundEnded = true }
            return state.inboundEnded
        }
        guard !wasEnded else { return false }
        inbox.finish()
        return true
    }

    // MARK: Outbound (handler task)

    func send(_ part: RPCResponsePart<[UInt8]>) async throws {
        switch part {
        case .metadata(let metadata):
            guard !state.withLock({ $0.statusSent }) else { return }
            outbox.send { buffer in
                buffer.writeFrame(streamID: id, kind: .headers) { FramePayloads.writeMetadata(metadata, into: &$0) }
            }
        case .message(let message):
            guard !state.withLock({ $0.statusSent }) else { return }
            let (payload, flags) = try MessagePayload.encode(message, configuration: configuration)
            outbox.send { buffer in
                buffer.writeFrame(streamID: id, kind: .message, flags: flags) { $0.writeBytes(payload) }
            }
            await outbox.waitUntilWritable()
        case .status(let status, let trailers):
            sendStatus(status, trailers: trailers)
        }
    }

    /// Sends the final status unless one was already sent.
    func sendStatus(_ status: Status, trailers: Metadata) {
        let first = state.withLock { state -> Bool in
            defer { state.statusSent = true }
            return !state.statusSent
        }
        guard first else { return }
        outbox.send { buffer in
            buffer.writeFrame(streamID: id, kind: .status) { FramePayloads.writeStatus(status, trailers: trailers, into: &$0) }
        }
    }
}

/// The outbound writer GRPCCore's server writes a call's response parts to.
struct ServerStreamWriter: ClosableRPCWriterProtocol {
    typealias Element = RPCResponsePart<[UInt8]>

    let stream: ServerStream

    func write(_ element: Element) async throws {
        try await stream.send(element)
    }

    func write(contentsOf elements: some Sequence<Element>) async throws {
        for element in elements { try await stream.send(element) }
    }

    func finish() async {}

    func finish(throwing error: any Error) async {
        let rpcError = (error as? RPCError) ?? RPCError(code: .internalError, message: "The service failed: \(error)")
        stream.sendStatus(Status(code: Status.Code(rpcError.code), message: rpcError.message), trailers: rpcError.metadata)
    }
}

/// The request parts of one server call, as GRPCCore reads them.
struct ServerInboundSequence: AsyncSequence, Sendable {
    typealias Element = RPCRequestPart<[UInt8]>
    typealias Failure = any Error

    let inbox: StreamInbox
    let configuration: UnixSocketTransportConfiguration

    struct AsyncIterator: AsyncIteratorProtocol {
        let inbox: StreamInbox
        let configuration: UnixSocketTransportConfiguration

        mutating func next() async throws -> Element? {
            guard let item = try await inbox.next() else { return nil }
            switch item {
            case .metadata(let metadata):
                return .metadata(metadata)
            case .message(let payload, let compressed):
                return .message(try MessagePayload.decode(payload, compressed: compressed, configuration: configuration))
            case .status:
                throw RPCError(code: .internalError, message: "A client sent a status frame.")
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(inbox: inbox, configuration: configuration)
    }
}
