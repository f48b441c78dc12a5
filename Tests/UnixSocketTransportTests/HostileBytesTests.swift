import EInvoiceRPC
import Foundation
import GRPCCore
import TestSupport
import Testing
import UnixSocketTransport

/// Each hostile connection gets a defined outcome, and a well-behaved client on the same server
/// keeps being served throughout.
@Suite("Hostile bytes on the server socket")
struct HostileBytesTests {
    /// Runs `attack` against a server while a good client makes calls; checks the good calls all
    /// succeeded.
    private func underAttack(
        logs: LogCapture = LogCapture(),
        _ attack: @escaping @Sendable (String) async throws -> Void
    ) async throws {
        try await withTestServer(logs: logs) { path, _ in
            try await withTestClient(path) { client in
                let echoed = try await echo(client, "before")
                #expect(echoed == "before")
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await attack(path) }
                    group.addTask {
                        for i in 0..<50 {
                            let text = "during \(i)"
                            let echoed = try await echo(client, text)
                            #expect(echoed == text)
                        }
                    }
                    try await group.waitForAll()
                }
                let after = try await echo(client, "after")
                #expect(after == "after")
            }
        }
    }

    @Test("Random garbage closes the connection with a log line")
    func garbage() async throws {
        let logs = LogCapture()
        try await underAttack(logs: logs) { path in
            let socket = try RawSocket(path: path)
            var generator = SystemRandomNumberGenerator()
            socket.write((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let closed = await socket.readAll().closed
            #expect(closed)
        }
        #expect(logs.contains("broke the wire protocol"))
        #expect(logs.contains("preface"))
    }

    @Test("A truncated frame followed by close is logged and the connection dropped")
    func truncated() async throws {
        let logs = LogCapture()
        try await underAttack(logs: logs) { path in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes)
            let frame = RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded()
            socket.write(Array(frame.prefix(frame.count - 3)))
            socket.shutdownWrite()
            let closed = await socket.readAll().closed
            #expect(closed)
        }
        #expect(await logs.wait(for: "in the middle of a frame"))
    }

    @Test("A length prefix of 0xFFFFFFFF is refused at once, without buffering")
    func hugeLength() async throws {
        let logs = LogCapture()
        try await underAttack(logs: logs) { path in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1, 0x02, 0])
            let (bytes, closed) = await socket.readAll()
            #expect(closed)
            var remaining = bytes
            let goAway = RawFrame.parse(&remaining)
            #expect(goAway?.kind == 0x07)
            let reason = String(decoding: goAway?.payload.dropFirst(4) ?? [], as: UTF8.self)
            #expect(reason.contains("exceeds the maximum frame size"))
        }
        #expect(logs.contains("exceeds the maximum frame size"))
    }

    @Test("A frame for a stream that was never opened closes the connection with a reason")
    func unknownStream() async throws {
        let logs = LogCapture()
        try await underAttack(logs: logs) { path in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes + RawFrame(streamID: 42, kind: 0x02, flags: 0, payload: [1, 2, 3]).encoded())
            let frames = await socket.readFrames(until: 0x07, streamID: 0)
            #expect(frames.last.map { String(decoding: $0.payload.dropFirst(4), as: UTF8.self) }?.contains("never opened") == true)
            let closed = await socket.readAll().closed
            #expect(closed)
        }
        #expect(logs.contains("never opened"))
    }

    @Test("A payload that does not decode fails its call with invalidArgument; the connection lives on")
    func undecodablePayload() async throws {
        try await underAttack { path in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes)
            socket.write(RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x02, flags: 0, payload: [0xDE, 0xAD, 0xBE, 0xEF]).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x03, flags: 0, payload: []).encoded())
            let status = await socket.readFrames(until: 0x05, streamID: 1).last?.status
            #expect(status?.code == UInt8(RPCError.Code.invalidArgument.rawValue))
            #expect(status?.message.contains("EchoRequest message is malformed") == true)
            // Same connection, a good call.
            let request = try BinaryMessageSerializer<EchoRequest>().serialize(EchoRequest(text: "fine", payload: nil)) as [UInt8]
            socket.write(RawFrame(streamID: 3, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            socket.write(RawFrame(streamID: 3, kind: 0x02, flags: 0, payload: request).encoded())
            socket.write(RawFrame(streamID: 3, kind: 0x03, flags: 0, payload: []).encoded())
            #expect(await socket.readFrames(until: 0x05, streamID: 3).last?.status?.code == 0)
        }
    }

    @Test("A compressed payload that is not zlib, or inflates past the limit, fails its call")
    func badCompression() async throws {
        try await underAttack { path in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes)
            socket.write(RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x02, flags: 0x01, payload: [1, 2, 3, 4]).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x03, flags: 0, payload: []).encoded())
            #expect(await socket.readFrames(until: 0x05, streamID: 1).last?.status?.code == UInt8(RPCError.Code.invalidArgument.rawValue))

            // 64 MiB of zeros compresses to ~64 KiB: a decompression bomb for a 16 MiB limit.
            let bomb = try #require(zlibCompress([UInt8](repeating: 0, count: 64 << 20)))
            socket.write(RawFrame(streamID: 3, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            socket.write(RawFrame(streamID: 3, kind: 0x02, flags: 0x01, payload: bomb).encoded())
            socket.write(RawFrame(streamID: 3, kind: 0x03, flags: 0, payload: []).encoded())
            #expect(await socket.readFrames(until: 0x05, streamID: 3).last?.status?.code == UInt8(RPCError.Code.resourceExhausted.rawValue))
        }
    }

    @Test("Stream ids that go backwards are a protocol error")
    func decreasingStreamIDs() async throws {
        try await underAttack { path in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes)
            socket.write(RawFrame(streamID: 5, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            socket.write(RawFrame(streamID: 3, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            let frames = await socket.readFrames(until: 0x07, streamID: 0)
            #expect(frames.contains { $0.kind == 0x07 })
            let closed = await socket.readAll().closed
            #expect(closed)
        }
    }
}

import CZlib

func zlibCompress(_ input: [UInt8]) -> [UInt8]? {
    var length = compressBound(uLong(input.count))
    var output = [UInt8](repeating: 0, count: Int(length))
    let status = output.withUnsafeMutableBufferPointer { out in
        input.withUnsafeBufferPointer { compress2(out.baseAddress, &length, $0.baseAddress, uLong(input.count), 9) }
    }
    guard status == Z_OK else { return nil }
    return Array(output.prefix(Int(length)))
}
