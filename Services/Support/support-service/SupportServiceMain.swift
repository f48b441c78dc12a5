import ArgumentParser
import ServiceRuntime
import Support

@main
struct SupportServiceMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "support-service",
        abstract: "The support desk: diagnosis of invoices in Arabic and English, tickets, business-hours SLA clocks."
    )
    static let service = ServiceName.support

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await SupportService.parts(context)
    }
}
