import Dispatch
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Synchronization

/// Copies committed pages from the signing database's write-ahead log into the database file on
/// a thread and connection of its own, a few milliseconds behind the committer.
///
/// SQLite's writer checkpoints by itself once the log passes 1,000 pages: it copies them all and
/// waits for the database file's fsync before its next commit, and every stamp in flight waits
/// with it (about 4 such stalls a second at 2,000 stamps/s, the tail of the latency). A passive
/// checkpoint here never blocks the writer; the writer's own checkpoint still runs (it alone can
/// reset the log), but finds the pages already copied, so it is short. (It is skipped when it
/// meets this one's; the log then restarts at the writer's next checkpoint.)
final class WALCheckpointer: Service, Sendable {
    private let path: String
    private let logger: Logger
    /// The pause between checkpoints while the log grows, and while it does not.
    private let busyInterval: Duration
    private let idleInterval: Duration
    private let stopped = Mutex(false)
    private let wakeUp = DispatchSemaphore(value: 0)

    init(path: String, logger: Logger, busyInterval: Duration = .milliseconds(10), idleInterval: Duration = .milliseconds(200)) {
        self.path = path
        self.logger = logger
        self.busyInterval = busyInterval
        self.idleInterval = idleInterval
    }

    func run() async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let connection: DatabaseQueue
        do {
            connection = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            // Only the writer's own checkpoints then: slower, not wrong.
            logger.warning("wal.checkpoint.unavailable", metadata: ["error": "\(error)"])
            return
        }
        await DedicatedThread.run(name: "wal-checkpointer", loop: { self.loop(connection) }, stop: { self.stop() })
    }

    private func stop() {
        stopped.withLock { $0 = true }
        wakeUp.signal()
    }

    private func loop(_ connection: DatabaseQueue) {
        var failing = false
        var lastFrames = 0
        while !stopped.withLock({ $0 }) {
            var growing = false
            do {
                // (busy, frames in the log, frames copied so far), -1s when there is no log.
                let row = try connection.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
                let frames: Int = row?[1] ?? -1
                growing = frames > 0 && frames != lastFrames
                lastFrames = frames
                if failing { logger.info("wal.checkpoint.recovered") }
                failing = false
            } catch {
                // The writer's own checkpoints go on; this one retries at the idle pace.
                if !failing { logger.warning("wal.checkpoint.failed", metadata: ["error": "\(error)"]) }
                failing = true
            }
            let pause = growing ? busyInterval : idleInterval
            _ = wakeUp.wait(timeout: .now() + .nanoseconds(Int(pause.components.seconds * 1_000_000_000 + pause.components.attoseconds / 1_000_000_000)))
        }
    }
}
