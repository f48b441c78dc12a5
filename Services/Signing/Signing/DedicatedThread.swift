import Foundation
import ServiceLifecycle
import Synchronization

/// Runs a blocking loop on a thread of its own, for a service whose work must not wait its turn
/// on Swift's cooperative pool (the stamp committer, the WAL checkpointer).
enum DedicatedThread {
    /// Starts `loop` on a thread named `name` and returns when it does. On graceful shutdown or
    /// cancellation alike, `stop` is called once; the loop is expected to finish soon after.
    static func run(name: String, loop: @escaping @Sendable () -> Void, stop: @escaping @Sendable () -> Void) async {
        let completion = Completion()
        let thread = Thread {
            loop()
            completion.finish()
        }
        thread.name = name
        thread.start()
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await completion.wait()
            } onCancel: {
                stop()
            }
        } onGracefulShutdown: {
            stop()
        }
    }

    /// The loop's end, awaited by the task that started it.
    private final class Completion: Sendable {
        private struct State {
            var done = false
            var waiter: CheckedContinuation<Void, Never>?
        }

        private let state = Mutex(State())

        func finish() {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.done = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }

        func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { state -> Bool in
                    if state.done { return true }
                    state.waiter = continuation
                    return false
                }
                if done { continuation.resume() }
            }
        }
    }
}
