public import ServiceRuntime

/// A durable outbox that delivers invoices and alerts by e-mail and webhooks.
///
/// The process serves its health RPC on `notification.sock`; its domain RPCs arrive with the
/// issue that builds them.
public enum NotificationService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        ServiceParts(rpcServices: [])
    }
}
