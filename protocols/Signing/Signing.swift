public import EInvoiceRPC
public import GRPCCore

/// `einvoice.signing.v1.Signing`: key custody, the ZATCA stamp, the invoice chain, QR codes and
/// verification. Served by `signing-service` on `signing.sock`.
public enum Signing: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.signing.v1", service: "Signing")

    public enum Method: Sendable {
        /// Generates a unit's secp256k1 key inside the service and returns its CSR.
        public static let createKey = UnaryMethod<CreateKeyRequest, CreateKeyResponse>(service: descriptor, name: "CreateKey")
        public static let getCSR = UnaryMethod<UnitRequest, CSRResponse>(service: descriptor, name: "GetCSR")
        /// Installs a certificate for a unit's key (refused unless it matches the key).
        public static let installCertificate = UnaryMethod<InstallCertificateRequest, SigningUnit>(service: descriptor, name: "InstallCertificate")
        public static let importKey = UnaryMethod<ImportKeyRequest, SigningUnit>(service: descriptor, name: "ImportKey")
        public static let listUnits = UnaryMethod<ListUnitsRequest, ListUnitsResponse>(service: descriptor, name: "ListUnits")
        public static let getUnit = UnaryMethod<UnitRequest, SigningUnit>(service: descriptor, name: "GetUnit")
        /// Stamps one document: next ICV, PIH, hash, signature, XAdES, QR; durable before the reply.
        public static let stamp = UnaryMethod<StampRequest, StampResponse>(service: descriptor, name: "Stamp")
        /// Stamps a stream of documents (bulk work), several per message; each answer carries its
        /// stamp or its error, and answers ready together go out in one message.
        public static let stampStream = BidirectionalStreamingMethod<BulkStampBatch, BulkStampResults>(service: descriptor, name: "StampStream")
        public static let verify = UnaryMethod<VerifyRequest, VerifyResponse>(service: descriptor, name: "Verify")
        public static let renderQR = UnaryMethod<QRImageRequest, QRImageResponse>(service: descriptor, name: "RenderQR")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func createKey(_ request: CreateKeyRequest, context: ServerContext) async throws -> CreateKeyResponse
        func getCSR(_ request: UnitRequest, context: ServerContext) async throws -> CSRResponse
        func installCertificate(_ request: InstallCertificateRequest, context: ServerContext) async throws -> SigningUnit
        func importKey(_ request: ImportKeyRequest, context: ServerContext) async throws -> SigningUnit
        func listUnits(_ request: ListUnitsRequest, context: ServerContext) async throws -> ListUnitsResponse
        func getUnit(_ request: UnitRequest, context: ServerContext) async throws -> SigningUnit
        func stamp(_ request: StampRequest, context: ServerContext) async throws -> StampResponse
        func stampStream(
            _ requests: RPCAsyncSequence<BulkStampBatch, any Error>,
            _ responses: RPCWriter<BulkStampResults>,
            context: ServerContext
        ) async throws
        func verify(_ request: VerifyRequest, context: ServerContext) async throws -> VerifyResponse
        func renderQR(_ request: QRImageRequest, context: ServerContext) async throws -> QRImageResponse
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func createKey(_ request: CreateKeyRequest, options: CallOptions = .defaults) async throws -> CreateKeyResponse {
            try await Method.createKey.call(on: client, request, options: options)
        }

        public func getCSR(_ request: UnitRequest, options: CallOptions = .defaults) async throws -> CSRResponse {
            try await Method.getCSR.call(on: client, request, options: options)
        }

        public func installCertificate(_ request: InstallCertificateRequest, options: CallOptions = .defaults) async throws -> SigningUnit {
            try await Method.installCertificate.call(on: client, request, options: options)
        }

        public func importKey(_ request: ImportKeyRequest, options: CallOptions = .defaults) async throws -> SigningUnit {
            try await Method.importKey.call(on: client, request, options: options)
        }

        public func listUnits(options: CallOptions = .defaults) async throws -> ListUnitsResponse {
            try await Method.listUnits.call(on: client, ListUnitsRequest(), options: options)
        }

        public func getUnit(_ egsID: String, options: CallOptions = .defaults) async throws -> SigningUnit {
            try await Method.getUnit.call(on: client, UnitRequest(egsID: egsID), options: options)
        }

        public func stamp(_ request: StampRequest, metadata: Metadata = [:], options: CallOptions = .defaults) async throws -> StampResponse {
            try await Method.stamp.call(on: client, request, metadata: metadata, options: options)
        }

        public func stampStream<Result: Sendable>(
            options: CallOptions = .defaults,
            requests: @escaping @Sendable (RPCWriter<BulkStampBatch>) async throws -> Void,
            responses: @escaping @Sendable (RPCAsyncSequence<BulkStampResults, any Error>) async throws -> Result
        ) async throws -> Result {
            try await Method.stampStream.call(on: client, options: options, produce: requests, consume: responses)
        }

        public func verify(_ request: VerifyRequest, options: CallOptions = .defaults) async throws -> VerifyResponse {
            try await Method.verify.call(on: client, request, options: options)
        }

        public func renderQR(_ request: QRImageRequest, options: CallOptions = .defaults) async throws -> QRImageResponse {
            try await Method.renderQR.call(on: client, request, options: options)
        }
    }
}

extension Signing.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Signing.Method.createKey.register(in: &router) { try await self.createKey($0, context: $1) }
        Signing.Method.getCSR.register(in: &router) { try await self.getCSR($0, context: $1) }
        Signing.Method.installCertificate.register(in: &router) { try await self.installCertificate($0, context: $1) }
        Signing.Method.importKey.register(in: &router) { try await self.importKey($0, context: $1) }
        Signing.Method.listUnits.register(in: &router) { try await self.listUnits($0, context: $1) }
        Signing.Method.getUnit.register(in: &router) { try await self.getUnit($0, context: $1) }
        Signing.Method.stamp.register(in: &router) { try await self.stamp($0, context: $1) }
        Signing.Method.stampStream.register(in: &router) { try await self.stampStream($0, $1, context: $2) }
        Signing.Method.verify.register(in: &router) { try await self.verify($0, context: $1) }
        Signing.Method.renderQR.register(in: &router) { try await self.renderQR($0, context: $1) }
    }
}
