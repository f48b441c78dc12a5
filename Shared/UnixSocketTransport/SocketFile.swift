#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket file a server binds: refused if a live server already holds it, replaced if it is
/// left over from a process that died, given its mode, and removed on shutdown only if it is
/// still the file this server created.
enum SocketFile {
    /// Prepares `path` for binding.
    static func prepare(_ path: String) throws(SocketFileError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw .notASocket(path)
        }
        if isAccepting(path) {
            throw .inUse(path)
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .cannotRemove(path, errno: errno)
        }
    }

    /// Whether something accepts connections on `path`.
    static func isAccepting(_ path: String) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0
    }

    static func setMode(_ path: String, _ mode: mode_t) throws(SocketFileError) {
        guard chmod(path, mode) == 0 else { throw .cannotChangeMode(path, errno: errno) }
    }

    /// The inode of the file at `path`, to recognise it later.
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    /// Removes `path` if it is still the file with `inode`.
    static func remove(_ path: String, ifInode inode: UInt64?) {
        guard let inode, Self.inode(path) == inode else { return }
        unlink(path)
    }
}

public enum SocketFileError: Error, CustomStringConvertible {
    case notASocket(String)
    case inUse(String)
    case cannotRemove(String, errno: Int32)
    case cannotChangeMode(String, errno: Int32)

    public var description: String {
        switch self {
        case .notASocket(let path): "\(path) exists and is not a socket; remove it or choose another runtime directory"
        case .inUse(let path): "another process is already serving on \(path); stop it first"
        case .cannotRemove(let path, let errno): "cannot remove the stale socket \(path): \(String(cString: strerror(errno)))"
        case .cannotChangeMode(let path, let errno): "cannot set the mode of \(path): \(String(cString: strerror(errno)))"
        }
    }
}
