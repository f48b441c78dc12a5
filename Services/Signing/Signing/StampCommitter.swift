import Dispatch
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Makes stamps durable in groups: every stamp waiting when a transaction starts goes into it,
/// so a thousand concurrent stamps cost a handful of fsyncs, not a thousand. A stamp's caller is
/// answered only after the transaction that holds it has committed.
///
/// Stamps are queued with ``enqueue(_:)``, synchronously, so a unit's stamps enter the queue in
/// the order its chain computed them; ``CommitTicket/wait()`` then waits for the outcome.
///
/// The transactions run on a thread of their own, one after another with no hop in between.
/// As a task on Swift's cooperative pool the loop waited its turn behind every stamp task after
/// each commit (about 8 ms of every 25 under load), and the database sat idle meanwhile.
final class StampCommitter: Service, Sendable {
    private struct State {
        var queue: [(SigningStore.StampRecord, CommitTicket)] = []
        /// The thread is parked on `wakeUp` and must be signalled.
        var parked = false
        var stopped = false
    }

    private let store: SigningStore
    private let logger: Logger
    private let state = Mutex(State())
    /// The units whose UUIDs this thread puts into the database's index, by id.
    private let units = Mutex<[String: UnitUUIDs]>([:])
    /// How long stamping must pause before the UUID index catches up.
    private let indexDelay: Duration
    /// UUIDs in one chunk of the index, at most: a stamp that comes meanwhile waits for the
    /// chunk. Catching up on 236,312 stamps (on an index of 232,808) took 1.3 s and 5 µs of CPU
    /// a stamp in chunks of 4,096, about 22 ms a chunk; in chunks of 1,024, 9 ms a chunk but 8 µs
    /// a stamp, so catching up takes half as long again.
    private let indexChunk: Int
    /// Held in memory past this many, the index catches up after every commit, stamping or not.
    private let maximumHeld: Int
    private let wakeUp = DispatchSemaphore(value: 0)
    /// The least time from one transaction's start to the next one's, unless ``fullBatch``
    /// stamps are waiting. At partial load, stamps otherwise trickle in and each transaction
    /// (and its fsync, and a rewrite of the last page of each table and index it touches)
    /// carries one or two. At 2,000 stamps/s, 2 ms against none cut the service's CPU per stamp
    /// by 5 %; at 3,000/s, 5 ms against 2 cut it by another 7 to 13 % (two services side by
    /// side, four runs), and at 6,300/s the median latency fell from 12 to 7 ms.
    private let minimumInterval: Duration
    static let fullBatch = 32

    init(
        store: SigningStore, logger: Logger, minimumInterval: Duration = .milliseconds(5),
        indexDelay: Duration = .milliseconds(50), indexChunk: Int = 4_096, maximumHeld: Int = 250_000
    ) {
        self.store = store
        self.logger = logger
        self.minimumInterval = minimumInterval
        self.indexDelay = indexDelay
        self.indexChunk = indexChunk
        self.maximumHeld = maximumHeld
    }

    /// From now on, this unit's committed stamps have their UUIDs indexed here.
    func track(_ uuids: UnitUUIDs) {
        units.withLock { $0[uuids.egsID] = uuids }
    }

