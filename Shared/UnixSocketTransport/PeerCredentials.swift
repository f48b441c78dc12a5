#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// Who is at the other end of a Unix socket, as the kernel reports it (`SO_PEERCRED`).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    public var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }
}

/// Which local users may connect to a service's socket: a connection is accepted when the
/// peer's uid or its primary gid is in the allowed lists.
public struct PeerPolicy: Sendable, Hashable {
    public var allowedUIDs: Set<UInt32>
    public var allowedGIDs: Set<UInt32>

    public init(allowedUIDs: Set<UInt32>, allowedGIDs: Set<UInt32>) {
        self.allowedUIDs = allowedUIDs
        self.allowedGIDs = allowedGIDs
    }

    /// The service's own user and group, and root.
    public static var sameUser: PeerPolicy {
        PeerPolicy(allowedUIDs: [getuid(), 0], allowedGIDs: [getgid()])
    }

    /// Anyone who can open the socket file (its mode and directory still apply).
    public static let anyone = PeerPolicy(allowedUIDs: [], allowedGIDs: [])

    public var allowsAnyone: Bool { allowedUIDs.isEmpty && allowedGIDs.isEmpty }

    public func allows(_ peer: PeerCredentials) -> Bool {
        allowsAnyone || allowedUIDs.contains(peer.uid) || allowedGIDs.contains(peer.gid)
    }
}

/// Linux `struct ucred`, which Swift's Glibc module does not export.
private struct UCred: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

extension Channel {
    /// The peer's credentials, read with `getsockopt(SO_PEERCRED)`.
    func peerCredentials() -> EventLoopFuture<PeerCredentials> {
        #if os(Linux)
        guard let provider = self as? any SocketOptionProvider else {
            return eventLoop.makeFailedFuture(PeerCredentialsUnavailable())
        }
        let future: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
        #else
        return eventLoop.makeFailedFuture(PeerCredentialsUnavailable())
        #endif
    }
}

struct PeerCredentialsUnavailable: Error, CustomStringConvertible {
    var description: String { "the peer's credentials are not available on this socket" }
}
