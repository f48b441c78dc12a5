import GRPCCore
import NIOCore
import Synchronization

/// One call on a client connection. It gets its stream id when its OPEN frame is written, so
/// ids reach the server in increasing order however calls race.
final class ClientStream: Sendable {
    private struct State {
        var id: UInt32?
        var statusReceived = false
        var ended = false
        var cancelSent = false
    }

    let descriptor: MethodDescriptor
    let inbox: StreamInbox
    private let state = Mutex(State())

    init(descriptor: MethodDescriptor) {
        self.descriptor = descriptor
        self.inbox = StreamInbox(budget: nil)
    }

    var id: UInt32? { state.withLock { $0.id } }

    func assign(id: UInt32) {
        state.withLock { $0.id = id }
    }

    /// Records that the client half-closed or cancelled; `false` if it already had.
    func markEnded() -> Bool {
        state.withLock { state in
            defer { state.ended = true }
            return !state.ended
        }
    }

    /// Whether a CANCEL frame should be sent now: the call has no status yet and was not
    /// cancelled before.
    func shouldSendCancel() -> Bool {
        state.withLock { state in
            guard state.id != nil, !state.statusReceived, !state.cancelSent else { return false }
            state.cancelSent = true
            return true
        }
    }

    /// Delivers a frame from the server (event loop).
    func receive(_ frame: Frame) throws(TransportProtocolError) {
        switch frame.kind {
        case .headers:
            do {
                var payload = frame.payload
                inbox.yield(.metadata(try FramePayloads.readMetadata(from: &payload)))
            } catch {
                throw .malformedPayload(.headers, streamID: frame.streamID, reason: error.reason)
            }
        case .message:
            inbox.yield(.message(frame.payload, compressed: frame.flags.contains(.compressed)))
        case .status:
            do {
                let (status, trailers) = try FramePayloads.readStatus(from: frame.payload)
                state.withLock { $0.statusReceived = true }
                inbox.yield(.status(status, trailers))
                inbox.finish()
            } catch {
                throw .malformedPayload(.status, streamID: frame.streamID, reason: error.reason)
            }
        case .open, .end, .cancel, .goAway:
            throw .unexpectedFrame(frame.kind, streamID: frame.streamID, reason: "a server does not send this kind of frame on a stream")
        }
    }

    /// Whether the call ended with a status from the server.
    var isComplete: Bool { state.withLock { $0.statusReceived } }
}

/// The outbound writer GRPCCore's client writes a call's request parts to.
struct ClientStreamWriter: ClosableRPCWriterProtocol {
    typealias Element = RPCRequestPart<[UInt8]>

    let stream: ClientStream
    let connection: ClientConnection
    let configuration: UnixSocketTransportConfiguration

    func write(_ element: Element) async throws {
        do {
            try await send(element)
        } catch {
            // The response side must end too, or a task reading it would wait forever.
            stream.inbox.fail(error)
            throw error
        }
    }

    private func send(_ element: Element) async throws {
        switch element {
        case .metadata(let metadata):
            try connection.open(stream, metadata: metadata)
        case .message(let message):
            guard let id = stream.id else {
                throw RPCError(code: .internalError, message: "A message was written before the call's metadata.")
            }
            let (payload, flags) = try MessagePayload.encode(message, configuration: configuration)
            guard connection.outbox.send({ $0.writeFrame(streamID: id, kind: .message, flags: flags) { $0.writeBytes(payload) } }) else {
                throw connection.lostError
            }
            await connection.outbox.waitUntilWritable()
        }
    }

    func write(contentsOf elements: some Sequence<Element>) async throws {
        for element in elements { try await write(element) }
    }

    func finish() async {
        guard let id = stream.id, stream.markEnded() else { return }
        connection.outbox.send { $0.writeFrame(streamID: id, kind: .end) }
    }

    func finish(throwing error: any Error) async {
        connection.abandon(stream)
        stream.inbox.fail(RPCError(code: .cancelled, message: "The call was abandoned: \(error)"))
    }
}

/// The response parts of one client call, as GRPCCore reads them.
struct ClientInboundSequence: AsyncSequence, Sendable {
    typealias Element = RPCResponsePart<[UInt8]>
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
            case .status(let status, let trailers):
                return .status(status, trailers)
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(inbox: inbox, configuration: configuration)
    }
}
