import EInvoiceRPC
import Foundation
import GRPCCore
import GRPCInProcessTransport
import TestSupport
import Testing
import UnixSocketTransport

@Suite("Calls over the Unix-socket transport")
struct RoundTripTests {
    @Test("A unary call round-trips in-process (the reference transport)")
    func inProcess() async throws {
        let transport = InProcessTransport()
        let server = GRPCServer(transport: transport.server, services: [EchoService()])
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            try await withGRPCClient(transport: transport.client) { client in
                let response = try await EchoService.Method.get.call(on: client, EchoRequest(text: "مرحبا 👋", payload: Data([1, 2])))
                #expect(response.text == "مرحبا 👋")
                #expect(response.payload == Data([1, 2]))
            }
            server.beginGracefulShutdown()
        }
    }

    @Test("A unary call round-trips over a real socket")
    func overSocket() async throws {
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                let response = try await EchoService.Method.get.call(on: client, EchoRequest(text: "شركة & <co>", payload: nil))
                #expect(response == EchoResponse(text: "شركة & <co>", payload: nil, metadataSeen: [:]))
            }
        }
    }

    @Test("Initial and trailing metadata, text and binary, cross the wire")
    func metadata() async throws {
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                let (message, initial, trailing) = try await client.unary(
                    request: ClientRequest(message: EchoRequest(text: "m", payload: nil), metadata: ["request-id": "r-1", "key-bin": .binary([9, 8])]),
                    descriptor: EchoService.Method.metadata,
                    serializer: BinaryMessageSerializer<EchoRequest>(),
                    deserializer: BinaryMessageDeserializer<EchoResponse>(),
                    options: .defaults
                ) { response in
                    (try response.message, response.metadata, response.trailingMetadata)
                }
                #expect(message.metadataSeen["request-id"] == "r-1")
                #expect(message.metadataSeen["key-bin"] == "9,8")
                #expect(Array(initial[stringValues: "initial"]) == ["yes"])
                #expect(Array(trailing[stringValues: "trailing"]) == ["done"])
                #expect(Array(trailing[binaryValues: "blob-bin"]) == [[1, 2, 3]])
            }
        }
    }

    @Test("A service error arrives with its code, message and metadata")
    func errors() async throws {
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                let error = try await #require(throws: RPCError.self) {
                    try await EchoService.Method.fail.call(on: client, EchoRequest(text: "VAT 123", payload: nil))
                }
                #expect(error.code == .failedPrecondition)
                #expect(error.message == "Rule BR-KSA-40 failed: VAT 123")
                #expect(Array(error.metadata[stringValues: "rule-id"]) == ["BR-KSA-40"])
            }
        }
    }

    @Test("An unknown method is unimplemented")
    func unknownMethod() async throws {
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                let error = try await #require(throws: RPCError.self) {
                    try await EchoService.Method.unknown.call(on: client, EchoRequest(text: "x", payload: nil))
                }
                #expect(error.code == .unimplemented)
            }
        }
    }

    @Test("1,000 concurrent calls on one connection all get their own answer")
    func concurrentCalls() async throws {
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for i in 0..<1_000 {
                        group.addTask {
                            let text = "call \(i) — \(String(repeating: "ع", count: i % 50))"
                            let response = try await EchoService.Method.get.call(on: client, EchoRequest(text: text, payload: Data(count: i)))
                            return response.text == text && response.payload?.count == i
                        }
                    }
                    var correct = 0
                    for try await ok in group where ok { correct += 1 }
                    #expect(correct == 1_000)
                }
            }
        }
    }

    @Test("An 8 MiB message round-trips, compressed on the wire")
    func largeMessage() async throws {
        let payload = Data((0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) })
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                let response = try await EchoService.Method.get.call(on: client, EchoRequest(text: "big", payload: payload))
                #expect(response.payload == payload)
            }
            // The same call by hand: the response frame must carry the compressed flag and be far
            // smaller than the message.
            let socket = try RawSocket(path: path)
            let request = try BinaryMessageSerializer<EchoRequest>().serialize(EchoRequest(text: "big", payload: payload)) as [UInt8]
            socket.write(prefaceBytes)
            socket.write(RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Get")).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x02, flags: 0, payload: request).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x03, flags: 0, payload: []).encoded())
            let frames = await socket.readFrames(until: 0x05, streamID: 1, timeout: 20)
            let message = try #require(frames.first { $0.kind == 0x02 })
            #expect(message.flags & 0x01 == 0x01)
            #expect(message.payload.count < payload.count / 10)
            #expect(frames.last?.status?.code == 0)
        }
    }

    @Test("A message over the frame limit fails its call with resourceExhausted")
    func tooLarge() async throws {
        let configuration = UnixSocketTransportConfiguration(maxFrameSize: 64 << 10, compressionThreshold: .max)
        try await withTestServer(configuration: configuration) { path, _ in
            try await withTestClient(path, configuration: configuration) { client in
                let error = try await #require(throws: RPCError.self) {
                    try await EchoService.Method.get.call(on: client, EchoRequest(text: "x", payload: Data(count: 100 << 10)))
                }
                #expect(error.code == .resourceExhausted)
                // The connection is still good.
                let response = try await EchoService.Method.get.call(on: client, EchoRequest(text: "after", payload: nil))
                #expect(response.text == "after")
            }
        }
    }

    @Test("A passed deadline fails the call with deadlineExceeded, and the handler sees cancellation")
    func deadline() async throws {
        let observations = Observations()
        try await withTestServer(services: [EchoService(observations: observations)]) { path, _ in
            try await withTestClient(path) { client in
                var options = CallOptions.defaults
                options.timeout = .milliseconds(300)
                // On a loaded machine the deadline can pass before the server even starts the
                // handler; try until one attempt reaches it.
                for _ in 0..<10 where observations.started == 0 {
                    let error = try await #require(throws: RPCError.self) {
                        try await EchoService.Method.wait.call(on: client, EchoRequest(text: "x", payload: nil), options: options)
                    }
                    #expect(error.code == .deadlineExceeded)
                }
                #expect(observations.started > 0)
                #expect(await observations.wait { $0.cancelled == $0.started })
            }
        }
    }

    @Test("The deadline travels with the call: the server enforces it even if the client does not wait")
    func serverEnforcedDeadline() async throws {
        let observations = Observations()
        try await withTestServer(services: [EchoService(observations: observations)]) { path, _ in
            let socket = try RawSocket(path: path)
            socket.write(prefaceBytes)
            let request = try BinaryMessageSerializer<EchoRequest>().serialize(EchoRequest(text: "x", payload: nil)) as [UInt8]
            socket.write(RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.test.Echo/Wait", timeoutMicroseconds: 50_000)).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x02, flags: 0, payload: request).encoded())
            socket.write(RawFrame(streamID: 1, kind: 0x03, flags: 0, payload: []).encoded())
            let frames = await socket.readFrames(until: 0x05, streamID: 1)
            #expect(frames.last?.status?.code == UInt8(RPCError.Code.deadlineExceeded.rawValue))
            #expect(await observations.wait { $0.cancelled == 1 })
        }
    }

    @Test("Cancelling the calling task cancels the handler on the server")
    func clientCancellation() async throws {
        let observations = Observations()
        try await withTestServer(services: [EchoService(observations: observations)]) { path, _ in
            try await withTestClient(path) { client in
                let call = Task {
                    try await EchoService.Method.wait.call(on: client, EchoRequest(text: "x", payload: nil))
                }
                #expect(await observations.wait { $0.started == 1 })
                call.cancel()
                _ = await call.result
                #expect(await observations.wait { $0.cancelled == 1 })
                // The connection keeps serving.
                let echoed = try await echo(client, "ok")
                #expect(echoed == "ok")
            }
        }
    }

    @Test("A bidirectional stream carries many messages each way")
    func bidirectional() async throws {
        try await withTestServer { path, _ in
            try await withTestClient(path) { client in
                let received = try await EchoService.Method.stream.call(on: client) { writer in
                    for i in 0..<2_000 { try await writer.write(EchoRequest(text: "\(i)", payload: nil)) }
                } consume: { responses in
                    var texts: [String] = []
                    for try await response in responses { texts.append(response.text) }
                    return texts
                }
                #expect(received == (0..<2_000).map(String.init))
            }
        }
    }
}