    /// Queues `record` for the next transaction, to settle `ticket`. Returns false, leaving the
    /// ticket unsettled, when the committer has stopped: the caller then settles it, outside any
    /// lock its handlers take.
    func enqueue(_ record: SigningStore.StampRecord, ticket: CommitTicket) -> Bool {
        let (signal, stopped) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopped else { return (false, true) }
            state.queue.append((record, ticket))
            defer { state.parked = false }
            return (state.parked, false)
        }
        if signal { wakeUp.signal() }
        return !stopped
    }

    /// Queues `record` for the next transaction.
    func enqueue(_ record: SigningStore.StampRecord) -> CommitTicket {
        let ticket = CommitTicket()
        if !enqueue(record, ticket: ticket) { ticket.resolve(.failure(Self.stoppedError)) }
        return ticket
    }

    static let stoppedError = SigningError.storage("the service is shutting down")

    func run() async throws {
        // On shutdown or cancellation alike: finish what is queued, then stop.
        await DedicatedThread.run(name: "stamp-committer", loop: { self.loop() }, stop: { self.stop() })
    }

    private func stop() {
        let signal = state.withLock { state -> Bool in
            state.stopped = true
            defer { state.parked = false }
            return state.parked
        }
        if signal { wakeUp.signal() }
    }

    private func take(parkIfEmpty: Bool) -> ([(SigningStore.StampRecord, CommitTicket)], Bool) {
        state.withLock { state in
            defer { state.queue.removeAll(keepingCapacity: true) }
            if parkIfEmpty, state.queue.isEmpty && !state.stopped { state.parked = true }
            return (state.queue, state.stopped)
        }
    }

    private func loop() {
        let clock = ContinuousClock()
        var lastStart = clock.now - minimumInterval
        var lastCount = 0
        // Nothing was queued for `indexDelay`: the UUID index catches up, a chunk at a time,
        // until a stamp comes.
        var paused = false
        var indexFailing = false
        while true {
            let taken = take(parkIfEmpty: true)
            var batch = taken.0
            let stopped = taken.1
            if batch.isEmpty {
                if stopped { return }
                if paused {
                    if !indexUUIDs(failing: &indexFailing) { paused = false }
                } else if hasUnindexed() {
                    let delay = indexDelay.components
                    paused = wakeUp.wait(timeout: .now() + .nanoseconds(Int(delay.seconds) * 1_000_000_000 + Int(delay.attoseconds / 1_000_000_000))) == .timedOut
                } else {
                    wakeUp.wait()
                }
                continue
            }
            paused = false
            // Back-to-back transactions of a stamp or two each: wait out the interval and take
            // what arrived meanwhile too. Only when the last one carried several: a caller that
            // sends one stamp at a time and waits for it gains nothing from a wait (nothing else
            // comes meanwhile), and would wait the interval for every stamp.
            let since = clock.now - lastStart
            if !stopped, lastCount > 1, batch.count < Self.fullBatch, since < minimumInterval {
                let wait = minimumInterval - since
                Thread.sleep(forTimeInterval: Double(wait.components.attoseconds) / 1e18 + Double(wait.components.seconds))
                batch += take(parkIfEmpty: false).0
            }
            lastStart = clock.now
            lastCount = batch.count
            do {
                let outcomes = try store.commitNow(batch.map(\.0))
                var heads: [String: Int64] = [:]
                for ((record, _), outcome) in zip(batch, outcomes) where outcome == nil { heads[record.egsID] = record.icv }
                units.withLock { units in
                    for (egsID, icv) in heads { units[egsID]?.committed(through: icv) }
                }
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
            if held() > maximumHeld { indexUUIDs(failing: &indexFailing) }
        }
    }

    // MARK: The UUID index

    private var tracked: [UnitUUIDs] { units.withLock { Array($0.values) } }

    private func hasUnindexed() -> Bool {
        tracked.contains { $0.backlog.unindexed > 0 }
    }

    private func held() -> Int {
        tracked.reduce(0) { $0 + $1.backlog.held }
    }

    /// Indexes one chunk of the unit furthest behind; false when every unit is caught up, or
    /// the chunk failed (tried again at the next pause; `failing` keeps the log to one warning).
    @discardableResult
    private func indexUUIDs(failing: inout Bool) -> Bool {
        guard let (uuids, backlog) = tracked.map({ ($0, $0.backlog) }).max(by: { $0.1.unindexed < $1.1.unindexed }),
            backlog.unindexed > 0
        else { return false }
        do {
            let (through, reused) = try store.indexUUIDs(egsID: uuids.egsID, after: backlog.indexedICV, limit: indexChunk)
            uuids.indexed(through: through)
            if reused > 0 {
                logger.error(
                    "Stamps reuse a UUID the unit stamped before: was another signing service writing to this database?",
                    metadata: ["egs.id": "\(uuids.egsID)", "stamps": "\(reused)", "icv.through": "\(through)"]
                )
            }
            if failing { logger.info("The UUID index is catching up again") }
            failing = false
            return through > backlog.indexedICV
        } catch {
            if !failing {
                logger.warning("The UUID index could not catch up; it tries again when stamping pauses", metadata: ["error": "\(error)", "egs.id": "\(uuids.egsID)"])
            }
            failing = true
            return false
        }
    }
}

/// The pending outcome of one queued stamp.
final class CommitTicket: Sendable {
    private enum State {
        case pending
        case waiting([@Sendable (Result<Void, any Error>) -> Void])
        case resolved(Result<Void, any Error>)
    }

    private let state = Mutex(State.pending)
    /// Runs first when the ticket settles, before it shows as settled to anyone.
    private let cleanup: (@Sendable (CommitTicket, Result<Void, any Error>) -> Void)?

    /// `cleanup` runs on the resolving thread before any handler, and before
    /// ``whenResolved(_:)`` can see the outcome.
    init(cleanup: (@Sendable (CommitTicket, Result<Void, any Error>) -> Void)? = nil) {
        self.cleanup = cleanup
    }

    /// Settles the ticket and runs what waits for it, on the calling thread (the committer's).
    func resolve(_ result: Result<Void, any Error>) {
        cleanup?(self, result)
        let waiting = state.withLock { state -> [@Sendable (Result<Void, any Error>) -> Void] in
            defer { state = .resolved(result) }
            if case .waiting(let handlers) = state { return handlers }
            return []
        }
        for handler in waiting { handler(result) }
    }

    /// Calls `handler` once with the outcome: at once if it is known, else on the thread that
    /// resolves the ticket (the stamp's own caller, and a retry of its UUID, both wait).
    func whenResolved(_ handler: @escaping @Sendable (Result<Void, any Error>) -> Void) {
        let ready = state.withLock { state -> Result<Void, any Error>? in
            switch state {
            case .resolved(let result): return result
            case .waiting(let handlers): state = .waiting(handlers + [handler])
            case .pending: state = .waiting([handler])
            }
            return nil
        }
        if let ready { handler(ready) }
    }

    /// Returns once the stamp is durable; throws why it is not.
    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            whenResolved { continuation.resume(with: $0) }
        }
    }
}
