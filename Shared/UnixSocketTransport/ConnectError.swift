import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Says what a failed connection attempt means for an operator.
enum ConnectError {
    static func describe(_ error: any Error, path: String) -> String {
        guard let io = error as? IOError else {
            return "Cannot connect to \(path): \(error)"
        }
        switch io.errnoCode {
        case ENOENT:
            return "No socket at \(path): is the service running, and is the runtime directory right?"
        case ECONNREFUSED:
            return "Nothing is listening on \(path): the service is not running (a stale socket file is left)."
        case EACCES, EPERM:
            return "Permission denied for \(path): run as the service's user or a member of its group."
        default:
            return "Cannot connect to \(path): \(String(cString: strerror(io.errnoCode)))"
        }
    }
}
