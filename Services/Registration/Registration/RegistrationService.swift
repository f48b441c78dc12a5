public import ServiceRuntime

/// Taxpayers, EGS units, buyers and onboarding with ZATCA.
///
/// The process serves its health RPC on `registration.sock`; its domain RPCs arrive with the
/// issue that builds them.
public enum RegistrationService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        ServiceParts(rpcServices: [])
    }
}
