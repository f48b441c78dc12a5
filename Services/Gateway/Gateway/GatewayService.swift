public import ServiceRuntime

/// The single entry point: routes and orchestrates calls across the services.
///
/// The process serves its health RPC on `gateway.sock`; its domain RPCs arrive with the
/// issue that builds them.
public enum GatewayService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        ServiceParts(rpcServices: [])
    }
}
