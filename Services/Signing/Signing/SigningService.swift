public import ServiceRuntime

/// Key custody, the cryptographic stamp, QR codes and the invoice chain.
///
/// The process serves its health RPC on `signing.sock`; its domain RPCs arrive with the
/// issue that builds them.
public enum SigningService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        ServiceParts(rpcServices: [])
    }
}
