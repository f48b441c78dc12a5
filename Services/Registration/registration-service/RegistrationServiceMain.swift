import ArgumentParser
import Registration
import ServiceRuntime

@main
struct RegistrationServiceMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "registration-service",
        abstract: "Taxpayers, EGS units, buyers and onboarding with ZATCA."
    )
    static let service = ServiceName.registration

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await RegistrationService.parts(context)
    }
}
