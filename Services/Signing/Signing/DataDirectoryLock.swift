import Foundation
import ServiceLifecycle
import Synchronization

/// An exclusive lock on the signing data directory, held while the service runs: two signing
/// services on one database would each stamp the same units from their own view of the chains
/// (the database refuses a forked chain, but a UUID stamped by both would be stamped twice).
///
/// It is let go when the object goes (after the service group, which holds it, has finished
/// every service, the committer included), or when the process ends, however it ends.
final class DataDirectoryLock: Service, Sendable {
    private let descriptor: Int32
    private let released = Atomic<Bool>(false)
    /// Why the directory could not be locked on a file system without locks (the service runs
    /// all the same); nil when it is locked.
    let unsupported: String?

    /// Takes the lock on `<directory>/lock`, or throws if another process holds it.
    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SigningError.storage("\(path) cannot be opened: \(String(cString: strerror(errno)))")
        }
        var unsupported: String?
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == ENOLCK || code == EOPNOTSUPP || code == ENOSYS || code == EINVAL {
                unsupported = "\(path) cannot be locked on this file system (\(String(cString: strerror(code))))"
            } else {
                let reason = code == EWOULDBLOCK ? "another signing service is using \(directory); stop it first" : String(cString: strerror(code))
                close(descriptor)
                throw SigningError.storage("\(path) cannot be locked: \(reason)")
            }
        }
        self.descriptor = descriptor
        self.unsupported = unsupported
    }

    deinit { release() }

    /// Waits for the shutdown; the lock stays until the object goes.
    func run() async throws {
        try? await gracefulShutdown()
    }

    /// Lets the lock go now (for parts that never run, and tests); once.
    func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
