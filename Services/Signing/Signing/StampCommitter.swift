import Logging
import ServiceLifecycle
import Synchronization

/// Makes stamps durable in groups: every stamp waiting when a transaction starts goes into it,
/// so a thousand concurrent stamps cost a handful of fsyncs, not a thousand. A stamp's caller is
/// answered only after the transaction that holds it has committed.
final class StampCommitter: Service, Sendable {
    private struct Pending {
        var record: SigningStore.StampRecord
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var queue: [Pending] = []
        var wakeUp: CheckedContinuation<Void, Never>?
        var stopped = false
    }

    private let store: SigningStore
    private let logger: Logger
    private let state = Mutex(State())

    init(store: SigningStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Waits until `record` is durable; throws if it could not be committed.
    func commit(_ record: SigningStore.StampRecord) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let (wake, stopped) = state.withLock { state -> (CheckedContinuation<Void, Never>?, Bool) in
                guard !state.stopped else { return (nil, true) }
                state.queue.append(Pending(record: record, continuation: continuation))
                defer { state.wakeUp = nil }
                return (state.wakeUp, false)
            }
            if stopped {
                continuation.resume(throwing: SigningError.storage("the service is shutting down"))
            }
            wake?.resume()
        }
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            await loop()
        } onGracefulShutdown: {
            // Finish what is queued, then stop.
            let wake = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.stopped = true
                defer { state.wakeUp = nil }
                return state.wakeUp
            }
            wake?.resume()
        }
    }

    private func loop() async {
        while true {
            let (batch, stopped) = state.withLock { state -> ([Pending], Bool) in
                defer { state.queue.removeAll(keepingCapacity: true) }
                return (state.queue, state.stopped)
            }
            if batch.isEmpty {
                if stopped { return }
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state -> Bool in
                        if !state.queue.isEmpty || state.stopped { return true }
                        state.wakeUp = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
                continue
            }
            do {
                let outcomes = try await store.commit(batch.map(\.record))
                for (pending, outcome) in zip(batch, outcomes) {
                    if let outcome {
                        pending.continuation.resume(throwing: SigningError.chainConflict("The stamp was not recorded: \(outcome). Nothing was issued; retry."))
                    } else {
                        pending.continuation.resume()
                    }
                }
            } catch {
                logger.error("A batch of stamps could not be committed", metadata: ["error": "\(error)", "batch.size": "\(batch.count)"])
                for pending in batch {
                    pending.continuation.resume(throwing: SigningError.storage("\(error)"))
                }
            }
        }
    }
}
