import Foundation
import ServiceLifecycle

/// An exclusive lock on the signing data directory, held while the service runs: two signing
/// services on one database would each stamp the same units from their own view of the chains
/// (the database refuses a forked chain, but a UUID stamped by both would be stamped twice).
/// The kernel lets it go when the process ends, however it ends.
final class DataDirectoryLock: Service, Sendable {
    private let descriptor: Int32

    /// Takes the lock on `<directory>/lock`, or throws if another process holds it.
    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SigningError.storage("\(path) cannot be opened: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK ? "another signing service is using \(directory); stop it first" : String(cString: strerror(errno))
            close(descriptor)
            throw SigningError.storage("\(path) cannot be locked: \(reason)")
        }
        self.descriptor = descriptor
    }

    /// Holds the lock until the service shuts down.
    func run() async throws {
        try? await gracefulShutdown()
        release()
    }

    /// Lets the lock go (also for parts that never ran).
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
