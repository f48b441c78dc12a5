import Logging
import ServiceLifecycle
import Synchronization

/// Makes stamps durable in groups: every stamp waiting when a transaction starts goes into it,
/// so a thousand concurrent stamps cost a handful of fsyncs, not a thousand. A stamp's caller is
/// answered only after the transaction that holds it has committed.
///
/// Stamps are queued with ``enqueue(_:)``, synchronously, so a unit's stamps enter the queue in
/// the order its chain computed them; ``CommitTicket/wait()`` then waits for the outcome.
final class StampCommitter: Service, Sendable {
    private struct State {
        var queue: [(SigningStore.StampRecord, CommitTicket)] = []
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

    /// Queues `record` for the next transaction.
    func enqueue(_ record: SigningStore.StampRecord) -> CommitTicket {
        let ticket = CommitTicket()
        let (wake, stopped) = state.withLock { state -> (CheckedContinuation<Void, Never>?, Bool) in
            guard !state.stopped else { return (nil, true) }
            state.queue.append((record, ticket))
            defer { state.wakeUp = nil }
            return (state.wakeUp, false)
        }
        if stopped { ticket.resolve(.failure(SigningError.storage("the service is shutting down"))) }
        wake?.resume()
        return ticket
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
            let (batch, stopped) = state.withLock { state -> ([(SigningStore.StampRecord, CommitTicket)], Bool) in
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
                let outcomes = try await store.commit(batch.map(\.0))
                for ((_, ticket), outcome) in zip(batch, outcomes) {
                    if let outcome {
                        ticket.resolve(.failure(SigningError.chainConflict("The stamp was not recorded: \(outcome). Nothing was issued; retry.")))
                    } else {
                        ticket.resolve(.success(()))
                    }
                }
            } catch {
                logger.error("A batch of stamps could not be committed", metadata: ["error": "\(error)", "batch.size": "\(batch.count)"])
                for (_, ticket) in batch { ticket.resolve(.failure(SigningError.storage("\(error)"))) }
            }
        }
    }
}

/// The pending outcome of one queued stamp.
final class CommitTicket: Sendable {
    private enum State {
        case pending
        case waiting(CheckedContinuation<Void, any Error>)
        case resolved(Result<Void, any Error>)
    }

    private let state = Mutex(State.pending)

    func resolve(_ result: Result<Void, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            defer { state = .resolved(result) }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        waiter?.resume(with: result)
    }

    /// Returns once the stamp is durable; throws why it is not.
    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let ready = state.withLock { state -> Result<Void, any Error>? in
                if case .resolved(let result) = state { return result }
                state = .waiting(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
