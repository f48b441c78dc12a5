public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Unix-socket client that speaks raw bytes, for writing frames by hand (hostile input, a peer
/// that never reads, and a check that `protocols/WIRE.md` is enough to talk to the server).
///
/// Its reads block, so they run on a thread of their own: blocking the two threads of Swift's
/// cooperative pool on this machine would starve the server under test.
public final class RawSocket: @unchecked Sendable {
    public let fd: Int32

    public init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    deinit { close(fd) }

    public func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Half-closes the sending side.
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads until the peer closes or `timeout` passes. Returns the bytes and whether it closed.
    public func readAll(timeout: Double = 30) async -> (bytes: [UInt8], closed: Bool) {
        await onThread { self.blockingReadAll(timeout: timeout) }
    }

    /// Reads frames until one of `kind` arrives for `streamID`, the peer closes, or time runs out.
    public func readFrames(until kind: UInt8, streamID: UInt32, timeout: Double = 30) async -> [RawFrame] {
        await onThread { self.blockingReadFrames(until: kind, streamID: streamID, timeout: timeout) }
    }

    private func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    private func blockingReadAll(timeout: Double) -> (bytes: [UInt8], closed: Bool) {
        var result: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return (result, true) }
            result.append(contentsOf: buffer[0..<n])
        }
        return (result, false)
    }

    private func blockingReadFrames(until kind: UInt8, streamID: UInt32, timeout: Double) -> [RawFrame] {
        var pending: [UInt8] = []
        var frames: [RawFrame] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            while let frame = RawFrame.parse(&pending) {
                frames.append(frame)
                if frame.kind == kind && frame.streamID == streamID { return frames }
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
        }
        while let frame = RawFrame.parse(&pending) { frames.append(frame) }
        return frames
    }
}

/// A frame as `protocols/WIRE.md` lays it out.
public struct RawFrame: Sendable {
    public var streamID: UInt32
    public var kind: UInt8
    public var flags: UInt8
    public var payload: [UInt8]

    public init(streamID: UInt32, kind: UInt8, flags: UInt8, payload: [UInt8]) {
        self.streamID = streamID
        self.kind = kind
        self.flags = flags
        self.payload = payload
    }

    public func encoded() -> [UInt8] {
        UInt32(6 + payload.count).bigEndianBytes + streamID.bigEndianBytes + [kind, flags] + payload
    }

    public static func parse(_ bytes: inout [UInt8]) -> RawFrame? {
        guard bytes.count >= 4 else { return nil }
        let length = Int(UInt32(bigEndianBytes: bytes[0..<4]))
        guard bytes.count >= 4 + length else { return nil }
        let frame = RawFrame(
            streamID: UInt32(bigEndianBytes: bytes[4..<8]),
            kind: bytes[8],
            flags: bytes[9],
            payload: Array(bytes[10..<(4 + length)])
        )
        bytes.removeFirst(4 + length)
        return frame
    }

    /// The OPEN payload: path, timeout (µs), metadata.
    public static func openPayload(path: String, timeoutMicroseconds: UInt64 = 0, metadata: [(String, String)] = []) -> [UInt8] {
        var payload = UInt16(path.utf8.count).bigEndianBytes + Array(path.utf8)
        payload += timeoutMicroseconds.bigEndianBytes
        payload += UInt16(metadata.count).bigEndianBytes
        for (key, value) in metadata {
            payload += UInt16(key.utf8.count).bigEndianBytes + Array(key.utf8) + [0] + UInt32(value.utf8.count).bigEndianBytes + Array(value.utf8)
        }
        return payload
    }

    /// The status code and message of a STATUS payload.
    public var status: (code: UInt8, message: String)? {
        guard kind == 0x05, payload.count >= 5 else { return nil }
        let length = Int(UInt32(bigEndianBytes: payload[1..<5]))
        guard payload.count >= 5 + length else { return nil }
        return (payload[0], String(decoding: payload[5..<(5 + length)], as: UTF8.self))
    }
}

extension FixedWidthInteger {
    public var bigEndianBytes: [UInt8] { withUnsafeBytes(of: bigEndian) { Array($0) } }

    public init(bigEndianBytes bytes: ArraySlice<UInt8>) {
        self = bytes.reduce(0) { ($0 << 8) | Self($1) }
    }
}

public let prefaceBytes: [UInt8] = Array("EINVRPC".utf8) + [1]
