public import EInvoiceRPC
public import Foundation
public import GRPCCore

/// `einvoice.gateway.v1.Gateway`: the gateway's own RPCs on `gateway.sock`. Every other
/// service's unary RPCs are also served there, forwarded to the service with a request ID and
/// the caller's remaining deadline.
public enum Gateway: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.gateway.v1", service: "Gateway")
    /// The metadata key of the request ID the gateway gives each call (or keeps, when the caller sent one).
    public static let requestIDKey = "einvoice-request-id"

    public enum Method: Sendable {
        /// The health of every service, as the gateway sees it.
        public static let status = UnaryMethod<StatusRequest, StatusResponse>(service: descriptor, name: "Status")
        /// A new API key for the HTTP API; the key itself is returned once and only its hash is kept.
        public static let createAPIKey = UnaryMethod<CreateAPIKeyRequest, CreatedAPIKey>(service: descriptor, name: "CreateAPIKey")
        public static let listAPIKeys = UnaryMethod<StatusRequest, APIKeyList>(service: descriptor, name: "ListAPIKeys")
        public static let revokeAPIKey = UnaryMethod<APIKeyReference, APIKeyRecord>(service: descriptor, name: "RevokeAPIKey")
        /// The address of an invoice's page, with the token that lets a buyer open it.
        public static let invoiceLink = UnaryMethod<InvoiceLinkRequest, InvoiceLink>(service: descriptor, name: "InvoiceLink")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func status(_ request: StatusRequest, context: ServerContext) async throws -> StatusResponse
        func createAPIKey(_ request: CreateAPIKeyRequest, context: ServerContext) async throws -> CreatedAPIKey
        func listAPIKeys(_ request: StatusRequest, context: ServerContext) async throws -> APIKeyList
        func revokeAPIKey(_ request: APIKeyReference, context: ServerContext) async throws -> APIKeyRecord
        func invoiceLink(_ request: InvoiceLinkRequest, context: ServerContext) async throws -> InvoiceLink
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func status(options: CallOptions = .defaults) async throws -> StatusResponse {
            try await Method.status.call(on: client, StatusRequest(), options: options)
        }

        public func createAPIKey(_ request: CreateAPIKeyRequest, options: CallOptions = .defaults) async throws -> CreatedAPIKey {
            try await Method.createAPIKey.call(on: client, request, options: options)
        }

        public func listAPIKeys(options: CallOptions = .defaults) async throws -> APIKeyList {
            try await Method.listAPIKeys.call(on: client, StatusRequest(), options: options)
        }

        public func revokeAPIKey(_ id: String, options: CallOptions = .defaults) async throws -> APIKeyRecord {
            try await Method.revokeAPIKey.call(on: client, APIKeyReference(id: id), options: options)
        }

        public func invoiceLink(_ request: InvoiceLinkRequest, options: CallOptions = .defaults) async throws -> InvoiceLink {
            try await Method.invoiceLink.call(on: client, request, options: options)
        }
    }
}

extension Gateway.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Gateway.Method.status.register(in: &router) { try await self.status($0, context: $1) }
        Gateway.Method.createAPIKey.register(in: &router) { try await self.createAPIKey($0, context: $1) }
        Gateway.Method.listAPIKeys.register(in: &router) { try await self.listAPIKeys($0, context: $1) }
        Gateway.Method.revokeAPIKey.register(in: &router) { try await self.revokeAPIKey($0, context: $1) }
        Gateway.Method.invoiceLink.register(in: &router) { try await self.invoiceLink($0, context: $1) }
    }
}

public struct StatusRequest: Codable, Sendable {
    public init() {}
}

/// One service's health, as the gateway saw it.
public struct ServiceStatus: Codable, Sendable, Hashable {
    public var service: String
    /// `serving`, `not_serving`, `draining`, `not_responding` or `unreachable`.
    public var status: String
    public var pid: Int32?
    public var version: String?
    public var startedAt: Date?
    public var socket: String
    public var error: String?

    public init(service: String, status: String, pid: Int32? = nil, version: String? = nil, startedAt: Date? = nil, socket: String, error: String? = nil) {
        self.service = service
        self.status = status
        self.pid = pid
        self.version = version
        self.startedAt = startedAt
        self.socket = socket
        self.error = error
    }
}

public struct StatusResponse: Codable, Sendable {
    public var services: [ServiceStatus]
    /// Where the HTTP API listens (`http://127.0.0.1:8088/`), when it does.
    public var httpURL: String?

    public init(services: [ServiceStatus], httpURL: String?) {
        self.services = services
        self.httpURL = httpURL
    }
}

public struct CreateAPIKeyRequest: Codable, Sendable {
    /// Who uses it (`erp`, `pos-riyadh`).
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

public struct APIKeyRecord: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// The key's first characters, to recognise it.
    public var prefix: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(id: String, name: String, prefix: String, createdAt: Date, lastUsedAt: Date?, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

public struct CreatedAPIKey: Codable, Sendable {
    public var record: APIKeyRecord
    /// The key: shown this once.
    public var key: String

    public init(record: APIKeyRecord, key: String) {
        self.record = record
        self.key = key
    }
}

public struct APIKeyList: Codable, Sendable {
    public var keys: [APIKeyRecord]

    public init(keys: [APIKeyRecord]) {
        self.keys = keys
    }
}

public struct APIKeyReference: Codable, Sendable {
    public var id: String

    public init(id: String) {
        self.id = id
    }
}

public struct InvoiceLinkRequest: Codable, Sendable {
    /// The invoice's number or id.
    public var reference: String
    public var sellerVAT: String?

    public init(reference: String, sellerVAT: String? = nil) {
        self.reference = reference
        self.sellerVAT = sellerVAT
    }
}

public struct InvoiceLink: Codable, Sendable {
    public var invoiceID: String
    /// The page: bilingual, with the QR code.
    public var url: String

    public init(invoiceID: String, url: String) {
        self.invoiceID = invoiceID
        self.url = url
    }
}
