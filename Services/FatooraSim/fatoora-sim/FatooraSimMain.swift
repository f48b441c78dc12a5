import ArgumentParser
import FatooraSim
import ServiceRuntime

@main
struct FatooraSimMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "fatoora-sim",
        abstract: "A local stand-in for ZATCA's Fatoora platform, for development and tests."
    )
    static let service = ServiceName.fatooraSim

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await FatooraSimulator.parts(context)
    }
}
