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
/// commit once the log passes 1,000 pages: it copies what is left, fsyncs the file, and every
/// stamp waiting for the next commit waits with it. On a database of 180,000 stamps at 3,500
/// stamps/s that put the commit's p99 at 19 to 29 ms.
///
/// Here instead:
/// - a passive checkpoint every few milliseconds while the log grows, which never blocks the
///   writer, and the pages it copies sent to the disk at once (write-back started, no flush);
/// - at `restartPages`, a RESTART checkpoint: it waits for the writer's transaction to end,
///   copies the few pages left and fsyncs a file that is mostly on disk already, and the writer's
///   next transaction starts the log over.
///
/// The writer's own threshold is `SigningStore.writerCheckpointPages`, a backstop for when this
/// thread cannot keep up.
final class WALCheckpointer: Service, Sendable {
    private let path: String
    private let logger: Logger
    /// The pause between checkpoints while the log grows, and while it does not.
    private let busyInterval: Duration
    private let idleInterval: Duration
    /// The log's length, in pages, at which it is started over.
    private let restartPages: Int
    private let stopped = Mutex(false)
    private let wakeUp = DispatchSemaphore(value: 0)

    init(path: String, logger: Logger, busyInterval: Duration = .milliseconds(10), idleInterval: Duration = .milliseconds(200), restartPages: Int = 1_000) {
        self.path = path
        self.logger = logger
        self.busyInterval = busyInterval
        self.idleInterval = idleInterval
        self.restartPages = restartPages
    }

    func run() async throws {
        var configuration = Configuration()
        // A RESTART holds the write lock while it waits for readers of older snapshots: give up
        // after about 20 ms (and try again later) rather than stall the committer behind a long
        // read. Polled every 100 µs: SQLite's own busy wait sleeps 1, 2, 5, 10… ms at a time.
        configuration.busyMode = .callback { tries in
            usleep(100)
            return tries < 200
        }
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
        var lastCopied = 0
        // The database file, for starting its write-back; without it, the fsync at a restart
        // writes everything copied since the last one, as it would with SQLite alone.
        let file = open(path, O_RDONLY | O_CLOEXEC)
        defer { if file >= 0 { close(file) } }
        while !stopped.withLock({ $0 }) {
            var growing = false
            do {
                // (busy, pages in the log, pages copied so far); -1s when there is no log, or
                // when another checkpoint (the writer's) held the lock.
                let row = try connection.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
                let busy: Int = row?[0] ?? 0
                let frames: Int = row?[1] ?? -1
                let copied: Int = row?[2] ?? -1
                if file >= 0, copied > 0, copied != lastCopied { startWriteBack(file) }
                lastCopied = copied
                growing = busy != 0 || (frames > 0 && frames != lastFrames)
                lastFrames = frames
                if frames >= restartPages {
                    // Busy when a reader or the writer held on past the wait: next time.
                    let restart = try connection.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(RESTART)") }
                    if (restart?[0] ?? 1) == 0 { lastFrames = 0; lastCopied = 0 }
                }
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

/// `sync_file_range(file, 0, 0, SYNC_FILE_RANGE_WRITE)`: starts writing the file's dirty pages
/// out, without waiting for them and without a device flush. Glibc declares it only under
/// `_GNU_SOURCE`, which Swift's Glibc module does not define, so it is looked up by name.
private let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
}()

private func startWriteBack(_ file: Int32) {
    let syncFileRangeWrite: UInt32 = 2
    _ = syncFileRange?(file, 0, 0, syncFileRangeWrite)
}
