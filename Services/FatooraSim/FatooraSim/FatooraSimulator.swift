public import ServiceRuntime

/// A local stand-in for ZATCA's Fatoora platform, for development and tests.
///
/// The process serves its health RPC on `fatoora-sim.sock`; its domain RPCs arrive with the
/// issue that builds them.
public enum FatooraSimulator {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        ServiceParts(rpcServices: [])
    }
}
