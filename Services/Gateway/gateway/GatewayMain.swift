import ArgumentParser
import Gateway
import ServiceRuntime

@main
struct GatewayMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "The single entry point: routes and orchestrates calls across the services."
    )
    static let service = ServiceName.gateway

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await GatewayService.parts(context)
    }
}
