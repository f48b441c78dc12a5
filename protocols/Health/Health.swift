public import EInvoiceRPC
public import Foundation
public import GRPCCore

/// `einvoice.health.v1.Health`: every einvoice process serves it on its socket.
public enum Health: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.health.v1", service: "Health")

    public enum Method: Sendable {
        /// Reports whether the process serves calls, with its identity and uptime.
        public static let check = UnaryMethod<HealthCheckRequest, HealthCheckResponse>(service: descriptor, name: "Check")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func check(_ request: HealthCheckRequest, context: ServerContext) async throws -> HealthCheckResponse
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func check(_ request: HealthCheckRequest = HealthCheckRequest(), options: CallOptions = .defaults) async throws -> HealthCheckResponse {
            try await Method.check.call(on: client, request, options: options)
        }
    }
}

extension Health.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Health.Method.check.register(in: &router) { request, context in
            try await self.check(request, context: context)
        }
    }
}

public struct HealthCheckRequest: Codable, Sendable, Hashable {
    public init() {}
}

public enum ServingStatus: String, Codable, Sendable, Hashable {
    /// Ready for calls.
    case serving
    /// Running but not ready (for example still opening its database).
    case notServing = "not_serving"
    /// Shutting down: finishing the calls in flight, taking no new ones.
    case draining
}

public struct HealthCheckResponse: Codable, Sendable, Hashable {
    /// The process's short name: `signing`, `invoicing`, ….
    public var service: String
    public var status: ServingStatus
    public var version: String
    public var pid: Int32
    public var startedAt: Date
    /// Service-specific facts worth showing an operator (database path, units loaded, …).
    public var details: [String: String]

    public init(service: String, status: ServingStatus, version: String, pid: Int32, startedAt: Date, details: [String: String] = [:]) {
        self.service = service
        self.status = status
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.details = details
    }
}
