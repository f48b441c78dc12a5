import GRPCCore
import NIOCore
import Synchronization

/// What arrives for one call, buffered until the call's task asks for it. The event loop
/// produces; exactly one task consumes.
final class StreamInbox: Sendable {
    enum Item: Sendable {
        case metadata(Metadata)
        case message(ByteBuffer, compressed: Bool)
        case status(Status, Metadata)
    }

    private struct State {
        var items = CircularBuffer<Item>(initialCapacity: 4)
        var end: Result<Void, any Error>?
        var waiter: UnsafeContinuation<Item?, any Error>?
        var cancelledWhileWaiting = false
    }

    private let state = Mutex(State())
    private let budget: InboundBudget?

    init(budget: InboundBudget?) {
        self.budget = budget
    }

    /// Buffers `item`, or hands it straight to a waiting consumer.
    func yield(_ item: Item) {
        if case .message(let buffer, _) = item { budget?.acquire(buffer.readableBytes) }
        let waiter = state.withLock { state -> UnsafeContinuation<Item?, any Error>? in
            guard state.end == nil else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.items.append(item)
            return nil
        }
        if let waiter {
            consumed(item)
            waiter.resume(returning: item)
        }
    }

    /// No more items will come; buffered ones are still delivered.
    func finish() {
        end(with: .success(()))
    }

    /// The stream failed: buffered items are dropped and the consumer gets `error`.
    func fail(_ error: any Error) {
        end(with: .failure(error))
    }

    private func end(with result: Result<Void, any Error>) {
        let (waiter, dropped) = state.withLock { state -> (UnsafeContinuation<Item?, any Error>?, CircularBuffer<Item>) in
            guard state.end == nil else { return (nil, []) }
            state.end = result
            var dropped = CircularBuffer<Item>()
            if case .failure = result {
                dropped = state.items
                state.items.removeAll()
            }
            let waiter = state.waiter
            state.waiter = nil
            return (waiter, dropped)
        }
        for item in dropped { consumed(item) }
        switch result {
        case .success: waiter?.resume(returning: nil)
        case .failure(let error): waiter?.resume(throwing: error)
        }
    }

    /// The next item; `nil` once finished. Throws the failure, or `RPCError(.cancelled)` if the
    /// consuming task is cancelled while it waits.
    func next() async throws -> Item? {
        enum Fast { case item(Item), end(Result<Void, any Error>), wait }
        let fast = state.withLock { state -> Fast in
            if let item = state.items.popFirst() { return .item(item) }
            if let end = state.end { return .end(end) }
            return .wait
        }
        switch fast {
        case .item(let item):
            consumed(item)
            return item
        case .end(let end):
            try end.get()
            return nil
        case .wait:
            break
        }
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Item?, any Error>) in
                enum Outcome { case item(Item), end(Result<Void, any Error>), cancelled, parked }
                let outcome = state.withLock { state -> Outcome in
                    if let item = state.items.popFirst() { return .item(item) }
                    if let end = state.end { return .end(end) }
                    if state.cancelledWhileWaiting {
                        state.cancelledWhileWaiting = false
                        return .cancelled
                    }
                    state.waiter = continuation
                    return .parked
                }
                switch outcome {
                case .item(let item):
                    consumed(item)
                    continuation.resume(returning: item)
                case .end(.success):
                    continuation.resume(returning: nil)
                case .end(.failure(let error)):
                    continuation.resume(throwing: error)
                case .cancelled:
                    continuation.resume(throwing: RPCError(code: .cancelled, message: "The call was cancelled."))
                case .parked:
                    break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> UnsafeContinuation<Item?, any Error>? in
                guard let waiter = state.waiter else {
                    state.cancelledWhileWaiting = true
                    return nil
                }
                state.waiter = nil
                return waiter
            }
            waiter?.resume(throwing: RPCError(code: .cancelled, message: "The call was cancelled."))
        }
    }

    private func consumed(_ item: Item) {
        if case .message(let buffer, _) = item { budget?.release(buffer.readableBytes) }
    }
}
