import ArgumentParser
import Invoicing
import ServiceRuntime

@main
struct InvoicingServiceMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "invoicing-service",
        abstract: "Invoices and notes: VAT, UBL 2.1 XML, business rules and the invoice store."
    )
    static let service = ServiceName.invoicing

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await InvoicingService.parts(context)
    }
}
