public import GRPCCore

/// A unary RPC of a contract: its descriptor plus the glue that registers a handler for it and
/// calls it with the binary Codable serializer. Contracts in `protocols/` declare one per method.
public struct UnaryMethod<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    public let descriptor: MethodDescriptor

    public init(service: ServiceDescriptor, name: String) {
        self.descriptor = MethodDescriptor(service: service, method: name)
    }

    public func register<Transport: ServerTransport>(
        in router: inout RPCRouter<Transport>,
        _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        router.registerHandler(
            forMethod: descriptor,
            deserializer: BinaryMessageDeserializer<Request>(),
            serializer: BinaryMessageSerializer<Response>()
        ) { request, context in
            let single = try await ServerRequest(stream: request)
            let response = try await handler(single.message, context)
            return StreamingServerResponse(single: ServerResponse(message: response))
        }
    }

    public func call<Transport: ClientTransport>(
        on client: GRPCClient<Transport>,
        _ request: Request,
        metadata: Metadata = [:],
        options: CallOptions = .defaults
    ) async throws -> Response {
        try await client.unary(
            request: ClientRequest(message: request, metadata: metadata),
            descriptor: descriptor,
            serializer: BinaryMessageSerializer<Request>(),
            deserializer: BinaryMessageDeserializer<Response>(),
            options: options
        ) { response in
            try response.message
        }
    }
}

/// A bidirectional-streaming RPC of a contract.
public struct BidirectionalStreamingMethod<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    public let descriptor: MethodDescriptor

    public init(service: ServiceDescriptor, name: String) {
        self.descriptor = MethodDescriptor(service: service, method: name)
    }

    /// Registers `handler`, which reads requests from the sequence and writes responses.
    public func register<Transport: ServerTransport>(
        in router: inout RPCRouter<Transport>,
        _ handler: @escaping @Sendable (RPCAsyncSequence<Request, any Error>, RPCWriter<Response>, ServerContext) async throws -> Void
    ) {
        router.registerHandler(
            forMethod: descriptor,
            deserializer: BinaryMessageDeserializer<Request>(),
            serializer: BinaryMessageSerializer<Response>()
        ) { request, context in
            StreamingServerResponse { writer in
                try await handler(request.messages, writer, context)
                return [:]
            }
        }
    }

    /// Runs the call: `produce` writes requests, `consume` reads responses; both run concurrently.
    public func call<Transport: ClientTransport, Result: Sendable>(
        on client: GRPCClient<Transport>,
        metadata: Metadata = [:],
        options: CallOptions = .defaults,
        produce: @escaping @Sendable (RPCWriter<Request>) async throws -> Void,
        consume: @escaping @Sendable (RPCAsyncSequence<Response, any Error>) async throws -> Result
    ) async throws -> Result {
        try await client.bidirectionalStreaming(
            request: StreamingClientRequest(metadata: metadata, producer: produce),
            descriptor: descriptor,
            serializer: BinaryMessageSerializer<Request>(),
            deserializer: BinaryMessageDeserializer<Response>(),
            options: options
        ) { response in
            try await consume(response.messages)
        }
    }
}
