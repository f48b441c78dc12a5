import Dispatch
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Synchronization

/// Copies committed pages from the signing database's write-ahead log into the database file,
/// and starts the log over, on a thread and connection of its own.
///
/// SQLite fsyncs the database file only at a checkpoint that reaches the end of the log, and the
/// log starts over only after one. Left to itself, the writer makes that checkpoint after a
/// commit once the log passes 1,000 frames: it copies what is left, fsyncs the file, and every
/// stamp waiting for the next commit waits with it. On a database of 180,000 stamps at 3,500
/// stamps/s that put the commit's p99 at 19 to 29 ms.
///
/// Here instead, a passive checkpoint every `busyInterval` while the log grows (it never blocks
/// the writer), and once the log has `restartFrames` frames and a passive checkpoint has copied
/// all of them, a RESTART checkpoint. That one takes the write lock: it copies the frames
/// committed since, fsyncs the log and the database file, and the writer's next transaction
/// starts the log over. The committer waits for those fsyncs (0.1 to 20 ms measured), but only
/// at a restart, and behind a copy of a few frames instead of hundreds.
///
/// Both are spaced out because every fsync competes with the commits' own. Measured at 6,400
/// stamps/s offered on 8 streams, against a checkpoint every 10 ms and a restart every 1,000
/// frames (about every 1.5 s; each delayed a commit's worth of stamps, about 1 % of them): a
/// checkpoint every 50 ms and a restart every 10,000 frames (about every 15 s there) cut the
/// commit's p99 from 4.3 to 3.3–3.7 ms, the stamps' p99 from 17–19 to 12–13 ms, and the service's
/// CPU by 8 %. The log then reaches 10,000 frames, 41 MB on disk, before it starts over (more
/// after a burst such as the UUID index catching up: 65 to 97 MB seen; the backstop bounds it).
///
/// While this runs, the writer's own threshold is `backstopFrames`, for when this thread falls
/// behind; when it stops or fails, the threshold goes back to SQLite's 1,000 (`writerThreshold`).
final class WALCheckpointer: Service, Sendable {
    private let path: String
    private let logger: Logger
    /// The pause between checkpoints while the log grows, and while it does not.
    private let busyInterval: Duration
    private let idleInterval: Duration
    /// The log's length, in frames, at which it is started over.
    private let restartFrames: Int
    private let writerThreshold: @Sendable (Int) -> Void
    private let stopped = Mutex(false)
    private let wakeUp = DispatchSemaphore(value: 0)

    static let backstopFrames = 50_000
    static let sqliteDefaultFrames = 1_000

    /// - Parameter writerThreshold: sets the writer connection's `wal_autocheckpoint`.
    init(
        path: String,
        logger: Logger,
        busyInterval: Duration = .milliseconds(50),
        idleInterval: Duration = .milliseconds(200),
        restartFrames: Int = 10_000,
        writerThreshold: @escaping @Sendable (Int) -> Void
    ) {
        self.path = path
        self.logger = logger
        self.busyInterval = busyInterval
        self.idleInterval = idleInterval
        self.restartFrames = restartFrames
        self.writerThreshold = writerThreshold
    }

    func run() async throws {
        var configuration = Configuration()
        // A RESTART holds the write lock while it waits, for the writer's transaction to end or
        // for a reader of an older snapshot: give up 10 ms after the first wait (and try again
        // later) rather than keep the committer behind a long read. Polled every 100 µs:
        // SQLite's own wait sleeps 1, 2, 5, 10… ms at a time.
        let waitStarted = Mutex(ContinuousClock.now)
        configuration.busyMode = .callback { tries in
            let now = ContinuousClock.now
            if tries == 0 { waitStarted.withLock { $0 = now } }
            guard now - waitStarted.withLock({ $0 }) < .milliseconds(10) else { return false }
            usleep(100)
            return true
        }
        configuration.prepareDatabase { db in
            // A checkpoint that reaches the end of the log must fsync the database file before
            // the log starts over: never leave that to the build's default.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let connection: DatabaseQueue
        do {
            connection = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            // The writer's own checkpoints then, at SQLite's threshold: slower, not wrong. This
            // service waits for the shutdown all the same: one that returns early ends the
            // whole service group, stamps in flight included.
            logger.warning("wal.checkpoint.unavailable", metadata: ["error": "\(error)"])
            try? await gracefulShutdown()
            return
        }
        writerThreshold(Self.backstopFrames)
        await DedicatedThread.run(name: "wal-checkpointer", loop: { self.loop(connection) }, stop: { self.stop() })
        writerThreshold(Self.sqliteDefaultFrames)
    }

    private func stop() {
        stopped.withLock { $0 = true }
        wakeUp.signal()
    }

    private func loop(_ connection: DatabaseQueue) {
        var failing = false
        var lastFrames = 0
        // The log's length when it was last restarted: until the writer writes again (and the
        // log starts over), the passive checkpoints report that same full log.
        var restartedAt = -1
        var restartBackoff = 0
        while !stopped.withLock({ $0 }) {
            var growing = false
            do {
                // (busy, frames in the log, frames copied so far); -1s when there is no log, or
                // when another checkpoint (the writer's) held the checkpoint lock.
                let row = try connection.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
                let busy: Int = row?[0] ?? 0
                let frames: Int = row?[1] ?? -1
                let copied: Int = row?[2] ?? -1
                growing = busy != 0 || (frames > 0 && frames != lastFrames)
                lastFrames = frames
                restartBackoff = max(0, restartBackoff - 1)
                // Only when every frame was copied: no reader holds an older snapshot, so the
                // RESTART waits at most for the writer's transaction.
                if frames >= restartFrames, copied == frames, frames != restartedAt, restartBackoff == 0 {
                    let began = ContinuousClock.now
                    let restart = try connection.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(RESTART)") }
                    if (restart?[0] ?? 1) == 0 {
                        // The log as the RESTART left it (a commit may have come since the
                        // passive checkpoint): the next passives report this same full log.
                        restartedAt = restart?[1] ?? frames
                        logger.debug("wal.checkpoint.restart", metadata: ["frames": "\(frames)", "milliseconds": "\((ContinuousClock.now - began) / .milliseconds(1))"])
                    } else {
                        // A reader or the writer held on past the wait: not again for 5 passes.
                        restartBackoff = 5
                    }
                }
                if failing {
                    logger.info("wal.checkpoint.recovered")
                    writerThreshold(Self.backstopFrames)
                }
                failing = false
            } catch {
                // The writer checkpoints by itself again, at SQLite's threshold, until this
                // one recovers; it retries at the idle pace.
                if !failing {
                    logger.warning("wal.checkpoint.failed", metadata: ["error": "\(error)"])
                    writerThreshold(Self.sqliteDefaultFrames)
                }
                failing = true
            }
            let pause = growing ? busyInterval : idleInterval
            _ = wakeUp.wait(timeout: .now() + .nanoseconds(Int(pause.components.seconds * 1_000_000_000 + pause.components.attoseconds / 1_000_000_000)))
        }
    }
}
