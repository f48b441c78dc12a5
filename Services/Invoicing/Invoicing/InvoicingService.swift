public import ServiceRuntime

/// Invoices and notes: VAT, UBL 2.1 XML, business rules and the invoice store.
///
/// The process serves its health RPC on `invoicing.sock`; its domain RPCs arrive with the
/// issue that builds them.
public enum InvoicingService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        ServiceParts(rpcServices: [])
    }
}
