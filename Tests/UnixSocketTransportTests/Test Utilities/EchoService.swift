import EInvoiceRPC
import Foundation
import GRPCCore
import Synchronization

struct EchoRequest: Codable, Sendable, Equatable {
    var text: String
    var payload: Data?
}

struct EchoResponse: Codable, Sendable, Equatable {
    var text: String
    var payload: Data?
    var metadataSeen: [String: String]
}

/// What the echo service's handlers observed, for tests to check.
final class Observations: Sendable {
    private let state = Mutex<(cancelled: Int, started: Int)>((0, 0))

    var cancelled: Int { state.withLock { $0.cancelled } }
    var started: Int { state.withLock { $0.started } }

    func recordStart() { state.withLock { $0.started += 1 } }
    func recordCancellation() { state.withLock { $0.cancelled += 1 } }

    /// Waits until `condition` holds, up to `timeout`.
    func wait(timeout: Duration = .seconds(30), until condition: (Observations) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(self)
    }
}

/// A test service with one method per transport behaviour worth checking.
struct EchoService: RegistrableRPCService {
    static let descriptor = ServiceDescriptor(package: "einvoice.test", service: "Echo")

    enum Method {
        static let get = UnaryMethod<EchoRequest, EchoResponse>(service: descriptor, name: "Get")
        static let wait = UnaryMethod<EchoRequest, EchoResponse>(service: descriptor, name: "Wait")
        static let slow = UnaryMethod<EchoRequest, EchoResponse>(service: descriptor, name: "Slow")
        static let fail = UnaryMethod<EchoRequest, EchoResponse>(service: descriptor, name: "Fail")
        static let stream = BidirectionalStreamingMethod<EchoRequest, EchoResponse>(service: descriptor, name: "Stream")
        static let unknown = UnaryMethod<EchoRequest, EchoResponse>(service: descriptor, name: "DoesNotExist")
        static let metadata = MethodDescriptor(service: descriptor, method: "Metadata")
    }

    let observations: Observations

    init(observations: Observations = Observations()) {
        self.observations = observations
    }

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Method.get.register(in: &router) { request, context in
            EchoResponse(text: request.text, payload: request.payload, metadataSeen: [:])
        }
        Method.wait.register(in: &router) { [observations] request, context in
            observations.recordStart()
            // Blocks until the RPC is cancelled (deadline, client cancel, or connection loss).
            await withRPCCancellationHandler {
                while !context.cancellation.isCancelled {
                    try? await Task.sleep(for: .milliseconds(5))
                }
            } onCancelRPC: {}
            observations.recordCancellation()
            throw RPCError(code: .cancelled, message: "cancelled")
        }
        Method.slow.register(in: &router) { [observations] request, context in
            observations.recordStart()
            try await Task.sleep(for: .milliseconds(Int(request.text) ?? 200))
            return EchoResponse(text: "done \(request.text)", payload: nil, metadataSeen: [:])
        }
        Method.fail.register(in: &router) { request, context in
            throw RPCError(code: .failedPrecondition, message: "Rule BR-KSA-40 failed: \(request.text)", metadata: ["rule-id": "BR-KSA-40"])
        }
        Method.stream.register(in: &router) { requests, writer, context in
            for try await request in requests {
                try await writer.write(EchoResponse(text: request.text, payload: request.payload, metadataSeen: [:]))
            }
        }
        router.registerHandler(
            forMethod: Method.metadata,
            deserializer: BinaryMessageDeserializer<EchoRequest>(),
            serializer: BinaryMessageSerializer<EchoResponse>()
        ) { request, context in
            var seen: [String: String] = [:]
            for (key, value) in request.metadata {
                if case .string(let text) = value { seen[key] = text } else if case .binary(let bytes) = value { seen[key] = bytes.map(String.init).joined(separator: ",") }
            }
            let single = try await ServerRequest(stream: request)
            let response = EchoResponse(text: single.message.text, payload: nil, metadataSeen: seen)
            return StreamingServerResponse(
                single: ServerResponse(message: response, metadata: ["initial": "yes"], trailingMetadata: ["trailing": "done", "blob-bin": .binary([1, 2, 3])])
            )
        }
    }
}

/// Calls `Echo/Get` with `text` and returns the echoed text.
func echo<Transport: ClientTransport>(_ client: GRPCClient<Transport>, _ text: String) async throws -> String {
    try await EchoService.Method.get.call(on: client, EchoRequest(text: text, payload: nil)).text
}
