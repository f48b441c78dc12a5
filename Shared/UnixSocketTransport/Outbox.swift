import NIOCore
import Synchronization

/// The outgoing side of one connection. Any task may append frames; the first append after a
/// flush schedules one flush on the event loop, so frames written by many concurrent calls leave
/// in one write. Writers of messages wait while the socket is not writable (backpressure).
final class Outbox: Sendable {
    private struct State {
        var buffer: ByteBuffer
        var flushScheduled = false
        var writable = true
        var closed = false
        var waiters: [Int: UnsafeContinuation<Void, Never>] = [:]
        var nextWaiterID = 0
    }

    private let channel: any Channel
    private let state: Mutex<State>

    init(channel: any Channel) {
        self.channel = channel
        self.state = Mutex(State(buffer: channel.allocator.buffer(capacity: 1024)))
    }

    /// Appends frames written by `encode`. Returns `false` if the connection is already closed.
    @discardableResult
    func send(_ encode: (inout ByteBuffer) -> Void) -> Bool {
        let outcome: Bool? = state.withLock { state in
            guard !state.closed else { return nil }
            encode(&state.buffer)
            if state.flushScheduled { return false }
            state.flushScheduled = true
            return true
        }
        if outcome == true {
            channel.eventLoop.execute { self.flush() }
        }
        return outcome != nil
    }

    private func flush() {
        let pending: ByteBuffer? = state.withLock { state in
            state.flushScheduled = false
            guard !state.closed, state.buffer.readableBytes > 0 else { return nil }
            let pending = state.buffer
            state.buffer = channel.allocator.buffer(capacity: 1024)
            return pending
        }
        if let pending {
            channel.writeAndFlush(pending, promise: nil)
        }
    }

    /// Writes whatever is pending, then closes the connection once those bytes are written.
    func flushThenClose() {
        let channel = self.channel
        channel.eventLoop.execute {
            let pending: ByteBuffer? = self.state.withLock { state in
                guard !state.closed else { return nil }
                defer { state.buffer.clear() }
                return state.buffer
            }
            channel.writeAndFlush(pending ?? channel.allocator.buffer(capacity: 0)).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }

    /// Waits while the channel reports it cannot take more bytes. Returns at once when the
    /// connection closes or the task is cancelled.
    func waitUntilWritable() async {
        guard !state.withLock({ $0.writable || $0.closed }) else { return }
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.writable || state.closed || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Called on the event loop when the channel's writability changes.
    func writabilityChanged(_ writable: Bool) {
        let waiters = state.withLock { state -> [UnsafeContinuation<Void, Never>] in
            state.writable = writable
            guard writable else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Drops anything not yet written and releases every waiting writer.
    func close() {
        let waiters = state.withLock { state -> [UnsafeContinuation<Void, Never>] in
            state.closed = true
            state.buffer.clear()
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }
}
