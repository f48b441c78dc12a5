public import EInvoiceRPC
public import GRPCCore

/// `einvoice.notification.v1.Notification`: a durable outbox that delivers e-mail and webhooks.
/// Served by `notification-service` on `notification.sock`.
///
/// Delivery is at least once: a message may arrive twice (after a crash between sending and
/// recording), always with the same idempotency key, which receivers use to drop the repeat.
public enum Notifications: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.notification.v1", service: "Notification")

    public enum Method: Sendable {
        /// Stores a message for delivery; the same key returns the first message.
        public static let enqueue = UnaryMethod<EnqueueRequest, EnqueueResponse>(service: descriptor, name: "Enqueue")
        /// Turns an event (an invoice is ready, ZATCA rejected one, …) into the messages it calls for.
        public static let publish = UnaryMethod<PublishRequest, PublishResponse>(service: descriptor, name: "Publish")
        /// One message with its attempts.
        public static let get = UnaryMethod<GetMessageRequest, MessageDetail>(service: descriptor, name: "Get")
        public static let list = UnaryMethod<ListMessagesRequest, ListMessagesResponse>(service: descriptor, name: "List")
        /// Puts a dead letter (or a waiting message) back in line now.
        public static let retry = UnaryMethod<GetMessageRequest, MessageRecord>(service: descriptor, name: "Retry")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func enqueue(_ request: EnqueueRequest, context: ServerContext) async throws -> EnqueueResponse
        func publish(_ request: PublishRequest, context: ServerContext) async throws -> PublishResponse
        func get(_ request: GetMessageRequest, context: ServerContext) async throws -> MessageDetail
        func list(_ request: ListMessagesRequest, context: ServerContext) async throws -> ListMessagesResponse
        func retry(_ request: GetMessageRequest, context: ServerContext) async throws -> MessageRecord
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func enqueue(_ request: EnqueueRequest, options: CallOptions = .defaults) async throws -> EnqueueResponse {
            try await Method.enqueue.call(on: client, request, options: options)
        }

        public func publish(_ request: PublishRequest, options: CallOptions = .defaults) async throws -> PublishResponse {
            try await Method.publish.call(on: client, request, options: options)
        }

        public func get(_ request: GetMessageRequest, options: CallOptions = .defaults) async throws -> MessageDetail {
            try await Method.get.call(on: client, request, options: options)
        }

        public func list(_ request: ListMessagesRequest, options: CallOptions = .defaults) async throws -> ListMessagesResponse {
            try await Method.list.call(on: client, request, options: options)
        }

        public func retry(_ request: GetMessageRequest, options: CallOptions = .defaults) async throws -> MessageRecord {
            try await Method.retry.call(on: client, request, options: options)
        }
    }
}

extension Notifications.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Notifications.Method.enqueue.register(in: &router) { try await self.enqueue($0, context: $1) }
        Notifications.Method.publish.register(in: &router) { try await self.publish($0, context: $1) }
        Notifications.Method.get.register(in: &router) { try await self.get($0, context: $1) }
        Notifications.Method.list.register(in: &router) { try await self.list($0, context: $1) }
        Notifications.Method.retry.register(in: &router) { try await self.retry($0, context: $1) }
    }
}
