import NIOCore
import Synchronization

/// Bounds the bytes a connection buffers for calls that have not consumed them yet. Past the
/// limit the transport stops reading from the socket until consumers catch up, so a fast sender
/// cannot grow a slow receiver's memory without bound.
final class InboundBudget: Sendable {
    private struct State {
        var buffered = 0
        var paused = false
    }

    private let limit: Int
    private let channel: any Channel
    private let state = Mutex(State())

    init(limit: Int, channel: any Channel) {
        self.limit = limit
        self.channel = channel
    }

    /// Called on the event loop when a message is buffered.
    func acquire(_ bytes: Int) {
        let pause = state.withLock { state -> Bool in
            state.buffered += bytes
            guard state.buffered > limit, !state.paused else { return false }
            state.paused = true
            return true
        }
        if pause {
            channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
        }
    }

    /// Called from any task when a buffered message is consumed.
    func release(_ bytes: Int) {
        let resume = state.withLock { state -> Bool in
            state.buffered -= bytes
            guard state.paused, state.buffered <= limit / 2 else { return false }
            state.paused = false
            return true
        }
        if resume {
            let channel = self.channel
            channel.eventLoop.execute {
                channel.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
                channel.read()
            }
        }
    }
}
